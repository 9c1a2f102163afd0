package org.jiotop.model;

import java.util.Set;

/**
 * How to turn an interval into a report: which tasks to count ({@code uids}, empty for all), which
 * rows to show ({@code onlyActive}), bandwidth or accumulated figures, and the order.
 */
public record ReportSettings(boolean processes, boolean onlyActive, boolean accumulated, Set<Integer> uids,
                             SortKey sortKey, boolean descending) {
}
