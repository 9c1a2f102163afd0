package org.jiotop.output.html;

import org.jiotop.model.Report;

import java.time.Instant;
import java.util.List;

/**
 * What an HTML report is made from: the machine and jiotop version that recorded it, its span (from
 * the start of its first interval to the end of its last) and number of intervals, and its
 * intervals in order, each the report of its rows (threads or processes, labelled) at the time its
 * sample was taken and, when groups were recorded, the report of the group rows. The intervals are
 * read once, in one pass, so a long recording need not be held in memory.
 */
public record RecordedReports(String host, String version, Instant first, Instant last, int count,
                              Iterable<Timed> intervals) {
    /** One interval: its time, its task rows, and its group rows (null when none were recorded). */
    public record Timed(Instant time, Report tasks, Report groups) {
        public Timed(Instant time, Report tasks) {
            this(time, tasks, null);
        }
    }

    /** The report of {@code intervals}, held in memory. */
    public static RecordedReports of(String host, String version, List<Timed> intervals) {
        List<Timed> all = List.copyOf(intervals);
        return new RecordedReports(host, version, all.isEmpty() ? null
                : all.getFirst().time().minusNanos(all.getFirst().tasks().durationNanos()),
                all.isEmpty() ? null : all.getLast().time(), all.size(), all);
    }
}
