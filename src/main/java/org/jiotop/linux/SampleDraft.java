package org.jiotop.linux;

/**
 * The values of the next {@link TaskSample} of a scan, set by what they are and where they come
 * from, so that no two can change places; reused from task to task, so an idle task whose sample
 * is handed back ({@link ScanSamples}) costs no allocation.
 */
final class SampleDraft {
    private static final ProcessIo NO_IO = new ProcessIo(0, 0, 0);
    private int id;
    private int tgid;
    private int ppid;
    private int uid;
    private long startNanos;
    private boolean includesReapedChildren;
    private long readBytes;
    private long writeBytes;
    private long cancelledWriteBytes;
    private long blkioDelayNanos;
    private long swapinDelayNanos;
    // The logical counts as numbers: a refresh makes a LogicalIo only for a task whose sample is new.
    private long readChars;
    private long writeChars;
    private long readSyscalls;
    private long writeSyscalls;

    /**
     * The task of answered row {@code i} of {@code c}: its ID, parent, user and start, and (until
     * set otherwise) its own process ({@code tgid} = ID), byte counters and delays.
     */
    SampleDraft task(TaskCounters c, int i) {
        id = c.id(i);
        tgid = id;
        ppid = c.ppid(i);
        uid = c.uid(i);
        startNanos = c.startNanos(i);
        includesReapedChildren = false;
        readBytes = c.readBytes(i);
        writeBytes = c.writeBytes(i);
        cancelledWriteBytes = c.cancelledWriteBytes(i);
        readChars = c.readChars(i);
        writeChars = c.writeChars(i);
        readSyscalls = LogicalIo.UNKNOWN_CALLS;
        writeSyscalls = LogicalIo.UNKNOWN_CALLS;
        return delays(c, i);
    }

    /**
     * A task read from /proc: its ID, process, parent, user and start, no bytes and no delays
     * until set.
     */
    SampleDraft task(int task, int process, int parent, int user, long start) {
        id = task;
        tgid = process;
        ppid = parent;
        bytes(NO_IO, false);
        uid = user;
        startNanos = start;
        return blkioDelay(0);
    }

    /** The block-I/O delay total, and no swap-in delay: /proc has none (it is shown as unavailable). */
    SampleDraft blkioDelay(long nanos) {
        blkioDelayNanos = nanos;
        swapinDelayNanos = 0;
        return this;
    }

    /** The process the task belongs to. */
    SampleDraft tgid(int process) {
        tgid = process;
        return this;
    }

    /** A whole process's byte counters; {@code includesReapedChildren} as {@code /proc/PID/io}'s are. */
    SampleDraft bytes(ProcessIo io, boolean withReapedChildren) {
        readBytes = io.readBytes();
        writeBytes = io.writeBytes();
        cancelledWriteBytes = io.cancelledWriteBytes();
        readChars = io.logical().readChars();
        writeChars = io.logical().writeChars();
        readSyscalls = io.logical().readSyscalls();
        writeSyscalls = io.logical().writeSyscalls();
        includesReapedChildren = withReapedChildren;
        return this;
    }

    /**
     * As {@link #bytes(ProcessIo, boolean)}, from the counters at {@code at} in {@code c}, where
     * {@link ProcParsers#parseIo(byte[], int, long[])} puts them.
     */
    SampleDraft bytes(long[] c, int at, boolean withReapedChildren) {
        readBytes = c[at + ProcParsers.IO_READ_BYTES];
        writeBytes = c[at + ProcParsers.IO_WRITE_BYTES];
        cancelledWriteBytes = c[at + ProcParsers.IO_CANCELLED_WRITE_BYTES];
        readChars = c[at + ProcParsers.IO_READ_CHARS];
        writeChars = c[at + ProcParsers.IO_WRITE_CHARS];
        readSyscalls = c[at + ProcParsers.IO_READ_CALLS];
        writeSyscalls = c[at + ProcParsers.IO_WRITE_CALLS];
        includesReapedChildren = withReapedChildren;
        return this;
    }

    /** The delay totals of answered row {@code i} of {@code c} (a thread group's, in process mode). */
    SampleDraft delays(TaskCounters c, int i) {
        blkioDelayNanos = c.blkioDelayNanos(i);
        swapinDelayNanos = c.swapinDelayNanos(i);
        return this;
    }

    /** The read and write system calls made so far. */
    SampleDraft calls(long read, long write) {
        readSyscalls = read;
        writeSyscalls = write;
        return this;
    }

    /** Whether {@code p} passed the same bytes through calls and to and from disk: no need to count calls anew. */
    boolean sameIo(TaskSample p) {
        return p.logical().readChars() == readChars && p.logical().writeChars() == writeChars
                && p.readBytes() == readBytes && p.writeBytes() == writeBytes;
    }

    int id() {
        return id;
    }

    int tgid() {
        return tgid;
    }

    long startNanos() {
        return startNanos;
    }

    /** Whether {@code p} is a sample of this task with every value as here. */
    boolean matches(TaskSample p) {
        return p.id() == id && p.tgid() == tgid && p.ppid() == ppid && p.uid() == uid
                && p.includesReapedChildren() == includesReapedChildren && p.readBytes() == readBytes
                && p.writeBytes() == writeBytes && p.cancelledWriteBytes() == cancelledWriteBytes
                && p.blkioDelayNanos() == blkioDelayNanos && p.swapinDelayNanos() == swapinDelayNanos
                && TaskId.sameStart(p.startNanos(), startNanos) 
                && p.logical().same(readChars, writeChars, readSyscalls, writeSyscalls);
    }

    TaskSample sample() {
        return new TaskSample(id, tgid, ppid, startNanos, uid, includesReapedChildren, readBytes, writeBytes,
                cancelledWriteBytes, blkioDelayNanos, swapinDelayNanos,
                new LogicalIo(readChars, writeChars, readSyscalls, writeSyscalls));
    }
}
