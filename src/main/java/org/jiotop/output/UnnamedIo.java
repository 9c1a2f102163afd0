package org.jiotop.output;

import org.jiotop.linux.TaskSample;
import org.jiotop.model.IoDelta;
import org.jiotop.model.TaskActivity;
import org.jiotop.model.TaskTracker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sums an interval's I/O by group, holding back the I/O of processes whose name could not be read
 * (they ended between the scan and the look-up). Such I/O is added to the next interval's, where
 * the kernel's exit report names the process; a made-up name such as "?" would instead become a
 * series of its own, for good. What stays nameless (its exit report was lost) goes to
 * {@code other} after a few intervals, so no byte is dropped.
 */
final class UnnamedIo {
    private static final int INTERVALS = 3;
    /** Far more than can end unnamed in one interval; bounds the memory if names cannot be read at all. */
    private static final int MAX_HELD = 4096;

    private record Held(TaskSample task, IoDelta delta, int age) {
    }

    private final SeriesLabels other;
    private Map<Integer, Held> held = new HashMap<>();

    UnnamedIo(SeriesLabels other) {
        this.other = other;
    }

    /** The I/O of {@code tasks} (and of held tasks named now) by group; {@code names} gives null for "not known". */
    Map<SeriesLabels, IoDelta> sum(List<TaskActivity> tasks, Function<TaskActivity, SeriesLabels> names) {
        Map<SeriesLabels, IoDelta> groups = new HashMap<>();
        Map<Integer, Held> next = new HashMap<>();
        for (TaskActivity a : tasks) {
            IoDelta d = a.delta();
            Held h = held.get(a.sample().id());
            if (h != null && sameTask(h.task, a)) {
                held.remove(a.sample().id());
                d = d.plus(h.delta);
            } else {
                h = null;
            }
            if (d.isZero()) {
                continue;
            }
            SeriesLabels n = names.apply(a);
            if (n != null) {
                groups.merge(n, d, IoDelta::plus);
            } else {
                hold(next, groups, new Held(a.sample(), d, h == null ? 0 : h.age + 1));
            }
        }
        for (Held h : held.values()) {
            hold(next, groups, new Held(h.task, h.delta, h.age + 1));
        }
        held = next;
        return groups;
    }

    private void hold(Map<Integer, Held> next, Map<SeriesLabels, IoDelta> groups, Held h) {
        if (h.age >= INTERVALS || next.size() >= MAX_HELD || next.containsKey(h.task.id())) {
            groups.merge(other, h.delta, IoDelta::plus);
        } else {
            next.put(h.task.id(), h);
        }
    }

    private static boolean sameTask(TaskSample held, TaskActivity a) {
        return a.exited() ? TaskTracker.sameTaskAsExit(held, a.sample()) : TaskTracker.sameTask(held, a.sample());
    }
}
