package org.jiotop.linux;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes generic-netlink taskstats requests and decodes replies. Pure byte work, so it is tested
 * with captured reply bytes. Every read is bounded by the enclosing message and attribute lengths.
 * Requests and replies are built and read in Java arrays ({@link LittleEndian}), copied to and
 * from native memory in one call each.
 */
public final class GenlCodec {
    static final int NLMSG_HDRLEN = 16;
    static final int GENL_HDRLEN = 4;
    static final int NLA_HDRLEN = 4;
    static final int NLMSG_ERROR = 2;
    static final int NLM_F_REQUEST = 1;
    static final int NLM_F_ACK = 4;
    static final int GENL_ID_CTRL = 0x10;
    static final int CTRL_CMD_GETFAMILY = 3;
    static final int CTRL_ATTR_FAMILY_ID = 1;
    static final int CTRL_ATTR_FAMILY_NAME = 2;
    static final int TASKSTATS_CMD_GET = 1;
    static final int CMD_ATTR_PID = 1;
    static final int CMD_ATTR_TGID = 2;
    static final int TYPE_PID = 1;
    static final int TYPE_TGID = 2;
    static final int TYPE_STATS = 3;
    static final int TYPE_AGGR_PID = 4;
    static final int TYPE_AGGR_TGID = 5;
    /** Size of one TASKSTATS_CMD_GET request: header, genl header, one u32 attribute. */
    public static final int QUERY_SIZE = NLMSG_HDRLEN + GENL_HDRLEN + NLA_HDRLEN + 4;

    private GenlCodec() {
    }

    static int align4(int n) {
        return (n + 3) & ~3;
    }

    /** A netlink and generic-netlink header at {@code at}. */
    static void header(byte[] buf, int at, int len, int type, int flags, int seq, int cmd) {
        LittleEndian.put32(buf, at, len);
        LittleEndian.put16(buf, at + 4, type);
        LittleEndian.put16(buf, at + 6, flags);
        LittleEndian.put32(buf, at + 8, seq);
        LittleEndian.put32(buf, at + 12, 0);
        buf[at + 16] = (byte) cmd;
        buf[at + 17] = 1;
        LittleEndian.put16(buf, at + 18, 0);
    }

    /** An attribute header at {@code at}, for a payload of {@code payload} bytes. */
    static void attribute(byte[] buf, int at, int type, int payload) {
        LittleEndian.put16(buf, at, NLA_HDRLEN + payload);
        LittleEndian.put16(buf, at + 2, type);
    }

    /** Writes a {@code TASKSTATS_CMD_GET} for one TID (or TGID) at {@code at}; returns its size. */
    public static int putQuery(byte[] buf, int at, int familyId, int seq, int id, boolean tgid) {
        header(buf, at, QUERY_SIZE, familyId, NLM_F_REQUEST, seq, TASKSTATS_CMD_GET);
        attribute(buf, at + 20, tgid ? CMD_ATTR_TGID : CMD_ATTR_PID, 4);
        LittleEndian.put32(buf, at + 24, id);
        return QUERY_SIZE;
    }

    /**
     * Writes at 0 a request whose one attribute of type {@code attribute} holds {@code value}
     * (NUL-terminated, zero-padded); returns its size.
     */
    static int putStringRequest(ByteBuffer buf, int type, int flags, int seq, int cmd, int attribute, String value) {
        byte[] z = (value + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[NLMSG_HDRLEN + GENL_HDRLEN + align4(NLA_HDRLEN + z.length)];
        header(request, 0, request.length, type, flags, seq, cmd);
        attribute(request, 20, attribute, z.length);
        System.arraycopy(z, 0, request, 24, z.length);
        buf.put(0, request);
        return request.length;
    }

    /** Writes the controller's "which id has family NAME" request; returns its size. */
    static int putFamilyQuery(ByteBuffer buf, int seq, String name) {
        return putStringRequest(buf, GENL_ID_CTRL, NLM_F_REQUEST, seq, CTRL_CMD_GETFAMILY, CTRL_ATTR_FAMILY_NAME, name);
    }

    /**
     * The family id in a controller reply, or the negated errno when the reply is an error
     * (ENOENT: no such family), or 0 when the reply holds no id.
     */
    static int familyIdOf(ByteBuffer buf, int length) {
        if (length < NLMSG_HDRLEN) {
            return 0;
        }
        int msgLen = Math.min(buf.getInt(0), length);
        int type = Short.toUnsignedInt(buf.getShort(4));
        if (type == NLMSG_ERROR && msgLen >= NLMSG_HDRLEN + 4) {
            return buf.getInt(16);
        }
        for (int at = NLMSG_HDRLEN + GENL_HDRLEN; at + NLA_HDRLEN <= msgLen; ) {
            int len = Short.toUnsignedInt(buf.getShort(at));
            int attr = buf.getShort(at + 2) & 0x3fff;
            if (len < NLA_HDRLEN || at + len > msgLen) {
                return 0;
            }
            if (attr == CTRL_ATTR_FAMILY_ID && len >= NLA_HDRLEN + 2) {
                return Short.toUnsignedInt(buf.getShort(at + 4));
            }
            at += align4(len);
        }
        return 0;
    }

    /** Receives the messages of a datagram as {@link #decode(byte[], int, int, int, Sink)} reads them. */
    interface Sink {
        /**
         * A statistics reply about task (or thread group) {@code id}: its {@code struct taskstats}
         * is the {@code length} bytes at {@code struct} in {@code buf}, at least
         * {@code layout.requiredLength()} of them.
         */
        void stats(int seq, boolean tgid, int id, byte[] buf, int struct, int length, TaskstatsLayout layout);

        /** An {@code NLMSG_ERROR}: 0 is an acknowledgement. */
        void error(int seq, int errno);

        void malformed(int seq, String why);
    }

    /** A view of {@code segment} for decoding: plain buffer reads, in the kernel's (native) byte order. */
    static ByteBuffer bytes(MemorySegment segment) {
        return segment.asByteBuffer().order(ByteOrder.nativeOrder());
    }

    /**
     * Decodes every netlink message in the first {@code length} bytes of {@code buf} (one
     * datagram) and adds one reply per message to {@code out}. Never throws on bad input: a
     * message that does not decode becomes a {@link NetlinkReply.Malformed}.
     */
    public static void decode(MemorySegment buf, int length, int familyId, List<NetlinkReply> out) {
        decode(buf, length, familyId, false, out);
    }

    /** As {@link #decode(MemorySegment, int, int, List)}; {@code names} also decodes each task's name. */
    public static void decode(MemorySegment buf, int length, int familyId, boolean names, List<NetlinkReply> out) {
        decode(buf.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE), 0, length, familyId, new Sink() {
            @Override
            public void stats(int seq, boolean tgid, int id, byte[] b, int struct, int len, TaskstatsLayout l) {
                out.add(new NetlinkReply.Stats(seq, tgid, taskStats(b, struct, len, l, id, names)));
            }

            @Override
            public void error(int seq, int errno) {
                out.add(new NetlinkReply.Error(seq, errno));
            }

            @Override
            public void malformed(int seq, String why) {
                out.add(new NetlinkReply.Malformed(seq, why));
            }
        });
    }

    /**
     * Decodes every netlink message in the datagram of {@code length} bytes at {@code start} in
     * {@code buf} into {@code sink}, one call per message. Every read is bounded by the message and
     * attribute lengths, so bad input only ever becomes a {@link Sink#malformed} call.
     */
    static void decode(byte[] buf, int start, int length, int familyId, Sink sink) {
        int end = start + length;
        int at = start;
        while (at + NLMSG_HDRLEN <= end) {
            int msgLen = LittleEndian.i32(buf, at);
            int type = LittleEndian.u16(buf, at + 4);
            int seq = LittleEndian.i32(buf, at + 8);
            if (msgLen < NLMSG_HDRLEN || msgLen > end - at) {
                sink.malformed(seq, "message length " + msgLen + " outside the " + (end - at) + " bytes received");
                return;
            }
            if (type == NLMSG_ERROR) {
                if (msgLen >= NLMSG_HDRLEN + 4) {
                    sink.error(seq, -LittleEndian.i32(buf, at + NLMSG_HDRLEN));
                } else {
                    sink.malformed(seq, "error message too short");
                }
            } else if (type == familyId) {
                decodeStatsMessage(buf, at, msgLen, seq, sink);
            }
            at += align4(msgLen);
        }
    }

    private static void decodeStatsMessage(byte[] buf, int start, int msgLen, int seq, Sink sink) {
        int end = start + msgLen;
        for (int at = start + NLMSG_HDRLEN + GENL_HDRLEN; at + NLA_HDRLEN <= end; ) {
            int len = LittleEndian.u16(buf, at);
            int type = LittleEndian.u16(buf, at + 2) & 0x3fff;
            if (len < NLA_HDRLEN || len > end - at) {
                sink.malformed(seq, "attribute length " + len + " out of bounds");
                return;
            }
            if (type == TYPE_AGGR_PID || type == TYPE_AGGR_TGID) {
                decodeAggregate(buf, at + NLA_HDRLEN, at + len, seq, type == TYPE_AGGR_TGID, sink);
                return;
            }
            at += align4(len);
        }
        sink.malformed(seq, "no aggregate attribute");
    }

    private static void decodeAggregate(byte[] buf, int start, int end, int seq, boolean tgid, Sink sink) {
        int id = -1;
        for (int at = start; at + NLA_HDRLEN <= end; ) {
            int len = LittleEndian.u16(buf, at);
            int type = LittleEndian.u16(buf, at + 2) & 0x3fff;
            if (len < NLA_HDRLEN || len > end - at) {
                sink.malformed(seq, "nested attribute length " + len + " out of bounds");
                return;
            }
            if ((type == TYPE_PID || type == TYPE_TGID) && len >= NLA_HDRLEN + 4) {
                id = LittleEndian.i32(buf, at + NLA_HDRLEN);
            } else if (type == TYPE_STATS) {
                if (id < 0) {
                    sink.malformed(seq, "statistics before the task id");
                } else {
                    decodeStruct(buf, at + NLA_HDRLEN, len - NLA_HDRLEN, seq, tgid, id, sink);
                }
                return;
            }
            at += align4(len);
        }
        sink.malformed(seq, "no statistics attribute");
    }

    private static void decodeStruct(byte[] buf, int at, int len, int seq, boolean tgid, int id, Sink sink) {
        if (len < 2) {
            sink.malformed(seq, "statistics of " + len + " bytes");
            return;
        }
        int version = LittleEndian.u16(buf, at);
        if (version < TaskstatsLayout.OLDEST_SUPPORTED_VERSION) {
            sink.malformed(seq, "struct taskstats version " + version + " is too old");
            return;
        }
        TaskstatsLayout l = TaskstatsLayout.forVersion(version);
        if (len < l.requiredLength()) {
            sink.malformed(seq, "struct taskstats version " + version + " truncated to " + len + " bytes");
            return;
        }
        sink.stats(seq, tgid, id, buf, at, len, l);
    }

    /** The thread group in a struct of {@code len} bytes at {@code at}, or -1 when it does not say. */
    static int tgidOf(byte[] buf, int at, int len, TaskstatsLayout l) {
        return l.tgid() >= 0 && l.tgid() + 4 <= len ? LittleEndian.i32(buf, at + l.tgid()) : -1;
    }

    private static TaskStats taskStats(byte[] buf, int at, int len, TaskstatsLayout l, int id, boolean names) {
        return new TaskStats(
                LittleEndian.u16(buf, at),
                id,
                tgidOf(buf, at, len, l),
                names ? name(buf, at + l.comm()) : null,
                LittleEndian.i32(buf, at + l.uid()),
                LittleEndian.i32(buf, at + l.ppid()),
                LittleEndian.i64(buf, at + l.elapsed()),
                LittleEndian.i64(buf, at + l.blkioDelay()),
                LittleEndian.i64(buf, at + l.swapinDelay()),
                LittleEndian.i64(buf, at + l.readBytes()),
                LittleEndian.i64(buf, at + l.writeBytes()),
                LittleEndian.i64(buf, at + l.cancelledWriteBytes()));
    }

    private static byte[] name(byte[] buf, int at) {
        int n = 0;
        while (n < TaskstatsLayout.COMM_LENGTH && buf[at + n] != 0) {
            n++;
        }
        byte[] name = new byte[n];
        System.arraycopy(buf, at, name, 0, n);
        return name;
    }
}
