package org.jiotop.model;

import org.jiotop.linux.TaskSample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums process rows into group rows by a label each process has, handed over as data (the wiring
 * reads it from the kernel). A group's read and write are the sums of its processes' rows, so its
 * rate is the rate of all its bytes; its SWAPIN and IO are the mean of its processes' shares of
 * the interval spent waiting. Exited processes count in the group of the label they were given.
 */
public final class Groups {
    private Groups() {
    }

    /** One row per distinct label of {@code labels} (one per row of {@code processes}), in order of first sight. */
    public static List<Row> sum(List<Row> processes, List<String> labels) {
        Map<String, Sum> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < processes.size(); i++) {
            byLabel.computeIfAbsent(labels.get(i), Sum::new).add(processes.get(i));
        }
        List<Row> rows = new ArrayList<>(byLabel.size());
        for (Sum s : byLabel.values()) {
            rows.add(s.row());
        }
        return rows;
    }

    /** The rows of {@code processes} labelled {@code label}: the processes of one group. */
    public static List<Row> members(List<Row> processes, List<String> labels, String label) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            if (labels.get(i).equals(label)) {
                rows.add(processes.get(i));
            }
        }
        return rows;
    }

    private static final class Sum {
        private final String label;
        private int tasks;
        private int uid;
        private double read;
        private double write;
        private double swapin;
        private double io;
        private LogicalRates logical = LogicalRates.ZERO;
        private IoDelta delta = IoDelta.ZERO;
        private long written;
        private IoDelta accumulated = IoDelta.ZERO;
        private long since = Long.MAX_VALUE;

        Sum(String label) {
            this.label = label;
        }

        void add(Row r) {
            uid = tasks == 0 || uid == r.uid() ? r.uid() : Group.MIXED_USERS;
            tasks++;
            read += r.read();
            write += r.write();
            swapin += r.swapinPercent();
            io += r.ioPercent();
            logical = logical.plus(r.logical());
            delta = delta.plus(r.activity().delta());
            written += r.activity().delta().writtenBytes();
            accumulated = accumulated.plus(r.activity().accumulated());
            since = Math.min(since, r.activity().accumulatedSinceNanos());
        }

        Row row() {
            // No task stands behind a group: its sample carries only what its figures need.
            TaskSample sample = new TaskSample(0, 0, 0, since, uid, false, accumulated.readBytes(),
                    accumulated.writeBytes(), accumulated.cancelledWriteBytes(), accumulated.blkioDelayNanos(),
                    accumulated.swapinDelayNanos());
            // SWAPIN and IO are the mean of its processes' shares: how much of the interval a process
            // of the group waited, on average, so a group reads like one of its processes.
            return new Row(0, 0, uid, read, write, swapin / tasks, io / tasks,
                    new TaskActivity(sample, delta, accumulated, since),
                    null, new Group(label, tasks, uid, written), logical);
        }
    }
}
