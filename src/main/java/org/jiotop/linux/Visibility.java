package org.jiotop.linux;

import java.util.Locale;

/**
 * Where a scan's counters came from, and how much of the machine it could see: {@code unreadable}
 * of the {@code processes} listed had counters this user may not read (none with taskstats, which
 * reads every task). Those are counted here and left out of the scan, never shown as idle.
 */
public record Visibility(Source source, int unreadable, int processes) {
    /** What taskstats sees: every task. */
    public static final Visibility TASKSTATS = new Visibility(Source.TASKSTATS, 0, 0);

    /** The kernel interface the counters are read from. */
    public enum Source {
        /** The taskstats netlink interface: every task, exit reports, both delay figures (root). */
        TASKSTATS,
        /** {@code /proc/PID/io} and {@code /proc/PID/stat}: the tasks this user may read, no swap-in delay. */
        PROCFS;

        /** Its name in data formats and metrics. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether the counters come from /proc (no swap-in delay, no exit reports). */
    public boolean procfs() {
        return source == Source.PROCFS;
    }
}
