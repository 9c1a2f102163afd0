package org.jiotop.record;

import org.jiotop.linux.CgroupLabels;
import org.jiotop.linux.TaskId;
import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.Visibility;
import org.jiotop.model.Interval;
import org.jiotop.model.Report;
import org.jiotop.model.ReportBuilder;
import org.jiotop.model.ReportSettings;
import org.jiotop.model.Row;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One recorded interval: when its sample was taken, its segment (host, mode), the tasks alive in it
 * (idle ones included) as the model's {@link Interval}, their labels as they were then, the owners
 * their processes' cgroups told, and where the counters came from.
 */
public record RecordedInterval(Instant time, SegmentStart segment, Interval interval,
                               Map<TaskId, TaskLabels> labels, Map<TaskId, CgroupLabels> owners,
                               Visibility visibility) {

    /** Whether its rows are processes (else threads). */
    public boolean processes() {
        return segment.processes();
    }

    public String host() {
        return segment.host();
    }

    /** The width of the ID column on the recording machine (digits of its pid_max). */
    public int idWidth() {
        return Integer.toString(segment.pidMax()).length();
    }

    /** The labels of a task of this interval as they were recorded. */
    public TaskLabels labelsOf(TaskSample task) {
        return labels.get(task.taskId());
    }

    /** Who the cgroup of a process of this interval said owned it, or null when not recorded. */
    public CgroupLabels ownerOf(TaskSample task) {
        return owners.get(task.taskId());
    }

    /** The interval's report under {@code settings} (whose mode the recording's decides), every row labelled. */
    public Report report(ReportSettings settings) {
        ReportSettings s = new ReportSettings(processes(), settings.onlyActive(), settings.figures(), settings.uids(),
                settings.filter(), settings.sortKey(), settings.descending(), settings.fullCommand());
        List<Row> rows = new ArrayList<>();
        for (Row r : ReportBuilder.monitoredRows(interval, s)) {
            rows.add(r.labelled(labelsOf(r.activity().sample())));
        }
        return ReportBuilder.build(interval, s, rows);
    }
}
