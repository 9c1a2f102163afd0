package org.jiotop.linux;

/**
 * The cumulative counters of one task (a thread, or a whole process in process mode) at one
 * sample. {@code startNanos} is when the task started on the monotonic clock of
 * {@link System#nanoTime()}; together with {@code id} it tells a task from a later one that reuses
 * its ID ({@link #taskId()}). {@code logical} holds its read and write system calls and the bytes
 * they passed ({@link LogicalIo}). When {@code includesReapedChildren}, the byte counters also
 * hold the final counters of child processes this process has waited for, as {@code /proc/PID/io}
 * does.
 */
public record TaskSample(
        int id,
        int tgid,
        int ppid,
        long startNanos,
        int uid,
        boolean includesReapedChildren,
        long readBytes,
        long writeBytes,
        long cancelledWriteBytes,
        long blkioDelayNanos,
        long swapinDelayNanos,
        LogicalIo logical) {

    /** A sample without logical I/O counters (none known). */
    public TaskSample(int id, int tgid, int ppid, long startNanos, int uid, boolean includesReapedChildren,
                      long readBytes, long writeBytes, long cancelledWriteBytes, long blkioDelayNanos,
                      long swapinDelayNanos) {
        this(id, tgid, ppid, startNanos, uid, includesReapedChildren, readBytes, writeBytes, cancelledWriteBytes,
                blkioDelayNanos, swapinDelayNanos, LogicalIo.ZERO);
    }

    /** Whether {@code other} holds the same counters: nothing was read, written or waited between them. */
    public boolean sameCounters(TaskSample other) {
        return readBytes == other.readBytes && writeBytes == other.writeBytes
                && cancelledWriteBytes == other.cancelledWriteBytes && blkioDelayNanos == other.blkioDelayNanos
                && swapinDelayNanos == other.swapinDelayNanos && startNanos == other.startNanos
                && logical.same(other.logical);
    }

    /** Which task this is a sample of. */
    public TaskId taskId() {
        return new TaskId(id, startNanos);
    }
}
