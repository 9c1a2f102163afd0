package org.jiotop.linux;

/**
 * A task told apart from the others over time: its ID (a TID, or a TGID in process mode) and when
 * it started, on the clock of {@link System#nanoTime()}. The kernel reuses IDs; the start time
 * tells a task from a later one that has its ID. One rule, with one tolerance, says whether two
 * sightings are of the same task, wherever jiotop asks: the scanner, the tracker and the exit
 * reports.
 */
public record TaskId(int id, long startNanos) {
    /**
     * How far apart two start times of one task may lie. Every start time is made one way
     * ({@link #startNanos(long, long)}): the time a reply was stamped minus the task's age in it
     * ({@code ac_etime}). The kernel takes that age on CLOCK_MONOTONIC, the clock of
     * {@code System.nanoTime()} on Linux, when it fills the reply, and cuts it to microseconds; the
     * stamp is taken after the kernel has answered a whole batch of queries (inside one send()), so
     * a start comes out late by the time between the reply being filled and the stamp: the rest of
     * the batch, and however long a busy machine kept the thread from running, which can be tens of
     * milliseconds. The kernel hands an ID out again only after its cyclic allocation has gone round
     * every free ID above it: thousands of tasks started, more than any machine starts in this time.
     */
    public static final long TOLERANCE_NANOS = 50_000_000L;

    /**
     * An exit report is stamped when jiotop reads it, some time after the exit, which makes the
     * start time made from it look later than the task's, by up to this.
     */
    public static final long EXIT_REPORT_DELAY_NANOS = 2_000_000_000L;

    /** The start of a task {@code ageMicros} old (its {@code ac_etime}) in a reply stamped at {@code stampedNanos}. */
    public static long startNanos(long stampedNanos, long ageMicros) {
        return stampedNanos - ageMicros * 1000;
    }

    /**
     * The start of a task from its exit report: it was {@code ageMicros} old when it exited, and
     * the report was read at {@code receivedNanos} from a socket found empty at
     * {@code emptySinceNanos}, so it exited between the two. Read soon enough, the report is
     * stamped as a live task's reply is. Read later (jiotop was stopped, or kept from running), the
     * exit is placed by the wall clock ({@code wallMinusMonotonicNanos} apart from
     * {@code System.nanoTime()}): the kernel makes {@code ac_btime} ({@code startSeconds}) by taking
     * the task's whole seconds of age from the clock's whole seconds at the exit, so the exit lies
     * in the second that begins {@code startSeconds} plus those seconds. Placed at that second's
     * end, the start comes out late by at most a second, as {@link #sameStartAsExit} allows; kept
     * between the two times that bound the exit whatever the wall clock did.
     */
    public static long exitStartNanos(long receivedNanos, long emptySinceNanos, long wallMinusMonotonicNanos,
                                      long ageMicros, long startSeconds) {
        if (receivedNanos - emptySinceNanos <= EXIT_REPORT_DELAY_NANOS || startSeconds <= 0) {
            return startNanos(receivedNanos, ageMicros);
        }
        long exitSecondEnd = (startSeconds + ageMicros / 1_000_000 + 1) * 1_000_000_000L;
        return Math.clamp(exitSecondEnd - wallMinusMonotonicNanos, emptySinceNanos, receivedNanos) - ageMicros * 1000;
    }

    /** Whether two start times, each made from a reply about a live task, are of one task. */
    public static boolean sameStart(long a, long b) {
        return Math.abs(a - b) <= TOLERANCE_NANOS;
    }

    /**
     * Whether {@code exitStart}, made from an exit report, can be the end of a task seen to start at
     * {@code seenStart}.
     */
    public static boolean sameStartAsExit(long seenStart, long exitStart) {
        long d = exitStart - seenStart;
        return d >= -TOLERANCE_NANOS && d <= EXIT_REPORT_DELAY_NANOS;
    }

    /**
     * Whether a task that started at {@code start} can have started with or after one that started at
     * {@code first}.
     */
    public static boolean startedNotBefore(long start, long first) {
        return start >= first - TOLERANCE_NANOS;
    }

    /** Whether {@code other}, from a reply about a live task, is this task. */
    public boolean sameTask(TaskId other) {
        return id == other.id && sameStart(startNanos, other.startNanos);
    }

    /** Whether {@code exit}, from the kernel's exit report, is the end of this task, seen alive. */
    public boolean endedAs(TaskId exit) {
        return id == exit.id && sameStartAsExit(startNanos, exit.startNanos);
    }
}
