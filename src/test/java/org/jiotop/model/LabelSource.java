package org.jiotop.model;

import org.jiotop.linux.TaskLabels;

import java.util.ArrayList;
import java.util.List;

/** Labels for the rows of reports built by hand in tests, as the wiring gives them from /proc. */
@FunctionalInterface
public interface LabelSource {
    TaskLabels labels(Row row, boolean processes);

    /** {@code report} with every row labelled; null stays null (no report yet). */
    default Report label(Report report) {
        return report == null ? null : label(report, 0, report.rows().size());
    }

    /** {@code report} with its rows {@code from} (inclusive) to {@code to} labelled, the others not. */
    default Report label(Report report, int from, int to) {
        List<Row> rows = new ArrayList<>(report.rows());
        for (int i = Math.max(0, from); i < Math.min(rows.size(), to); i++) {
            rows.set(i, rows.get(i).labelled(labels(rows.get(i), report.processes())));
        }
        return report.withRows(rows);
    }
}
