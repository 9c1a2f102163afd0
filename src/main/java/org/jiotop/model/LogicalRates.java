package org.jiotop.model;

import org.jiotop.linux.LogicalIo;

/**
 * A row's logical I/O as its figures show it: read and write system calls, and the bytes they
 * passed (page cache included), per second or, for accumulated reports, in all.
 */
public record LogicalRates(double readSyscalls, double writeSyscalls, double readChars, double writeChars) {
    public static final LogicalRates ZERO = new LogicalRates(0, 0, 0, 0);

    /** {@code l} divided by {@code per} (seconds, or 1 for totals). */
    static LogicalRates of(LogicalIo l, double per) {
        return new LogicalRates(l.readSyscalls() / per, l.writeSyscalls() / per, l.readChars() / per,
                l.writeChars() / per);
    }

    LogicalRates plus(LogicalRates o) {
        return new LogicalRates(readSyscalls + o.readSyscalls, writeSyscalls + o.writeSyscalls,
                readChars + o.readChars, writeChars + o.writeChars);
    }

    /** The figure that sort order {@code key} compares, or NaN for another key. */
    double by(SortKey key) {
        return switch (key) {
            case READ_SYSCALLS -> readSyscalls;
            case WRITE_SYSCALLS -> writeSyscalls;
            case READ_CHARS -> readChars;
            case WRITE_CHARS -> writeChars;
            default -> Double.NaN;
        };
    }
}
