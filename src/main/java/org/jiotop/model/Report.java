package org.jiotop.model;

import java.util.List;

/**
 * What one refresh shows. Totals are bandwidths (bytes per second) over every monitored task,
 * whether or not its row is shown; "current" figures are the block layer's traffic (NaN when
 * unknown). {@code lostExitReports} counts the times since the start that the kernel's reports of
 * exited tasks were lost (their I/O is then missing), -1 when they are not listened to. {@code kind}
 * is what a row stands for; {@code processes} is true for every kind sampled per process.
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
        GroupKind kind) {

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
                totalWritePerSecond, currentReadPerSecond, currentWritePerSecond, lostExitReports, other, kind);
    }

    /** The same report, its rows standing for {@code other}. */
    public Report withKind(GroupKind other) {
        return new Report(endNanos, durationNanos, processes, accumulated, delayAccounting, totalReadPerSecond,
                totalWritePerSecond, currentReadPerSecond, currentWritePerSecond, lostExitReports, rows, other);
    }
}
