package org.jiotop.linux;

/**
 * Logical I/O: bytes passed by read and write system calls ({@code rchar}, {@code wchar}, the page
 * cache included) and how many such calls were made ({@code syscr}, {@code syscw}). As counters of
 * a task, a call count of {@link #UNKNOWN_CALLS} means not read (an exit report, whose counts the
 * kernel masks to multiples of 1024); as amounts over an interval, unknown counts as none.
 */
public record LogicalIo(long readChars, long writeChars, long readSyscalls, long writeSyscalls) {
    public static final long UNKNOWN_CALLS = -1;
    public static final LogicalIo ZERO = new LogicalIo(0, 0, 0, 0);

    /** Chars as given, call counts not known. */
    public static LogicalIo chars(long read, long write) {
        return new LogicalIo(read, write, UNKNOWN_CALLS, UNKNOWN_CALLS);
    }

    /**
     * Whether it holds the same four counts as {@code o}: field by field, as a record's equals
     * costs a method-handle chain that a refresh of ten thousand tasks would pay for each.
     */
    public boolean same(long readChars, long writeChars, long readSyscalls, long writeSyscalls) {
        return this.readChars == readChars && this.writeChars == writeChars && this.readSyscalls == readSyscalls
                && this.writeSyscalls == writeSyscalls;
    }

    /** As {@link #same(long, long, long, long)}, with {@code o}'s counts. */
    public boolean same(LogicalIo o) {
        return same(o.readChars, o.writeChars, o.readSyscalls, o.writeSyscalls);
    }

    /**
     * What happened from counters {@code older} to this: a counter that went down counts as none,
     * and so does a call count unknown at either end.
     */
    public LogicalIo since(LogicalIo older) {
        return new LogicalIo(Math.max(0, readChars - older.readChars), Math.max(0, writeChars - older.writeChars),
                calls(readSyscalls, older.readSyscalls), calls(writeSyscalls, older.writeSyscalls));
    }

    /** Each field at least zero: counters as amounts since the task started, unknown counting as none. */
    public LogicalIo atLeastZero() {
        return new LogicalIo(Math.max(0, readChars), Math.max(0, writeChars), Math.max(0, readSyscalls),
                Math.max(0, writeSyscalls));
    }

    public LogicalIo plus(LogicalIo o) {
        return new LogicalIo(readChars + o.readChars, writeChars + o.writeChars, readSyscalls + o.readSyscalls,
                writeSyscalls + o.writeSyscalls);
    }

    public LogicalIo minus(LogicalIo o) {
        return new LogicalIo(readChars - o.readChars, writeChars - o.writeChars, readSyscalls - o.readSyscalls,
                writeSyscalls - o.writeSyscalls);
    }

    private static long calls(long newer, long older) {
        return newer < 0 || older < 0 ? 0 : Math.max(0, newer - older);
    }
}
