package org.jiotop.cli;

import org.jiotop.linux.KernelLabels;
import org.jiotop.linux.SafeText;
import org.jiotop.linux.TaskId;
import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.TaskPriority;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.UserDb;
import org.jiotop.model.Group;
import org.jiotop.model.Report;
import org.jiotop.model.Row;
import org.jiotop.model.TaskActivity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * Hands the model the labels of rows, looked up only for the rows that need them: in /proc, or in a
 * recording when replaying one.
 */
final class RowLabels {
    /** The USER of a group whose processes are not all one user's. */
    static final String MIXED_USERS = "*";

    /** Where a task's labels come from. */
    interface Source {
        TaskLabels labels(TaskSample task, byte[] exitedName, boolean processes);

        /** Forgets what is known of a process's priority. */
        default void priorityChanged(int pid) {
        }

        /** Starts labelling another report: what was read for the last one is read again. */
        default void nextReport() {
        }
    }

    private final Source kernel;
    private final UserDb users;
    /** The labels {@link #of} gave in the latest recorded interval. */
    private final Map<TaskId, TaskLabels> recorded = new HashMap<>();

    RowLabels(KernelLabels kernel, UserDb users) {
        this(new Source() {
            @Override
            public TaskLabels labels(TaskSample task, byte[] exitedName, boolean processes) {
                return kernel.labels(task, exitedName, processes);
            }

            @Override
            public void priorityChanged(int pid) {
                kernel.priorityChanged(pid);
            }

            @Override
            public void nextReport() {
                kernel.nextReport();
            }
        }, users);
    }

    RowLabels(Source source, UserDb users) {
        this.kernel = source;
        this.users = users;
    }

    /** The labels of a task's row to record: its rows show them until the next interval. */
    TaskLabels of(TaskActivity a, boolean processes) {
        TaskLabels l = kernel.labels(a.sample(), a.exitedName(), processes);
        recorded.put(a.sample().taskId(), l);
        return l;
    }

    /**
     * Starts a recorded interval: until the next, its rows show the labels written to the recording,
     * not ones read again later (a task gone in between would show no command), so that its replay
     * shows what the live run did.
     */
    void nextInterval() {
        recorded.clear();
        kernel.nextReport();
    }

    /** {@code rows} with their labels. */
    List<Row> label(List<Row> rows, boolean processes) {
        kernel.nextReport();
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(r.labels() != null ? r : labelled(r, processes));
        }
        return out;
    }

    /** {@code report} with labels on its rows {@code from} (inclusive) to {@code to} that have none yet. */
    Report label(Report report, int from, int to) {
        kernel.nextReport();
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
        recorded.clear();
    }

    private Row labelled(Row r, boolean processes) {
        Group g = r.group();
        if (g != null) {
            // A group has no command: its COMMAND says how many processes it sums; USER is theirs if one.
            String user = g.oneUser() ? SafeText.escape(users.nameOf(g.uid())) : MIXED_USERS;
            String count = g.tasks() == 1 ? "1 process" : g.tasks() + " processes";
            return r.labelled(new TaskLabels(TaskPriority.GROUP, user, count));
        }
        // Not recording, there is nothing to look up: no key to hash for each of ten thousand rows.
        TaskLabels known = recorded.isEmpty() ? null : recorded.get(r.activity().sample().taskId());
        return r.labelled(known != null ? known
                : kernel.labels(r.activity().sample(), r.activity().exitedName(), processes));
    }
}
