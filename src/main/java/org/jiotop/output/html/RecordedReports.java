package org.jiotop.output.html;

import org.jiotop.model.Report;

import java.time.Instant;
import java.util.List;

/**
 * What an HTML report is made from: the machine and jiotop version that recorded it, and its
 * intervals in order, each the report of its rows (threads or processes, labelled) at the time its
 * sample was taken, and, when groups were recorded, the report of the group rows.
 */
public record RecordedReports(String host, String version, List<Timed> intervals) {
    /** One interval: its time, its task rows, and its group rows (null when none were recorded). */
    public record Timed(Instant time, Report tasks, Report groups) {
        public Timed(Instant time, Report tasks) {
            this(time, tasks, null);
        }
    }

    public RecordedReports {
        intervals = List.copyOf(intervals);
    }

    public Instant first() {
        return intervals.isEmpty() ? null : intervals.getFirst().time();
    }

    public Instant last() {
        return intervals.isEmpty() ? null : intervals.getLast().time();
    }
}
