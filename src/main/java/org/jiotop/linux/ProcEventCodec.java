package org.jiotop.linux;

import static org.jiotop.linux.ProcEventLayout.CN_MSG_SIZE;
import static org.jiotop.linux.ProcEventLayout.EVENT_DATA;

/**
 * Reads process events out of the connector's datagrams, and writes the request that starts
 * them. Reads Java arrays ({@link LittleEndian} says why) and hands each event to a {@link Sink}
 * field by field, so that decoding makes no object per event.
 */
final class ProcEventCodec {
    /** The bytes of a LISTEN or IGNORE request: netlink header, connector header, the operation. */
    static final int REQUEST_SIZE = GenlCodec.NLMSG_HDRLEN + CN_MSG_SIZE + Integer.BYTES;

    private ProcEventCodec() {
    }

    /** What a datagram holds, event by event. */
    interface Sink {
        /** Comes before each fork, exec or exit: the CPU that sent it and its number on that CPU. */
        void sequence(int cpu, int seq);

        void fork(int parentPid, int parentTgid, int childPid, int childTgid);

        void exec(int pid, int tgid);

        void exit(int pid, int tgid, int exitCode, int exitSignal, int parentPid, int parentTgid);

        /**
         * The kernel's answer to a LISTEN or IGNORE, this socket's or another's: 0, or the errno it
         * refused with; sent from {@code cpu} with number {@code seq}, which some kernels take
         * from that CPU's count of events and others copy from the request.
         */
        void acknowledged(int cpu, int seq, int err);
    }

    /** Writes a request for {@code op} ({@code PROC_CN_MCAST_LISTEN} or {@code _IGNORE}) at the start of {@code b}. */
    static int putRequest(byte[] b, int op) {
        LittleEndian.put32(b, KernelLayouts.NLMSGHDR_LEN, REQUEST_SIZE);
        LittleEndian.put16(b, KernelLayouts.NLMSGHDR_TYPE, ProcEventLayout.NLMSG_DONE);
        int cn = GenlCodec.NLMSG_HDRLEN;
        LittleEndian.put32(b, cn + ProcEventLayout.CN_MSG_IDX, ProcEventLayout.CN_IDX_PROC);
        LittleEndian.put32(b, cn + ProcEventLayout.CN_MSG_VAL, ProcEventLayout.CN_VAL_PROC);
        LittleEndian.put16(b, cn + ProcEventLayout.CN_MSG_LEN, Integer.BYTES);
        LittleEndian.put32(b, cn + CN_MSG_SIZE, op);
        return REQUEST_SIZE;
    }

    /**
     * Hands every process event in the datagram {@code b[at..at+length)} to {@code sink}. A
     * message that is cut, of another connector, or of a kind not decoded here is skipped.
     */
    static void decode(byte[] b, int at, int length, Sink sink) {
        int end = at + length;
        while (at + GenlCodec.NLMSG_HDRLEN <= end) {
            int size = LittleEndian.i32(b, at + KernelLayouts.NLMSGHDR_LEN);
            // Compared with what is left, not summed with at: a length near 2^31 would wrap the sum.
            if (size < GenlCodec.NLMSG_HDRLEN || size > end - at) {
                return;
            }
            if (LittleEndian.u16(b, at + KernelLayouts.NLMSGHDR_TYPE) == ProcEventLayout.NLMSG_DONE) {
                message(b, at + GenlCodec.NLMSG_HDRLEN, at + size, sink);
            }
            at += GenlCodec.align4(size);
        }
    }

    private static void message(byte[] b, int cn, int end, Sink sink) {
        if (cn + CN_MSG_SIZE > end
                || LittleEndian.i32(b, cn + ProcEventLayout.CN_MSG_IDX) != ProcEventLayout.CN_IDX_PROC
                || LittleEndian.i32(b, cn + ProcEventLayout.CN_MSG_VAL) != ProcEventLayout.CN_VAL_PROC) {
            return;
        }
        int ev = cn + CN_MSG_SIZE;
        int evEnd = Math.min(end, ev + LittleEndian.u16(b, cn + ProcEventLayout.CN_MSG_LEN));
        if (ev + EVENT_DATA > evEnd) {
            return;
        }
        int what = LittleEndian.i32(b, ev + ProcEventLayout.EVENT_WHAT);
        int data = ev + EVENT_DATA;
        int room = evEnd - data;
        int cpu = LittleEndian.i32(b, ev + ProcEventLayout.EVENT_CPU);
        int seq = LittleEndian.i32(b, cn + ProcEventLayout.CN_MSG_SEQ);
        if (what == ProcEventLayout.PROC_EVENT_NONE) {
            if (room >= ProcEventLayout.ACK_SIZE) {
                sink.acknowledged(cpu, seq, LittleEndian.i32(b, data + ProcEventLayout.ACK_ERR));
            }
            return;
        }
        // Every other event is numbered, also those not decoded here: a gap means some were lost.
        sink.sequence(cpu, seq);
        if (what == ProcEventLayout.PROC_EVENT_FORK && room >= ProcEventLayout.FORK_SIZE) {
            sink.fork(LittleEndian.i32(b, data + ProcEventLayout.FORK_PARENT_PID),
                    LittleEndian.i32(b, data + ProcEventLayout.FORK_PARENT_TGID),
                    LittleEndian.i32(b, data + ProcEventLayout.FORK_CHILD_PID),
                    LittleEndian.i32(b, data + ProcEventLayout.FORK_CHILD_TGID));
        } else if (what == ProcEventLayout.PROC_EVENT_EXEC && room >= ProcEventLayout.EXEC_SIZE) {
            sink.exec(LittleEndian.i32(b, data + ProcEventLayout.EXEC_PID),
                    LittleEndian.i32(b, data + ProcEventLayout.EXEC_TGID));
        } else if (what == ProcEventLayout.PROC_EVENT_EXIT && room >= ProcEventLayout.EXIT_SIZE) {
            sink.exit(LittleEndian.i32(b, data + ProcEventLayout.EXIT_PID),
                    LittleEndian.i32(b, data + ProcEventLayout.EXIT_TGID),
                    LittleEndian.i32(b, data + ProcEventLayout.EXIT_CODE),
                    LittleEndian.i32(b, data + ProcEventLayout.EXIT_SIGNAL),
                    LittleEndian.i32(b, data + ProcEventLayout.EXIT_PARENT_PID),
                    LittleEndian.i32(b, data + ProcEventLayout.EXIT_PARENT_TGID));
        }
    }
}
