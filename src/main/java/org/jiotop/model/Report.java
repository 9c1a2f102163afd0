package org.jiotop.model;

import org.jiotop.linux.Visibility;

import java.util.List;

/**
 * What one refresh shows. Totals are bandwidths (bytes per second) over every monitored task,
 * whether or not its row is shown; "current" figures are the block layer's traffic (NaN when
 * unknown). {@code lostExitReports} counts the times since the start that the kernel's reports of
 * exited tasks were lost (their I/O is then missing), -1 when they are not listened to. {@code kind}
 * is what a row stands for; {@code processes} is true for every kind sampled per process.
 * {@code visibility} says where the counters came from and how many processes could not be read.
 */
public record Report(
        long endNanos,
        long durationNanos,
        boolean processes,
        boolean accumulated,
        boolean delayAccounting,
        double totalReadPerSecond,
        double totalWritePerSecond,
        double currentReadPerSecond,
        double currentWritePerSecond,
        long lostExitReports,
        List<Row> rows,
        GroupKind kind,
        Visibility visibility) {

    public Report(long endNanos, long durationNanos, boolean processes, boolean accumulated, boolean delayAccounting,
                  double totalReadPerSecond, double totalWritePerSecond, double currentReadPerSecond,
                  double currentWritePerSecond, long lostExitReports, List<Row> rows, GroupKind kind) {
        this(endNanos, durationNanos, processes, accumulated, delayAccounting, totalReadPerSecond,
                totalWritePerSecond, currentReadPerSecond, currentWritePerSecond, lostExitReports, rows, kind,
                Visibility.TASKSTATS);
    }

    public Report(long endNanos, long durationNanos, boolean processes, boolean accumulated, boolean delayAccounting,
                  double totalReadPerSecond, double totalWritePerSecond, double currentReadPerSecond,
                  double currentWritePerSecond, long lostExitReports, List<Row> rows) {
        this(endNanos, durationNanos, processes, accumulated, delayAccounting, totalReadPerSecond,
                totalWritePerSecond, currentReadPerSecond, currentWritePerSecond, lostExitReports, rows,
                processes ? GroupKind.PROCESS : GroupKind.THREAD);
    }

    /** The same report with other rows, such as these rows with their labels. */
    public Report withRows(List<Row> other) {
        return new Report(endNanos, durationNanos, processes, accumulated, delayAccounting, totalReadPerSecond,
                totalWritePerSecond, currentReadPerSecond, currentWritePerSecond, lostExitReports, other, kind,
                visibility);
    }

    /** Whether SWAPIN is known: it needs delay accounting, and /proc has no swap-in delay. */
    public boolean swapinKnown() {
        return delayAccounting && !visibility.procfs();
    }

    /** The same report, its counters seen as {@code other} says. */
    public Report withVisibility(Visibility other) {
        return new Report(endNanos, durationNanos, processes, accumulated, delayAccounting, totalReadPerSecond,
                totalWritePerSecond, currentReadPerSecond, currentWritePerSecond, lostExitReports, rows, kind, other);
    }

    /** The same report, its rows standing for {@code other}. */
    public Report withKind(GroupKind other) {
        return new Report(endNanos, durationNanos, processes, accumulated, delayAccounting, totalReadPerSecond,
                totalWritePerSecond, currentReadPerSecond, currentWritePerSecond, lostExitReports, rows, other,
                visibility);
    }
}
