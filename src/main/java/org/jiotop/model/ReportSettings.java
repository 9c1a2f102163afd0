package org.jiotop.model;

import java.util.Set;

/**
 * How to turn an interval into a report: which tasks to count ({@code uids}, empty for all, and
 * {@code filter}), which rows to show ({@code onlyActive}), which figures ({@code figures}), and the
 * order; {@code fullCommand} says which command a COMMAND sort compares, the one shown.
 */
public record ReportSettings(boolean processes, boolean onlyActive, Figures figures, Set<Integer> uids,
                             RowFilter filter, SortKey sortKey, boolean descending, boolean fullCommand) {

    /** What the READ and WRITE columns hold. */
    public enum Figures {
        /** Bytes per second over the interval. */
        BANDWIDTH,
        /** Bytes since first seen. */
        ACCUMULATED,
        /** Bytes since first seen, divided by the time since first seen. */
        ACCUMULATED_BANDWIDTH
    }

    public ReportSettings(boolean processes, boolean onlyActive, boolean accumulated, Set<Integer> uids,
                          SortKey sortKey, boolean descending) {
        this(processes, onlyActive, accumulated ? Figures.ACCUMULATED : Figures.BANDWIDTH, uids, RowFilter.NONE,
                sortKey, descending, false);
    }

    public boolean accumulated() {
        return figures != Figures.BANDWIDTH;
    }

    /** Whether every monitored row needs its labels before the report is built: to match the filter. */
    public boolean filtersByLabel() {
        return filter.search() != null;
    }

    /** Whether the rows of the report need their labels to be sorted: by PRIO, USER or COMMAND. */
    public boolean sortsByLabel() {
        return sortKey.byLabel();
    }
}
