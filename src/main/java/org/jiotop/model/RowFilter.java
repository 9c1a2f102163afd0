package org.jiotop.model;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Which rows count as monitored: a process (by PID) and a regular expression over TID and command. */
public final class RowFilter {
    private RowFilter() {
    }

    /**
     * @param pid    the process whose tasks to keep (its threads in thread mode), or null for all
     * @param search matched (anywhere) against the ID and the full and short command, or null
     */
    /** Every row: a report built with it does not need to build rows it will not show. */
    public static final Predicate<Row> ALL = row -> true;

    public static Predicate<Row> of(Integer pid, Pattern search, LabelSource labels, boolean processes) {
        if (pid == null && search == null) {
            return ALL;
        }
        Predicate<Row> keep = ALL;
        if (pid != null) {
            keep = keep.and(row -> row.id() == pid || row.tgid() == pid);
        }
        if (search != null) {
            keep = keep.and(row -> {
                if (search.matcher(Integer.toString(row.id())).find()) {
                    return true;
                }
                TaskLabels l = labels.labels(row, processes);
                return search.matcher(l.command()).find() || search.matcher(l.shortCommand()).find();
            });
        }
        return keep;
    }
}
