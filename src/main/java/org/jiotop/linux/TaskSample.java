package org.jiotop.linux;

/**
 * The cumulative counters of one task (a thread, or a whole process in process mode) at one
 * sample. {@code startNanos} is when the task started on the monotonic clock of
 * {@link System#nanoTime()}; together with {@code id} it tells a task from a later one that reuses
 * its ID.
 */
public record TaskSample(
        int id,
        int tgid,
        long startNanos,
        int uid,
        long readBytes,
        long writeBytes,
        long cancelledWriteBytes,
        long blkioDelayNanos,
        long swapinDelayNanos) {
}
