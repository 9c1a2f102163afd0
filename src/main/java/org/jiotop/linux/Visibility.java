package org.jiotop.linux;

import java.util.Locale;

/**
 * Where a scan's counters came from, and how much of the machine it could see: {@code unreadable}
 * of the {@code processes} listed had counters this user may not read (none with taskstats, which
 * reads every task). Those are counted here and left out of the scan, never shown as idle.
 * {@code why}: why /proc was read rather than taskstats.
 */
public record Visibility(Source source, int unreadable, int processes, Why why) {
    /** What taskstats sees: every task. */
    public static final Visibility TASKSTATS = new Visibility(Source.TASKSTATS, 0, 0);

    /** A source used because taskstats was refused (or taskstats itself). */
    public Visibility(Source source, int unreadable, int processes) {
        this(source, unreadable, processes, Why.REFUSED);
    }

    /** Why the counters come from /proc. */
    public enum Why {
        /** The kernel refused taskstats to this user (not root, no CAP_NET_ADMIN). */
        REFUSED,
        /** {@code --procfs} asked for it. */
        ASKED,
        /**
         * The kernel offers no taskstats here (not built in, or not in this network namespace), or
         * no exit reports (outside the initial PID or user namespace).
         */
        ABSENT
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
