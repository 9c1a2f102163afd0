package org.jiotop.model;

import java.util.List;

/**
 * The activity between two consecutive scans, measured over the monotonic time actually elapsed
 * between them. {@code pagedInKiB}/{@code pagedOutKiB} are the block layer's traffic (-1 when
 * /proc/vmstat could not be read); {@code lostExitReports} counts since the start the times the
 * kernel's exit reports were lost (-1 when they are not listened to). The {@code tasks} of an
 * interval from {@link TaskTracker#advance} hold until the tracker's second advance after it.
 */
public record Interval(long startNanos, long endNanos, List<TaskActivity> tasks, long pagedInKiB, long pagedOutKiB,
                       boolean delayAccounting, long lostExitReports) {

    public long durationNanos() {
        return Math.max(1, endNanos - startNanos);
    }
}
