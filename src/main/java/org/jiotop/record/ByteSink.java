package org.jiotop.record;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable buffer that a record's body is encoded into: varints, zigzag varints and strings. */
final class ByteSink {
    private byte[] bytes = new byte[256];
    private int size;

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    void u8(int v) {
        ensure(1);
        bytes[size++] = (byte) v;
    }

    void u32(int v) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            bytes[size++] = (byte) (v >>> (8 * i));
        }
    }

    /** Unsigned LEB128: seven bits a byte, low first; small counters take one or two bytes. */
    void varint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    /** Signed, zigzag-mapped so that small negative numbers stay short. */
    void zigzag(long v) {
        varint((v << 1) ^ (v >> 63));
    }

    void text(String s) {
        raw(s.getBytes(StandardCharsets.UTF_8));
    }

    void raw(byte[] b) {
        varint(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    /** Overwrites four bytes at {@code at}, little-endian. */
    void putU32(int at, int v) {
        for (int i = 0; i < 4; i++) {
            bytes[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
