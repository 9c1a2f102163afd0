package org.jiotop.output.html;

import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.TaskPriority;
import org.jiotop.linux.TaskSample;
import org.jiotop.model.Group;
import org.jiotop.model.GroupKind;
import org.jiotop.model.IoDelta;
import org.jiotop.model.Report;
import org.jiotop.model.Row;
import org.jiotop.model.TaskActivity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic recordings: a writer {@code dd} that writes 8 MiB a second for the first half and stops,
 * a reader {@code postgres} at 2 MiB/s throughout, and fourteen small writers {@code worker-N};
 * processes, each with a unit as its group.
 */
final class Recordings {
    static final Instant START = Instant.parse("2026-12-06T03:00:00Z");
    static final long MIB = 1 << 20;

    private Recordings() {
    }

    private static Row row(int pid, String user, String command, long read, long written) {
        IoDelta d = new IoDelta(read, written, 0, 0, 0);
        TaskActivity a = new TaskActivity(new TaskSample(pid, pid, 1, 0, user.equals("root") ? 0 : 70, false, 0, 0, 0,
                0, 0), d, d, 0);
        return new Row(pid, pid, a.sample().uid(), read, written, 0, 0, a,
                new TaskLabels(TaskPriority.UNKNOWN, user, command + " --flag", command));
    }

    private static Row group(String unit, int tasks, long read, long written) {
        IoDelta d = new IoDelta(read, written, 0, 0, 0);
        TaskActivity a = new TaskActivity(new TaskSample(0, 0, 0, 0, 0, false, 0, 0, 0, 0, 0), d, d, 0);
        return new Row(0, 0, 0, read, written, 0, 0, a, null, new Group(unit, tasks, 0));
    }

    static RecordedReports of(int seconds) {
        return of(seconds, "dd");
    }

    /** As {@link #of(int)}, the writer named {@code writer} instead of {@code dd}. */
    static RecordedReports of(int seconds, String writer) {
        List<RecordedReports.Timed> intervals = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            long dd = s < seconds / 2 ? 8 * MIB : 0;
            List<Row> rows = new ArrayList<>();
            rows.add(row(4242, "root", writer, 0, dd));
            rows.add(row(812, "postgres", "postgres", 2 * MIB, 0));
            long workers = 0;
            for (int w = 0; w < 14; w++) {
                long bytes = (w + 1) * 4096L * (1 + s % 3);
                workers += bytes;
                rows.add(row(5000 + w, "www-data", "worker-" + w, bytes / 2, bytes));
            }
            Report tasks = new Report((s + 1) * 1_000_000_000L, 1_000_000_000L, true, false, true, 2 * MIB + workers / 2,
                    dd + workers, 0, 0, -1, rows, GroupKind.PROCESS);
            Report groups = new Report((s + 1) * 1_000_000_000L, 1_000_000_000L, true, false, true, 0, 0, 0, 0, -1,
                    List.of(group("backup.service", 1, 0, dd), group("postgresql.service", 1, 2 * MIB, 0),
                            group("web.service", 14, workers / 2, workers)), GroupKind.UNIT);
            intervals.add(new RecordedReports.Timed(START.plusSeconds(s + 1), tasks, groups));
        }
        return RecordedReports.of("db-1.example", "0.1.0", intervals);
    }
}
