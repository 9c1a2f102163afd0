package org.jiotop.linux;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

/**
 * Encodes generic-netlink taskstats requests and decodes replies. Pure byte work on memory
 * segments, so it is tested with captured reply bytes. Every read is bounded by the enclosing
 * message and attribute lengths, and uses unaligned accessors: the kernel only aligns to 4 bytes.
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

    private static void header(MemorySegment buf, long at, int len, int type, int flags, int seq, int cmd) {
        buf.set(JAVA_INT_UNALIGNED, at, len);
        buf.set(JAVA_SHORT_UNALIGNED, at + 4, (short) type);
        buf.set(JAVA_SHORT_UNALIGNED, at + 6, (short) flags);
        buf.set(JAVA_INT_UNALIGNED, at + 8, seq);
        buf.set(JAVA_INT_UNALIGNED, at + 12, 0);
        buf.set(JAVA_BYTE, at + 16, (byte) cmd);
        buf.set(JAVA_BYTE, at + 17, (byte) 1);
        buf.set(JAVA_SHORT_UNALIGNED, at + 18, (short) 0);
    }

    /** Writes a {@code TASKSTATS_CMD_GET} for one TID (or TGID) at {@code at}; returns its size. */
    public static int putQuery(MemorySegment buf, long at, int familyId, int seq, int id, boolean tgid) {
        header(buf, at, QUERY_SIZE, familyId, NLM_F_REQUEST, seq, TASKSTATS_CMD_GET);
        buf.set(JAVA_SHORT_UNALIGNED, at + 20, (short) 8);
        buf.set(JAVA_SHORT_UNALIGNED, at + 22, (short) (tgid ? CMD_ATTR_TGID : CMD_ATTR_PID));
        buf.set(JAVA_INT_UNALIGNED, at + 24, id);
        return QUERY_SIZE;
    }

    /** Writes the controller's "which id has family NAME" request; returns its size. */
    static int putFamilyQuery(MemorySegment buf, int seq, String name) {
        byte[] z = (name + "\0").getBytes(StandardCharsets.US_ASCII);
        int attrLen = NLA_HDRLEN + z.length;
        int total = NLMSG_HDRLEN + GENL_HDRLEN + align4(attrLen);
        buf.asSlice(0, total).fill((byte) 0);
        header(buf, 0, total, GENL_ID_CTRL, NLM_F_REQUEST, seq, CTRL_CMD_GETFAMILY);
        buf.set(JAVA_SHORT_UNALIGNED, 20, (short) attrLen);
        buf.set(JAVA_SHORT_UNALIGNED, 22, (short) CTRL_ATTR_FAMILY_NAME);
        MemorySegment.copy(z, 0, buf, JAVA_BYTE, 24, z.length);
        return total;
    }

    /**
     * The family id in a controller reply, or the negated errno when the reply is an error
     * (ENOENT: no such family), or 0 when the reply holds no id.
     */
    static int familyIdOf(MemorySegment buf, int length) {
        if (length < NLMSG_HDRLEN) {
            return 0;
        }
        int msgLen = Math.min(buf.get(JAVA_INT_UNALIGNED, 0), length);
        int type = Short.toUnsignedInt(buf.get(JAVA_SHORT_UNALIGNED, 4));
        if (type == NLMSG_ERROR && msgLen >= NLMSG_HDRLEN + 4) {
            return buf.get(JAVA_INT_UNALIGNED, 16);
        }
        for (int at = NLMSG_HDRLEN + GENL_HDRLEN; at + NLA_HDRLEN <= msgLen; ) {
            int len = Short.toUnsignedInt(buf.get(JAVA_SHORT_UNALIGNED, at));
            int attr = buf.get(JAVA_SHORT_UNALIGNED, at + 2) & 0x3fff;
            if (len < NLA_HDRLEN || at + len > msgLen) {
                return 0;
            }
            if (attr == CTRL_ATTR_FAMILY_ID && len >= NLA_HDRLEN + 2) {
                return Short.toUnsignedInt(buf.get(JAVA_SHORT_UNALIGNED, at + 4));
            }
            at += align4(len);
        }
        return 0;
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
        int at = 0;
        while (at + NLMSG_HDRLEN <= length) {
            int msgLen = buf.get(JAVA_INT_UNALIGNED, at);
            int type = Short.toUnsignedInt(buf.get(JAVA_SHORT_UNALIGNED, at + 4));
            int seq = buf.get(JAVA_INT_UNALIGNED, at + 8);
            if (msgLen < NLMSG_HDRLEN || msgLen > length - at) {
                out.add(new NetlinkReply.Malformed(seq, "message length " + msgLen + " outside the "
                        + (length - at) + " bytes received"));
                return;
            }
            if (type == NLMSG_ERROR) {
                out.add(msgLen >= NLMSG_HDRLEN + 4
                        ? new NetlinkReply.Error(seq, -buf.get(JAVA_INT_UNALIGNED, at + NLMSG_HDRLEN))
                        : new NetlinkReply.Malformed(seq, "error message too short"));
            } else if (type == familyId) {
                out.add(decodeStatsMessage(buf, at, msgLen, seq, names));
            }
            at += align4(msgLen);
        }
    }

    private static NetlinkReply decodeStatsMessage(MemorySegment buf, int start, int msgLen, int seq, boolean names) {
        int end = start + msgLen;
        for (int at = start + NLMSG_HDRLEN + GENL_HDRLEN; at + NLA_HDRLEN <= end; ) {
            int len = Short.toUnsignedInt(buf.get(JAVA_SHORT_UNALIGNED, at));
            int type = buf.get(JAVA_SHORT_UNALIGNED, at + 2) & 0x3fff;
            if (len < NLA_HDRLEN || len > end - at) {
                return new NetlinkReply.Malformed(seq, "attribute length " + len + " out of bounds");
            }
            if (type == TYPE_AGGR_PID || type == TYPE_AGGR_TGID) {
                return decodeAggregate(buf, at + NLA_HDRLEN, at + len, seq, type == TYPE_AGGR_TGID, names);
            }
            at += align4(len);
        }
        return new NetlinkReply.Malformed(seq, "no aggregate attribute");
    }

    private static NetlinkReply decodeAggregate(MemorySegment buf, int start, int end, int seq, boolean tgid,
                                                boolean names) {
        int id = -1;
        for (int at = start; at + NLA_HDRLEN <= end; ) {
            int len = Short.toUnsignedInt(buf.get(JAVA_SHORT_UNALIGNED, at));
            int type = buf.get(JAVA_SHORT_UNALIGNED, at + 2) & 0x3fff;
            if (len < NLA_HDRLEN || len > end - at) {
                return new NetlinkReply.Malformed(seq, "nested attribute length " + len + " out of bounds");
            }
            if ((type == TYPE_PID || type == TYPE_TGID) && len >= NLA_HDRLEN + 4) {
                id = buf.get(JAVA_INT_UNALIGNED, at + NLA_HDRLEN);
            } else if (type == TYPE_STATS) {
                if (id < 0) {
                    return new NetlinkReply.Malformed(seq, "statistics before the task id");
                }
                return decodeStruct(buf, at + NLA_HDRLEN, len - NLA_HDRLEN, seq, tgid, id, names);
            }
            at += align4(len);
        }
        return new NetlinkReply.Malformed(seq, "no statistics attribute");
    }

    private static byte[] name(MemorySegment buf, int at) {
        int n = 0;
        while (n < TaskstatsLayout.COMM_LENGTH && buf.get(JAVA_BYTE, at + n) != 0) {
            n++;
        }
        byte[] name = new byte[n];
        MemorySegment.copy(buf, JAVA_BYTE, at, name, 0, n);
        return name;
    }

    private static NetlinkReply decodeStruct(MemorySegment buf, int at, int len, int seq, boolean tgid, int id,
                                             boolean names) {
        if (len < 2) {
            return new NetlinkReply.Malformed(seq, "statistics of " + len + " bytes");
        }
        int version = Short.toUnsignedInt(buf.get(JAVA_SHORT_UNALIGNED, at));
        if (version < TaskstatsLayout.OLDEST_SUPPORTED_VERSION) {
            return new NetlinkReply.Malformed(seq, "struct taskstats version " + version + " is too old");
        }
        TaskstatsLayout l = TaskstatsLayout.forVersion(version);
        if (len < l.requiredLength()) {
            return new NetlinkReply.Malformed(seq, "struct taskstats version " + version + " truncated to "
                    + len + " bytes");
        }
        int taskGroup = l.tgid() >= 0 && l.tgid() + 4 <= len ? buf.get(JAVA_INT_UNALIGNED, at + l.tgid()) : -1;
        return new NetlinkReply.Stats(seq, tgid, new TaskStats(
                version,
                id,
                taskGroup,
                names ? name(buf, at + l.comm()) : null,
                buf.get(JAVA_INT_UNALIGNED, at + l.uid()),
                buf.get(JAVA_INT_UNALIGNED, at + l.ppid()),
                buf.get(JAVA_LONG_UNALIGNED, at + l.elapsed()),
                buf.get(JAVA_LONG_UNALIGNED, at + l.blkioDelay()),
                buf.get(JAVA_LONG_UNALIGNED, at + l.swapinDelay()),
                buf.get(JAVA_LONG_UNALIGNED, at + l.readBytes()),
                buf.get(JAVA_LONG_UNALIGNED, at + l.writeBytes()),
                buf.get(JAVA_LONG_UNALIGNED, at + l.cancelledWriteBytes())));
    }
}
