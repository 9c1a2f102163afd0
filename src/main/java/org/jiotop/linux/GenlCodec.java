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
    static final int NLMSG_HDRLEN = KernelLayouts.NLMSGHDR_SIZE;
    static final int GENL_HDRLEN = KernelLayouts.GENLMSGHDR_SIZE;
    static final int NLA_HDRLEN = KernelLayouts.NLATTR_SIZE;
    /** Where a message's payload (after the generic-netlink header) starts. */
    private static final int PAYLOAD = NLMSG_HDRLEN + GENL_HDRLEN;
    /** nla_type's top bits are flags (NLA_F_NESTED, NLA_F_NET_BYTEORDER); the type is below them. */
    private static final int NLA_TYPE_MASK = 0x3fff;
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
    /** The generic-netlink version of TASKSTATS (TASKSTATS_GENL_VERSION) and of the controller. */
    private static final int GENL_VERSION = 1;
    /** Size of one TASKSTATS_CMD_GET request: header, genl header, one u32 attribute. */
    public static final int QUERY_SIZE = PAYLOAD + NLA_HDRLEN + Integer.BYTES;

    private GenlCodec() {
    }

    /** NLMSG_ALIGN and NLA_ALIGN: netlink pads each message and attribute to 4 bytes. */
    static int align4(int n) {
        return (n + 3) & ~3;
    }

    /** A netlink and generic-netlink header at {@code at}. */
    static void header(byte[] buf, int at, int len, int type, int flags, int seq, int cmd) {
        LittleEndian.put32(buf, at + KernelLayouts.NLMSGHDR_LEN, len);
        LittleEndian.put16(buf, at + KernelLayouts.NLMSGHDR_TYPE, type);
        LittleEndian.put16(buf, at + KernelLayouts.NLMSGHDR_FLAGS, flags);
        LittleEndian.put32(buf, at + KernelLayouts.NLMSGHDR_SEQ, seq);
        LittleEndian.put32(buf, at + KernelLayouts.NLMSGHDR_PID, 0);
        int genl = at + NLMSG_HDRLEN;
        buf[genl + KernelLayouts.GENLMSGHDR_CMD] = (byte) cmd;
        buf[genl + KernelLayouts.GENLMSGHDR_VERSION] = GENL_VERSION;
        LittleEndian.put16(buf, genl + KernelLayouts.GENLMSGHDR_RESERVED, 0);
    }

    /** An attribute header at {@code at}, for a payload of {@code payload} bytes. */
    static void attribute(byte[] buf, int at, int type, int payload) {
        LittleEndian.put16(buf, at + KernelLayouts.NLATTR_LEN, NLA_HDRLEN + payload);
        LittleEndian.put16(buf, at + KernelLayouts.NLATTR_TYPE, type);
    }

    /** Writes a {@code TASKSTATS_CMD_GET} for one TID (or TGID) at {@code at}; returns its size. */
    public static int putQuery(byte[] buf, int at, int familyId, int seq, int id, boolean tgid) {
        header(buf, at, QUERY_SIZE, familyId, NLM_F_REQUEST, seq, TASKSTATS_CMD_GET);
        attribute(buf, at + PAYLOAD, tgid ? CMD_ATTR_TGID : CMD_ATTR_PID, Integer.BYTES);
        LittleEndian.put32(buf, at + PAYLOAD + NLA_HDRLEN, id);
        return QUERY_SIZE;
    }

    /**
     * Writes at 0 a request whose one attribute of type {@code attribute} holds {@code value}
     * (NUL-terminated, zero-padded); returns its size.
     */
    static int putStringRequest(ByteBuffer buf, int type, int flags, int seq, int cmd, int attribute, String value) {
        byte[] z = (value + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[PAYLOAD + align4(NLA_HDRLEN + z.length)];
        header(request, 0, request.length, type, flags, seq, cmd);
        attribute(request, PAYLOAD, attribute, z.length);
        System.arraycopy(z, 0, request, PAYLOAD + NLA_HDRLEN, z.length);
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
        int msgLen = Math.min(buf.getInt(KernelLayouts.NLMSGHDR_LEN), length);
        int type = Short.toUnsignedInt(buf.getShort(KernelLayouts.NLMSGHDR_TYPE));
        if (type == NLMSG_ERROR && msgLen >= NLMSG_HDRLEN + Integer.BYTES) {
            return buf.getInt(NLMSG_HDRLEN + KernelLayouts.NLMSGERR_ERROR);
        }
        for (int at = PAYLOAD; at + NLA_HDRLEN <= msgLen; ) {
            int len = Short.toUnsignedInt(buf.getShort(at + KernelLayouts.NLATTR_LEN));
            int attr = buf.getShort(at + KernelLayouts.NLATTR_TYPE) & NLA_TYPE_MASK;
            if (len < NLA_HDRLEN || at + len > msgLen) {
                return 0;
            }
            if (attr == CTRL_ATTR_FAMILY_ID && len >= NLA_HDRLEN + Short.BYTES) {
                return Short.toUnsignedInt(buf.getShort(at + NLA_HDRLEN));
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

    /**
     * As {@link #decode(MemorySegment, int, int, List)}; {@code names} also decodes each task's name
     * and start second, which only exit reports need.
     */
    public static void decode(MemorySegment buf, int length, int familyId, boolean names, List<NetlinkReply> out) {
        TaskCounters row = new TaskCounters();
        row.reset(1);
        decode(buf.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE), 0, length, familyId, new Sink() {
            @Override
            public void stats(int seq, boolean tgid, int id, byte[] b, int struct, int len, TaskstatsLayout l) {
                row.set(0, id, b, struct, l, 0);
                int group = TaskCounters.tgidOf(b, struct, len, l);
                out.add(new NetlinkReply.Stats(seq, tgid, names
                        ? row.stats(0, group, TaskCounters.comm(b, struct, l), TaskCounters.startSeconds(b, struct, l))
                        : row.stats(0, group, null, 0)));
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
            int msgLen = LittleEndian.i32(buf, at + KernelLayouts.NLMSGHDR_LEN);
            int type = LittleEndian.u16(buf, at + KernelLayouts.NLMSGHDR_TYPE);
            int seq = LittleEndian.i32(buf, at + KernelLayouts.NLMSGHDR_SEQ);
            if (msgLen < NLMSG_HDRLEN || msgLen > end - at) {
                sink.malformed(seq, "message length " + msgLen + " outside the " + (end - at) + " bytes received");
                return;
            }
            if (type == NLMSG_ERROR) {
                if (msgLen >= NLMSG_HDRLEN + Integer.BYTES) {
                    sink.error(seq, -LittleEndian.i32(buf, at + NLMSG_HDRLEN + KernelLayouts.NLMSGERR_ERROR));
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
        for (int at = start + PAYLOAD; at + NLA_HDRLEN <= end; ) {
            int len = LittleEndian.u16(buf, at + KernelLayouts.NLATTR_LEN);
            int type = LittleEndian.u16(buf, at + KernelLayouts.NLATTR_TYPE) & NLA_TYPE_MASK;
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
            int len = LittleEndian.u16(buf, at + KernelLayouts.NLATTR_LEN);
            int type = LittleEndian.u16(buf, at + KernelLayouts.NLATTR_TYPE) & NLA_TYPE_MASK;
            if (len < NLA_HDRLEN || len > end - at) {
                sink.malformed(seq, "nested attribute length " + len + " out of bounds");
                return;
            }
            if ((type == TYPE_PID || type == TYPE_TGID) && len >= NLA_HDRLEN + Integer.BYTES) {
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
        if (len < TaskstatsLayout.VERSION_LENGTH) {
            sink.malformed(seq, "statistics of " + len + " bytes");
            return;
        }
        int version = TaskstatsLayout.version(buf, at);
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
}
