package org.jiotop.model;

import java.util.Set;
import java.util.function.Predicate;

/**
 * How to turn an interval into a report: which tasks to count ({@code uids}, empty for all, and
 * {@code monitored}, e.g. a regular expression over the command), which rows to show
 * ({@code onlyActive}), which figures ({@code figures}), and the order.
 */
public record ReportSettings(boolean processes, boolean onlyActive, Figures figures, Set<Integer> uids,
                             Predicate<Row> monitored, SortKey sortKey, boolean descending) {

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
        this(processes, onlyActive, accumulated ? Figures.ACCUMULATED : Figures.BANDWIDTH, uids, RowFilter.ALL,
                sortKey, descending);
    }

    public boolean accumulated() {
        return figures != Figures.BANDWIDTH;
    }
}
