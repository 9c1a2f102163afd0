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
        if (report == null) {
            return null;
        }
        List<Row> rows = new ArrayList<>(report.rows().size());
        for (Row r : report.rows()) {
            rows.add(r.labelled(labels(r, report.processes())));
        }
        return report.withRows(rows);
    }
}
