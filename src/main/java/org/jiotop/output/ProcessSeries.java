package org.jiotop.output;

import io.prometheus.metrics.core.metrics.Counter;
import org.jiotop.linux.TaskSample;
import org.jiotop.model.IoDelta;
import org.jiotop.model.TaskActivity;
import org.jiotop.model.TaskTracker;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The per-process series ({@code --export-pids}), up to a cap: which processes have one, told apart
 * by PID and start time ({@link org.jiotop.linux.TaskId}) rather than by PID alone. The kernel hands
 * an ended process's PID to a later one, within one interval at times; by PID alone the later one's
 * bytes would go to the earlier one's series, under its name and user. A series ends with its
 * process: at its exit report, or when it is no longer listed, and when its name changes (an exec),
 * for one under the new name. A process refused a series for the cap is counted as dropped once,
 * while it is listed.
 */
final class ProcessSeries {
    /** A process with a series: as first seen, and its labels after the PID. */
    private record Exported(TaskSample task, SeriesLabels labels) {
    }

    private final Map<IoField, Counter> counters;
    private final int max;
    private final Counter dropped;
    private final BiConsumer<IoDelta, String[]> add;
    /** By PID: at most one process holds a PID at a time, and a series is looked up once per interval. */
    private final Map<Integer, Exported> exported = new HashMap<>();
    /**
     * Processes listed in the latest interval that were refused a series, by PID: each is counted
     * as dropped once, not again in each interval it does I/O in.
     */
    private Map<Integer, TaskSample> refused = new HashMap<>();

    /**
     * @param dropped counts the processes that did I/O while {@code max} had series already, each once
     * @param add adds a delta to {@code counters}' series of some label values
     */
    ProcessSeries(Map<IoField, Counter> counters, int max, Counter dropped, BiConsumer<IoDelta, String[]> add) {
        this.counters = counters;
        this.max = max;
        this.dropped = dropped;
        this.add = add;
    }

    /** Processes with a series now. */
    int size() {
        return exported.size();
    }

    /** Adds one interval: {@code tasks} are all processes, {@code names} as for {@link MetricsExport#record}. */
    void record(List<TaskActivity> tasks, Function<TaskActivity, SeriesLabels> names) {
        Set<Exported> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Integer, TaskSample> refusedNow = new HashMap<>();
        // Exits first: of a process that ended and one that took its PID within the interval, the
        // ended one's series then ends before the later one's starts.
        for (TaskActivity a : tasks) {
            if (a.exited()) {
                one(a, names, seen, refusedNow);
            }
        }
        for (TaskActivity a : tasks) {
            if (!a.exited()) {
                one(a, names, seen, refusedNow);
            }
        }
        refused = refusedNow;
        // Not listed, nor reported as ended: gone without an exit report (or its PID is another's).
        for (var it = exported.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!seen.contains(e.getValue())) {
                remove(e.getKey(), e.getValue());
                it.remove();
            }
        }
    }

    private void one(TaskActivity a, Function<TaskActivity, SeriesLabels> names, Set<Exported> seen,
                     Map<Integer, TaskSample> refusedNow) {
        int pid = a.sample().id();
        TaskSample wasRefused = refused.get(pid);
        if (wasRefused != null && !sameTask(wasRefused, a)) {
            wasRefused = null;
        }
        if (wasRefused != null && !a.exited()) {
            refusedNow.put(pid, wasRefused);
        }
        Exported known = exported.get(pid);
        if (known != null && !sameTask(known.task, a)) {
            if (a.exited()) {
                // Another process's end, not the series holder's, which is listed or gone: its
                // I/O is in its group's series, and a series of its own would end at once.
                return;
            }
            // Listed now under the PID of a process with a series: that one has ended (its exit
            // report, had there been one, came first).
            remove(pid, known);
            exported.remove(pid);
            known = null;
        }
        if (known != null && !a.delta().isZero()) {
            SeriesLabels now = names.apply(a);
            if (now != null && !now.equals(known.labels)) {
                // It runs another program now (an exec): a series stays under one name, so the
                // one under the old name ends and one under the new name starts.
                remove(pid, known);
                known = new Exported(known.task, now);
                exported.put(pid, known);
            }
        }
        if (known == null) {
            if (a.delta().isZero()) {
                return;
            }
            if (exported.size() >= max) {
                if (wasRefused == null) {
                    dropped.inc();
                    if (!a.exited()) {
                        refusedNow.put(pid, a.sample());
                    }
                }
                return;
            }
            SeriesLabels labels = names.apply(a);
            if (labels == null) {
                return; // no name yet: its series starts once it has one
            }
            known = new Exported(a.sample(), labels);
            exported.put(pid, known);
            refusedNow.remove(pid);
        }
        seen.add(known);
        add.accept(a.delta(), withPid(pid, known.labels));
        if (a.exited()) {
            // Its series ends with the process: per-PID series must not pile up.
            remove(pid, known);
            exported.remove(pid);
        }
    }

    private static boolean sameTask(TaskSample known, TaskActivity a) {
        return a.exited() ? TaskTracker.sameTaskAsExit(known, a.sample()) : TaskTracker.sameTask(known, a.sample());
    }

    private static String[] withPid(int pid, SeriesLabels labels) {
        String[] out = new String[labels.values().size() + 1];
        out[0] = Integer.toString(pid);
        for (int i = 1; i < out.length; i++) {
            out[i] = labels.values().get(i - 1);
        }
        return out;
    }

    private void remove(int pid, Exported e) {
        for (Counter c : counters.values()) {
            c.remove(withPid(pid, e.labels));
        }
    }
}
