package org.jiotop.linux;

/**
 * Parsers for the {@code /proc} text files jiotop reads. They take raw bytes and never throw on
 * malformed input: a value that is missing or unparsable comes back as -1 (or null).
 */
public final class ProcParsers {
    private ProcParsers() {
    }

    /**
     * The non-negative decimal value of the line {@code key value} in {@code text}, or -1. The key
     * must start a line; the value ends at a newline or the end of the text.
     */
    static long keyedValue(byte[] text, int length, String key) {
        int klen = key.length();
        for (int line = 0; line < length; ) {
            if (line + klen <= length && startsWith(text, line, key)) {
                return parseDecimal(text, line + klen, length);
            }
            while (line < length && text[line] != '\n') {
                line++;
            }
            line++;
        }
        return -1;
    }

    private static boolean startsWith(byte[] text, int at, String key) {
        for (int i = 0; i < key.length(); i++) {
            if (text[at + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Skips blanks, then reads digits up to a newline or the end; -1 on anything else or overflow. */
    static long parseDecimal(byte[] text, int from, int length) {
        int i = from;
        while (i < length && (text[i] == ' ' || text[i] == '\t')) {
            i++;
        }
        long v = 0;
        int digits = 0;
        for (; i < length && text[i] != '\n'; i++) {
            int d = text[i] - '0';
            if (d < 0 || d > 9 || v > (Long.MAX_VALUE - d) / 10) {
                return -1;
            }
            v = v * 10 + d;
            digits++;
        }
        return digits == 0 ? -1 : v;
    }

    /** How many counters {@link #parseIo(byte[], int, long[])} fills in, and where it puts each. */
    static final int IO_COUNTERS = 7;
    static final int IO_READ_BYTES = 0;
    static final int IO_WRITE_BYTES = 1;
    static final int IO_CANCELLED_WRITE_BYTES = 2;
    static final int IO_READ_CHARS = 3;
    static final int IO_WRITE_CHARS = 4;
    static final int IO_READ_CALLS = 5;
    static final int IO_WRITE_CALLS = 6;

    /** {@code /proc/PID/io}; null when a needed line is missing or malformed. */
    public static ProcessIo parseIo(byte[] text, int length) {
        long[] v = new long[IO_COUNTERS];
        return parseIo(text, length, v) ? ioOf(v) : null;
    }

    /**
     * {@code /proc/PID/io} into {@code into}, as {@link ProcessIo}'s fields and then
     * {@link LogicalIo}'s, in their order: a refresh reads a process's io file without making
     * objects of it. False when a needed line is missing or malformed.
     */
    static boolean parseIo(byte[] text, int length, long[] into) {
        long read = keyedValue(text, length, "read_bytes:");
        long write = keyedValue(text, length, "write_bytes:");
        long cancelled = keyedValue(text, length, "cancelled_write_bytes:");
        long rchar = keyedValue(text, length, "rchar:");
        long wchar = keyedValue(text, length, "wchar:");
        long syscr = keyedValue(text, length, "syscr:");
        long syscw = keyedValue(text, length, "syscw:");
        if (read < 0 || write < 0 || cancelled < 0) {
            return false;
        }
        into[IO_READ_BYTES] = read;
        into[IO_WRITE_BYTES] = write;
        into[IO_CANCELLED_WRITE_BYTES] = cancelled;
        // Every kernel with read_bytes has the logical lines too: their absence is no reason to drop the bytes.
        boolean logical = rchar >= 0 && wchar >= 0 && syscr >= 0 && syscw >= 0;
        into[IO_READ_CHARS] = logical ? rchar : 0;
        into[IO_WRITE_CHARS] = logical ? wchar : 0;
        into[IO_READ_CALLS] = logical ? syscr : LogicalIo.UNKNOWN_CALLS;
        into[IO_WRITE_CALLS] = logical ? syscw : LogicalIo.UNKNOWN_CALLS;
        return true;
    }

    /** The counters {@link #parseIo(byte[], int, long[])} filled in, as a {@link ProcessIo}. */
    static ProcessIo ioOf(long[] counters) {
        return new ProcessIo(counters[IO_READ_BYTES], counters[IO_WRITE_BYTES], counters[IO_CANCELLED_WRITE_BYTES],
                new LogicalIo(counters[IO_READ_CHARS], counters[IO_WRITE_CHARS], counters[IO_READ_CALLS],
                        counters[IO_WRITE_CALLS]));
    }

    /** {@code /proc/vmstat}; null when pgpgin or pgpgout is missing or malformed. */
    public static VmCounters parseVmstat(byte[] text, int length) {
        long in = keyedValue(text, length, "pgpgin ");
        long out = keyedValue(text, length, "pgpgout ");
        return in < 0 || out < 0 ? null : new VmCounters(in, out);
    }

    /** The {@code Tgid:} of a {@code /proc/TID/status}, or -1. */
    public static int parseStatusTgid(byte[] text, int length) {
        long v = keyedValue(text, length, "Tgid:");
        return v < 0 || v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    /** The letter of the {@code State:} of a {@code /proc/PID/status} ({@code R}, {@code Z}, {@code X}...), or 0. */
    public static char parseStatusState(byte[] text, int length) {
        int i = valueOf(text, length, "State:");
        return i >= 0 && i < length && text[i] >= 'A' && text[i] <= 'Z' ? (char) text[i] : 0;
    }

    /** Where the value of the line {@code key value} starts (after blanks), or -1 when no line has the key. */
    private static int valueOf(byte[] text, int length, String key) {
        for (int line = 0; line < length; ) {
            if (line + key.length() <= length && startsWith(text, line, key)) {
                int i = line + key.length();
                while (i < length && (text[i] == ' ' || text[i] == '\t')) {
                    i++;
                }
                return i;
            }
            while (line < length && text[line] != '\n') {
                line++;
            }
            line++;
        }
        return -1;
    }

    /** The {@code PPid:} of a {@code /proc/PID/status}, or -1. */
    public static int parseStatusPpid(byte[] text, int length) {
        long v = keyedValue(text, length, "PPid:");
        return v < 0 || v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    /**
     * Field {@code field} (numbered from 1, as in proc(5)) of a {@code /proc/PID/stat}, a number
     * after the name, or -1. The name may hold blanks and parentheses: fields are counted from the
     * last {@code )}.
     */
    public static long parseStatField(byte[] text, int length, int field) {
        int close = length - 1;
        while (close >= 0 && text[close] != ')') {
            close--;
        }
        if (close < 0 || field < 3) {
            return -1;
        }
        int at = close + 1;
        for (int f = 3; f < field && at < length; f++) {
            at++; // the blank before the next field
            while (at < length && text[at] != ' ' && text[at] != '\n') {
                at++;
            }
        }
        int end = at + 1;
        while (end < length && text[end] != ' ' && text[end] != '\n') {
            end++;
        }
        return at + 1 >= length ? -1 : parseDecimal(text, at + 1, end);
    }

    /** The real uid (the first of {@code Uid:}) of a {@code /proc/PID/status}, or -1. */
    public static int parseStatusUid(byte[] text, int length) {
        int from = valueOf(text, length, "Uid:");
        int end = from;
        while (end >= 0 && end < length && text[end] >= '0' && text[end] <= '9') {
            end++;
        }
        long v = end <= from ? -1 : parseDecimal(text, from, end);
        return v < 0 || v > 0xffffffffL ? -1 : (int) v;
    }

    /** The decimal number that starts {@code text} (up to a blank or newline), or -1. */
    public static long parseDecimalPrefix(byte[] text, int length) {
        int end = 0;
        while (end < length && text[end] >= '0' && text[end] <= '9') {
            end++;
        }
        return end == 0 ? -1 : parseDecimal(text, 0, end);
    }

    /** A file holding one decimal number (a sysctl), or -1. */
    public static long parseNumberFile(byte[] text, int length) {
        return parseDecimal(text, 0, length);
    }

    /** As {@link #parseId(String)}, for the NUL-terminated name at {@code from} (before {@code end}) in {@code buf}. */
    static int parseId(byte[] buf, int from, int end) {
        long v = 0;
        int n = 0;
        for (int i = from; i < end; i++) {
            int c = buf[i];
            if (c == 0) {
                break;
            }
            if (c < '0' || c > '9' || ++n > 10) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return n == 0 || v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    /** A decimal directory name (a PID or TID), or -1 for anything else. */
    public static int parseId(String name) {
        int n = name.length();
        if (n == 0 || n > 10) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }
}
