package org.jiotop.linux;

/**
 * Reads and writes of the kernel's structures in Java arrays, in the machine's byte order:
 * little-endian on both architectures jiotop runs on ({@link Arch}). An array
 * read is a few bytecodes where a buffer read is a dozen calls, which counts while the code still
 * runs interpreted (start-up and the first refreshes); compiled, both cost the same.
 */
final class LittleEndian {
    private LittleEndian() {
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    static int i32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | b[at + 3] << 24;
    }

    static long i64(byte[] b, int at) {
        return (i32(b, at) & 0xffffffffL) | (long) i32(b, at + 4) << 32;
    }

    static void put16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
    }

    static void put32(byte[] b, int at, int v) {
        put16(b, at, v);
        put16(b, at + 2, v >> 16);
    }
}
