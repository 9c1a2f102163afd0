package org.jiotop.record;

import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteSink} wrote, from one record's body; a read past its end is a {@link Damage}. */
final class ByteSource {
    private final byte[] bytes;
    private int at;
    private final int end;

    ByteSource(byte[] bytes, int from, int end) {
        this.bytes = bytes;
        this.at = from;
        this.end = end;
    }

    boolean atEnd() {
        return at >= end;
    }

    int u8() throws Damage {
        if (at >= end) {
            throw new Damage("record ends early");
        }
        return bytes[at++] & 0xFF;
    }

    long varint() throws Damage {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new Damage("number too long");
    }

    /** A varint that must fit an int of at least zero. */
    int count() throws Damage {
        long v = varint();
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new Damage("count out of range");
        }
        return (int) v;
    }

    long zigzag() throws Damage {
        long v = varint();
        return (v >>> 1) ^ -(v & 1);
    }

    String text() throws Damage {
        return new String(raw(), StandardCharsets.UTF_8);
    }

    byte[] raw() throws Damage {
        int n = count();
        if (n > end - at) {
            throw new Damage("string past the record's end");
        }
        byte[] out = new byte[n];
        System.arraycopy(bytes, at, out, 0, n);
        at += n;
        return out;
    }

    /** A record whose checksum held but whose content does not parse: the writer was not this format's. */
    static final class Damage extends Exception {
        Damage(String message) {
            super(message, null, false, false);
        }
    }
}
