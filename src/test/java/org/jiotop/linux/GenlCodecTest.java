package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GenlCodecTest {
    private static final TaskstatsLayout CLASSIC = TaskstatsLayout.forVersion(16);
    private static final TaskstatsLayout V15 = TaskstatsLayout.forVersion(15);

    private static List<NetlinkReply> decode(byte[] bytes) {
        return decode(bytes, bytes.length);
    }

    private static List<NetlinkReply> decode(byte[] bytes, int length) {
        List<NetlinkReply> out = new ArrayList<>();
        GenlCodec.decode(MemorySegment.ofArray(bytes), length, ReplyBytes.FAMILY, out);
        return out;
    }

    private static TaskStats single(byte[] bytes) {
        List<NetlinkReply> r = decode(bytes);
        assertThat(r).hasSize(1).first().isInstanceOf(NetlinkReply.Stats.class);
        return ((NetlinkReply.Stats) r.getFirst()).stats();
    }

    @Test
    void capturedVersion16ReplyFromKernel618() {
        List<NetlinkReply> r = decode(ReplyBytes.fixture("v16-pid-reply.hex"));
        assertThat(r).hasSize(1);
        NetlinkReply.Stats s = (NetlinkReply.Stats) r.getFirst();
        assertThat(s.seq()).isEqualTo(77);
        assertThat(s.tgid()).isFalse();
        TaskStats t = s.stats();
        assertThat(TaskstatsLayout.version(ReplyBytes.structOf(ReplyBytes.fixture("v16-pid-reply.hex")), 0))
                .isEqualTo(16);
        assertThat(t.id()).isEqualTo(4054);
        assertThat(t.uid()).isZero();
        assertThat(t.ppid()).isEqualTo(3871);
        assertThat(t.writeBytes()).isEqualTo(1_093_632);
        assertThat(t.readBytes()).isEqualTo(8_536_064);
        assertThat(t.cancelledWriteBytes()).isZero();
        assertThat(t.elapsedMicros()).isBetween(1_000_000L, 10_000_000L);
    }

    @Test
    void capturedThreadGroupReplyHasDelaysButNoBytes() {
        List<NetlinkReply> r = decode(ReplyBytes.fixture("v16-tgid-reply.hex"));
        NetlinkReply.Stats s = (NetlinkReply.Stats) r.getFirst();
        assertThat(s.tgid()).isTrue();
        assertThat(s.stats().id()).isEqualTo(4054);
        assertThat(s.stats().writeBytes()).isZero();
    }

    @Test
    void capturedErrorForVanishedTask() {
        assertThat(decode(ReplyBytes.fixture("esrch-reply.hex")))
                .containsExactly(new NetlinkReply.Error(77, Errno.ESRCH));
    }

    @Test
    void version15MovesEveryFieldAndIsReadFromItsOwnOffsets() {
        byte[] struct = ReplyBytes.struct(560, 15, V15, 1000, 5_000_000, 11, 22, 4096, 8192, 1024);
        TaskStats t = single(ReplyBytes.message(5, false, 42, struct, 0));
        assertThat(t).isEqualTo(new TaskStats(42, -1, null, 1000, 0, 5_000_000, 11, 22, 4096, 8192, 1024));
        // The same bytes read with the classic layout would give other numbers: the version decides.
        byte[] asV16 = struct.clone();
        asV16[0] = 16;
        assertThat(single(ReplyBytes.message(5, false, 42, asV16, 0)).writeBytes()).isNotEqualTo(8192);
    }

    @Test
    void version14StyleStructOf432Bytes() {
        byte[] struct = ReplyBytes.struct(432, 14, CLASSIC, 7, 9, 300, 400, 1 << 20, 2 << 20, 4096);
        assertThat(single(ReplyBytes.message(1, false, 99, struct, 0)))
                .isEqualTo(new TaskStats(99, 0, null, 7, 0, 9, 300, 400, 1 << 20, 2 << 20, 4096));
    }

    @Test
    void version16LayoutMatchesCapturedStruct() {
        byte[] captured = ReplyBytes.structOf(ReplyBytes.fixture("v16-pid-reply.hex"));
        assertThat(captured).hasSize(560);
        byte[] rebuilt = ReplyBytes.message(77, false, 4054, captured, 0);
        assertThat(single(rebuilt).writeBytes()).isEqualTo(1_093_632);
    }

    @Test
    void paddingAttributesBeforeStatisticsAreSkipped() {
        byte[] struct = ReplyBytes.struct(560, 16, CLASSIC, 0, 1, 2, 3, 4096, 8192, 0);
        for (int pads = 1; pads <= 3; pads++) {
            assertThat(single(ReplyBytes.message(3, false, 10, struct, pads)).writeBytes()).isEqualTo(8192);
        }
    }

    @Test
    void truncatedStructIsMalformedNotMisread() {
        byte[] struct = Arrays.copyOf(ReplyBytes.struct(560, 16, CLASSIC, 0, 1, 2, 3, 4096, 8192, 0), 260);
        assertThat(decode(ReplyBytes.message(3, false, 10, struct, 0)))
                .singleElement().isInstanceOf(NetlinkReply.Malformed.class);
        byte[] v15 = Arrays.copyOf(ReplyBytes.struct(560, 15, V15, 0, 1, 2, 3, 4096, 8192, 0), 300);
        assertThat(decode(ReplyBytes.message(3, false, 10, v15, 0)))
                .singleElement().isInstanceOf(NetlinkReply.Malformed.class);
    }

    @Test
    void datagramCutInsideTheMessageIsMalformed() {
        byte[] full = ReplyBytes.fixture("v16-pid-reply.hex");
        assertThat(decode(full, 300)).singleElement().isInstanceOf(NetlinkReply.Malformed.class);
        assertThat(decode(full, 10)).isEmpty();
    }

    @Test
    void tooOldVersionIsRefused() {
        byte[] struct = ReplyBytes.struct(560, 3, CLASSIC, 0, 1, 2, 3, 4096, 8192, 0);
        assertThat(decode(ReplyBytes.message(3, false, 10, struct, 0)))
                .singleElement().isInstanceOf(NetlinkReply.Malformed.class);
    }

    @Test
    void severalMessagesInOneDatagram() {
        byte[] struct = ReplyBytes.struct(560, 16, CLASSIC, 0, 1, 2, 3, 4096, 8192, 0);
        byte[] both = ReplyBytes.concat(ReplyBytes.error(8, Errno.ESRCH), ReplyBytes.message(9, true, 12, struct, 1));
        List<NetlinkReply> r = decode(both);
        assertThat(r).hasSize(2);
        assertThat(r.get(0)).isEqualTo(new NetlinkReply.Error(8, Errno.ESRCH));
        assertThat(((NetlinkReply.Stats) r.get(1)).tgid()).isTrue();
    }

    @Test
    void queryEncodingMatchesTheKernelsFormat() {
        byte[] buf = new byte[GenlCodec.QUERY_SIZE];
        GenlCodec.putQuery(buf, 0, 31, 77, 2958, false);
        // nlmsghdr(len 28, type 31, flags REQUEST, seq 77, pid 0), genl(cmd GET, version 1), attr(len 8, PID) 2958
        assertThat(java.util.HexFormat.of().formatHex(buf))
                .isEqualTo("1c0000001f0001004d00000000000000" + "01010000" + "080001008e0b0000");
    }

    @Test
    void familyQueryEncoding() {
        byte[] buf = new byte[40];
        int len = GenlCodec.putFamilyQuery(GenlCodec.bytes(MemorySegment.ofArray(buf)), 5, "TASKSTATS");
        // nlmsghdr(len 36, type GENL_ID_CTRL, REQUEST, seq 5), genl(GETFAMILY, 1), attr(len 14, NAME) "TASKSTATS\0" + pad
        assertThat(len).isEqualTo(36);
        assertThat(java.util.HexFormat.of().formatHex(buf, 0, len)).isEqualTo("24000000100001000500000000000000"
                + "03010000" + "0e000200" + "5441534b535441545300" + "0000");
    }

    @Test
    void familyReplyAndFamilyError() {
        byte[] reply = new byte[40];
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(reply).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(36).putShort((short) 0x10).putShort((short) 0).putInt(1).putInt(0).putInt(0x0201);
        b.putShort((short) 8).putShort((short) 2).putInt(0x41534154); // a name attribute first
        b.putShort((short) 6).putShort((short) 1).putShort((short) 31);
        assertThat(GenlCodec.familyIdOf(GenlCodec.bytes(MemorySegment.ofArray(reply)), 36)).isEqualTo(31);
        assertThat(GenlCodec.familyIdOf(GenlCodec.bytes(MemorySegment.ofArray(ReplyBytes.error(1, Errno.ENOENT))), 36))
                .isEqualTo(-Errno.ENOENT);
    }

    @Test
    void namesAndThreadGroupAreDecodedForExitReports() {
        List<NetlinkReply> r = new ArrayList<>();
        byte[] reply = ReplyBytes.fixture("v16-pid-reply.hex");
        GenlCodec.decode(MemorySegment.ofArray(reply), reply.length, ReplyBytes.FAMILY, true, r);
        TaskStats t = ((NetlinkReply.Stats) r.getFirst()).stats();
        assertThat(new String(t.name(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("python3");
        assertThat(t.tgid()).isEqualTo(4054);
        assertThat(single(reply).name()).as("not decoded for plain queries").isNull();
    }
}
