package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Process events decoded from datagrams laid out by hand as the kernel's headers declare them:
 * a 16-byte netlink header, a 20-byte {@code struct cn_msg}, then {@code struct proc_event}
 * (what, cpu, an 8-byte timestamp, the event's data).
 */
class ProcEventCodecTest {
    private static final int NLMSG_DONE = 3;
    private static final int FORK = 1;
    private static final int EXEC = 2;
    private static final int UID = 4;
    private static final int EXIT = 0x80000000;

    /** Writes down what the codec hands over, one line per call. */
    private static final class Recorder implements ProcEventCodec.Sink {
        final List<String> calls = new ArrayList<>();

        @Override
        public void sequence(int cpu, int seq) {
            calls.add("seq cpu=" + cpu + " " + seq);
        }

        @Override
        public void fork(int parentPid, int parentTgid, int childPid, int childTgid) {
            calls.add("fork " + parentPid + "/" + parentTgid + " -> " + childPid + "/" + childTgid);
        }

        @Override
        public void exec(int pid, int tgid) {
            calls.add("exec " + pid + "/" + tgid);
        }

        @Override
        public void exit(int pid, int tgid, int exitCode, int exitSignal, int parentPid, int parentTgid) {
            calls.add("exit " + pid + "/" + tgid + " code=" + exitCode + " signal=" + exitSignal + " parent="
                    + parentPid + "/" + parentTgid);
        }

        @Override
        public void acknowledged(int cpu, int seq, int err) {
            calls.add("ack cpu=" + cpu + " " + seq + " err=" + err);
        }
    }

    /** One datagram of one event: the connector's {@code idx}, its sequence number, and the event's data. */
    private static byte[] event(int idx, int seq, int what, int cpu, int... data) {
        int eventLength = 16 + 4 * data.length;
        int total = 16 + 20 + eventLength;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(total).putShort((short) NLMSG_DONE).putShort((short) 0).putInt(0).putInt(0);
        b.putInt(idx).putInt(1).putInt(seq).putInt(0).putShort((short) eventLength).putShort((short) 0);
        b.putInt(what).putInt(cpu).putLong(123_456_789L);
        for (int d : data) {
            b.putInt(d);
        }
        return b.array();
    }

    private static List<String> decode(byte[] datagram) {
        Recorder r = new Recorder();
        ProcEventCodec.decode(datagram, 0, datagram.length, r);
        return r.calls;
    }

    @Test
    void aForkGivesParentAndChild() {
        assertThat(decode(event(1, 41, FORK, 1, 100, 100, 205, 200)))
                .containsExactly("seq cpu=1 41", "fork 100/100 -> 205/200");
    }

    @Test
    void anExecGivesTheProcess() {
        assertThat(decode(event(1, 7, EXEC, 0, 300, 300))).containsExactly("seq cpu=0 7", "exec 300/300");
    }

    @Test
    void anExitGivesEveryField() {
        assertThat(decode(event(1, 8, EXIT, 1, 301, 300, 256, 17, 1, 1)))
                .containsExactly("seq cpu=1 8", "exit 301/300 code=256 signal=17 parent=1/1");
    }

    @Test
    void theAnswerToAListenIsNotAnEvent() {
        assertThat(decode(event(1, 12, 0, 1, 1))).containsExactly("ack cpu=1 12 err=1");
    }

    @Test
    void otherEventsAreNumberedButNotDecoded() {
        assertThat(decode(event(1, 9, UID, 0, 300, 300, 0, 0))).containsExactly("seq cpu=0 9");
    }

    @Test
    void anotherConnectorsMessagesAreSkipped() {
        assertThat(decode(event(2, 9, FORK, 0, 1, 1, 2, 2))).isEmpty();
    }

    @Test
    void aCutEventIsSkipped() {
        byte[] whole = event(1, 9, EXIT, 0, 301, 300, 0, 0, 1, 1);
        Recorder r = new Recorder();
        ProcEventCodec.decode(whole, 0, whole.length - 4, r);
        assertThat(r.calls).isEmpty();
    }

    @Test
    void aLengthBeyondTheIntRangeEndsTheDatagramWithoutAnError() {
        byte[] a = event(1, 1, FORK, 0, 1, 1, 2, 2);
        byte[] buf = new byte[4 + a.length];
        System.arraycopy(a, 0, buf, 4, a.length);
        ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN).putInt(4, Integer.MAX_VALUE);
        Recorder r = new Recorder();
        ProcEventCodec.decode(buf, 4, a.length, r);
        assertThat(r.calls).isEmpty();
    }

    @Test
    void everyMessageOfADatagramIsDecoded() {
        byte[] a = event(1, 1, FORK, 0, 1, 1, 2, 2);
        byte[] b = event(1, 2, EXEC, 0, 2, 2);
        byte[] both = new byte[a.length + b.length + 8];
        System.arraycopy(a, 0, both, 4, a.length);
        System.arraycopy(b, 0, both, 4 + a.length, b.length);
        Recorder r = new Recorder();
        ProcEventCodec.decode(both, 4, a.length + b.length, r);
        assertThat(r.calls).containsExactly("seq cpu=0 1", "fork 1/1 -> 2/2", "seq cpu=0 2", "exec 2/2");
    }

    @Test
    void theListenRequestIsTheKernelsLayout() {
        byte[] b = new byte[ProcEventCodec.REQUEST_SIZE];
        int length = ProcEventCodec.putRequest(b, ProcEventLayout.PROC_CN_MCAST_LISTEN);
        // nlmsghdr {40, NLMSG_DONE, 0, 0, 0}, cn_msg {{1, 1}, 0, 0, 4, 0}, PROC_CN_MCAST_LISTEN
        assertThat(HexFormat.of().formatHex(b, 0, length)).isEqualTo(
                "28000000" + "0300" + "0000" + "00000000" + "00000000"
                        + "01000000" + "01000000" + "00000000" + "00000000" + "0400" + "0000"
                        + "01000000");
    }
}
