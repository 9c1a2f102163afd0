package org.jiotop.linux;

import java.util.Arrays;

/**
 * The replies to one batched taskstats query, by request index, in reusable columns: a refresh of
 * ten thousand tasks then decodes without creating an object per task. Row {@code i} holds the
 * reply for the {@code i}-th ID asked for, or nothing ({@link #answered} false) when that task is
 * gone or the kernel refused that one query. Fields as in {@link TaskStats}.
 */
public final class TaskCounters {
    private boolean[] answered = new boolean[0];
    private int[] id = new int[0];
    private int[] uid = new int[0];
    private int[] ppid = new int[0];
    private long[] elapsedMicros = new long[0];
    private long[] blkioDelayNanos = new long[0];
    private long[] swapinDelayNanos = new long[0];
    private long[] readChars = new long[0];
    private long[] writeChars = new long[0];
    private long[] readBytes = new long[0];
    private long[] writeBytes = new long[0];
    private long[] cancelledWriteBytes = new long[0];
    private long[] sampledAt = new long[0];

    /** Below this many rows the columns are not made smaller. */
    private static final int SMALLEST = 256;
    /** How many resets in a row the columns must be too large for before they are made smaller. */
    static final int SHRINK_AFTER = 16;
    private int tooLarge;

    /**
     * Makes room for {@code n} rows, all unanswered. Columns four times larger than needed for
     * {@link #SHRINK_AFTER} resets in a row are made smaller: the first thread scan asks about
     * every thread (~85 bytes a row), later ones about the few that moved, and how many moved
     * varies from one refresh to the next (growing and shrinking by turns would allocate on most).
     */
    void reset(int n) {
        int rows = answered.length;
        tooLarge = rows > SMALLEST && n < rows / 4 ? tooLarge + 1 : 0;
        if (n > rows || tooLarge >= SHRINK_AFTER) {
            tooLarge = 0;
            int size = n > rows ? Math.max(n, rows * 2) : Math.max(SMALLEST, n * 2);
            answered = new boolean[size];
            id = new int[size];
            uid = new int[size];
            ppid = new int[size];
            elapsedMicros = new long[size];
            blkioDelayNanos = new long[size];
            swapinDelayNanos = new long[size];
            readChars = new long[size];
            writeChars = new long[size];
            readBytes = new long[size];
            writeBytes = new long[size];
            cancelledWriteBytes = new long[size];
            sampledAt = new long[size];
        } else {
            Arrays.fill(answered, 0, n, false);
        }
    }

    /** How many rows the columns hold now. */
    int capacity() {
        return answered.length;
    }

    /**
     * Row {@code i}: the reply about {@code task}, a struct at {@code at}, produced at {@code now}.
     * The one place where the counters of {@code struct taskstats} are read.
     */
    void set(int i, int task, byte[] buf, int at, TaskstatsLayout l, long now) {
        id[i] = task;
        uid[i] = LittleEndian.i32(buf, at + l.uid());
        ppid[i] = LittleEndian.i32(buf, at + l.ppid());
        elapsedMicros[i] = LittleEndian.i64(buf, at + l.elapsed());
        blkioDelayNanos[i] = LittleEndian.i64(buf, at + l.blkioDelay());
        swapinDelayNanos[i] = LittleEndian.i64(buf, at + l.swapinDelay());
        readChars[i] = LittleEndian.i64(buf, at + l.readChars());
        writeChars[i] = LittleEndian.i64(buf, at + l.writeChars());
        readBytes[i] = LittleEndian.i64(buf, at + l.readBytes());
        writeBytes[i] = LittleEndian.i64(buf, at + l.writeBytes());
        cancelledWriteBytes[i] = LittleEndian.i64(buf, at + l.cancelledWriteBytes());
        sampledAt[i] = now;
        answered[i] = true;
    }

    /**
     * The thread group in a struct of {@code len} bytes at {@code at}, or -1 when it does not say;
     * only exit reports need it.
     */
    static int tgidOf(byte[] buf, int at, int len, TaskstatsLayout l) {
        return l.tgid() >= 0 && l.tgid() + Integer.BYTES <= len ? LittleEndian.i32(buf, at + l.tgid()) : -1;
    }

    /** The task's name ({@code ac_comm}) in the struct at {@code at}; only exit reports need it. */
    static byte[] comm(byte[] buf, int at, TaskstatsLayout l) {
        int n = 0;
        while (n < TaskstatsLayout.COMM_LENGTH && buf[at + l.comm() + n] != 0) {
            n++;
        }
        byte[] name = new byte[n];
        System.arraycopy(buf, at + l.comm(), name, 0, n);
        return name;
    }

    /** The wall-clock second the task in the struct at {@code at} started in; only exit reports need it. */
    static long startSeconds(byte[] buf, int at, TaskstatsLayout l) {
        return Integer.toUnsignedLong(LittleEndian.i32(buf, at + l.startSeconds()));
    }

    /** Row {@code i}, answered, as a record, with the thread group, name and start the caller read. */
    TaskStats stats(int i, int tgid, byte[] name, long startSeconds) {
        return new TaskStats(id[i], tgid, name, uid[i], ppid[i], elapsedMicros[i], blkioDelayNanos[i],
                swapinDelayNanos[i], readBytes[i], writeBytes[i], cancelledWriteBytes[i], readChars[i], writeChars[i],
                startSeconds);
    }

    /** Row {@code i} becomes row {@code j} of {@code from}, answered or not. */
    void copy(int i, TaskCounters from, int j) {
        id[i] = from.id[j];
        uid[i] = from.uid[j];
        ppid[i] = from.ppid[j];
        elapsedMicros[i] = from.elapsedMicros[j];
        blkioDelayNanos[i] = from.blkioDelayNanos[j];
        swapinDelayNanos[i] = from.swapinDelayNanos[j];
        readChars[i] = from.readChars[j];
        writeChars[i] = from.writeChars[j];
        readBytes[i] = from.readBytes[j];
        writeBytes[i] = from.writeBytes[j];
        cancelledWriteBytes[i] = from.cancelledWriteBytes[j];
        sampledAt[i] = from.sampledAt[j];
        answered[i] = from.answered[j];
    }

    /** Whether the task of row {@code i} answered (it is alive, or a zombie in process mode). */
    public boolean answered(int i) {
        return answered[i];
    }

    /** The task (or thread group) the reply of row {@code i} is about. */
    public int id(int i) {
        return id[i];
    }

    public int uid(int i) {
        return uid[i];
    }

    public int ppid(int i) {
        return ppid[i];
    }

    /** The task's start on the {@link System#nanoTime()} clock: its reply's time minus its age. */
    public long startNanos(int i) {
        return TaskId.startNanos(sampledAt[i], elapsedMicros[i]);
    }

    public long blkioDelayNanos(int i) {
        return blkioDelayNanos[i];
    }

    public long swapinDelayNanos(int i) {
        return swapinDelayNanos[i];
    }

    /** Bytes passed by read system calls ({@code read_char}), page cache included, to 1 KiB. */
    public long readChars(int i) {
        return readChars[i];
    }

    /** Bytes passed by write system calls ({@code write_char}), to 1 KiB. */
    public long writeChars(int i) {
        return writeChars[i];
    }

    public long readBytes(int i) {
        return readBytes[i];
    }

    public long writeBytes(int i) {
        return writeBytes[i];
    }

    public long cancelledWriteBytes(int i) {
        return cancelledWriteBytes[i];
    }
}
