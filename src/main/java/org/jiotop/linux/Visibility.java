package org.jiotop.linux;

import java.util.Locale;

/**
 * Where a scan's counters came from, and how much of the machine it could see: {@code unreadable}
 * of the {@code processes} listed had counters this user may not read (none with taskstats, which
 * reads every task). Those are counted here and left out of the scan, never shown as idle.
 * {@code asked}: /proc was chosen with {@code --procfs}, not because taskstats was refused.
 */
public record Visibility(Source source, int unreadable, int processes, boolean asked) {
    /** What taskstats sees: every task. */
    public static final Visibility TASKSTATS = new Visibility(Source.TASKSTATS, 0, 0);

    /** A source used because taskstats was refused (or taskstats itself). */
    public Visibility(Source source, int unreadable, int processes) {
        this(source, unreadable, processes, false);
    }

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
