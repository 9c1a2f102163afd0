package org.jiotop.cli;

import org.jiotop.linux.KernelLabels;
import org.jiotop.model.Report;
import org.jiotop.model.Row;

import java.util.ArrayList;
import java.util.List;

/** Hands the model the labels of rows, looked up in /proc only for the rows that need them. */
final class RowLabels {
    private final KernelLabels kernel;

    RowLabels(KernelLabels kernel) {
        this.kernel = kernel;
    }

    /** {@code rows} with their labels. */
    List<Row> label(List<Row> rows, boolean processes) {
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(r.labels() != null ? r : labelled(r, processes));
        }
        return out;
    }

    /** {@code report} with labels on its rows {@code from} (inclusive) to {@code to} that have none yet. */
    Report label(Report report, int from, int to) {
        List<Row> rows = report.rows();
        List<Row> out = null;
        for (int i = Math.max(0, from); i < Math.min(rows.size(), to); i++) {
            Row r = rows.get(i);
            if (r.labels() == null) {
                out = out != null ? out : new ArrayList<>(rows);
                out.set(i, labelled(r, report.processes()));
            }
        }
        return out == null ? report : report.withRows(out);
    }

    /** Forgets what is known of a process's priority, after jiotop itself changed it. */
    void priorityChanged(int pid) {
        kernel.priorityChanged(pid);
    }

    private Row labelled(Row r, boolean processes) {
        return r.labelled(kernel.labels(r.activity().sample(), r.activity().exitedName(), processes));
    }
}
