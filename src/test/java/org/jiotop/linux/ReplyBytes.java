package org.jiotop.linux;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Netlink reply bytes for tests: captured fixtures, and messages assembled around a struct. */
final class ReplyBytes {
    static final int FAMILY = 31;

    private ReplyBytes() {
    }

    /** A fixture from src/test/resources/taskstats: hex lines, '#' comments. */
    static byte[] fixture(String name) {
        try (InputStream in = ReplyBytes.class.getResourceAsStream("/taskstats/" + name)) {
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.startsWith("#")) {
                    hex.append(line.strip());
                }
            }
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The struct taskstats bytes inside a captured single reply (AGGR -> PID -> STATS). */
    static byte[] structOf(byte[] reply) {
        ByteBuffer b = ByteBuffer.wrap(reply).order(ByteOrder.LITTLE_ENDIAN);
        int statsAttr = 20 + 4 + 8;
        int len = Short.toUnsignedInt(b.getShort(statsAttr)) - 4;
        byte[] s = new byte[len];
        System.arraycopy(reply, statsAttr + 4, s, 0, len);
        return s;
    }

    /** A struct of {@code size} bytes with the given version and fields at the given layout's offsets. */
    static byte[] struct(int size, int version, TaskstatsLayout l, int uid, long elapsed, long blkio, long swapin,
                         long read, long write, long cancelled) {
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) version);
        b.putInt(l.uid(), uid);
        b.putLong(l.elapsed(), elapsed);
        b.putLong(l.blkioDelay(), blkio);
        b.putLong(l.swapinDelay(), swapin);
        b.putLong(l.readBytes(), read);
        b.putLong(l.writeBytes(), write);
        b.putLong(l.cancelledWriteBytes(), cancelled);
        return b.array();
    }

    /**
     * One reply message: AGGR_PID (or AGGR_TGID) nesting the id and STATS, with {@code pads}
     * TASKSTATS_TYPE_NULL attributes before STATS, as the kernel adds for 64-bit alignment.
     */
    static byte[] message(int seq, boolean tgid, int id, byte[] struct, int pads) {
        int statsLen = 4 + struct.length;
        int nested = 8 + pads * 4 + align(statsLen);
        int total = 16 + 4 + 4 + nested;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(total).putShort((short) FAMILY).putShort((short) 0).putInt(seq).putInt(0);
        b.put((byte) 2).put((byte) 1).putShort((short) 0);
        b.putShort((short) (4 + nested)).putShort((short) (tgid ? 5 : 4));
        b.putShort((short) 8).putShort((short) (tgid ? 2 : 1)).putInt(id);
        for (int i = 0; i < pads; i++) {
            b.putShort((short) 4).putShort((short) 6);
        }
        b.putShort((short) statsLen).putShort((short) 3).put(struct);
        return b.array();
    }

    static byte[] error(int seq, int errno) {
        ByteBuffer b = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(36).putShort((short) 2).putShort((short) 0).putInt(seq).putInt(0).putInt(-errno);
        return b.array();
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += align(p.length);
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
            b.position(align(b.position()));
        }
        return b.array();
    }

    static int align(int n) {
        return (n + 3) & ~3;
    }
}
