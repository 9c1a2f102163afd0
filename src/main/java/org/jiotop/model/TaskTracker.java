package org.jiotop.model;

import org.jiotop.linux.Scan;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.VmCounters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns consecutive scans into intervals. A task is known by its ID and its start time, so a task
 * that reuses the ID of an exited one starts afresh instead of inheriting its counters. A task that
 * started after the previous scan is new: all of its counters happened in this interval.
 */
public final class TaskTracker {
    /**
     * Start times are derived from the kernel's task age at query time, so two samples of one task
     * differ by the query's own duration; a reused ID belongs to a task started after the old one
     * was last seen, far outside this.
     */
    static final long SAME_TASK_TOLERANCE_NANOS = 50_000_000L;

    private record Known(TaskSample last, IoDelta accumulated, long accumulatedSinceNanos) {
    }

    private Map<Integer, Known> known = new HashMap<>();
    private Scan previous;

    /** Accounts {@code scan}; the activity since the previous scan, or null for the first one. */
    public Interval advance(Scan scan) {
        Map<Integer, Known> next = HashMap.newHashMap(scan.tasks().size());
        List<TaskActivity> activity = new ArrayList<>(scan.tasks().size());
        for (TaskSample s : scan.tasks()) {
            Known k = known.get(s.id());
            if (k != null && sameTask(s, k.last)) {
                IoDelta d = IoDelta.between(s, k.last);
                IoDelta acc = k.accumulated.plus(d);
                next.put(s.id(), new Known(s, acc, k.accumulatedSinceNanos));
                activity.add(new TaskActivity(s, d, acc, k.accumulatedSinceNanos));
            } else if (previous != null && s.startNanos() > previous.monotonicNanos()) {
                IoDelta whole = IoDelta.of(s);
                next.put(s.id(), new Known(s, whole, s.startNanos()));
                activity.add(new TaskActivity(s, whole, whole, s.startNanos()));
            } else {
                // Seen for the first time but older than the previous scan: only later I/O is known.
                next.put(s.id(), new Known(s, IoDelta.ZERO, scan.monotonicNanos()));
                activity.add(new TaskActivity(s, IoDelta.ZERO, IoDelta.ZERO, scan.monotonicNanos()));
            }
        }
        foldReapedChildren(next, activity);
        Scan before = previous;
        previous = scan;
        known = next;
        if (before == null) {
            return null;
        }
        VmCounters a = before.vm();
        VmCounters b = scan.vm();
        boolean vm = a != null && b != null;
        return new Interval(before.monotonicNanos(), scan.monotonicNanos(), activity,
                vm ? Math.max(0, b.pagedInKiB() - a.pagedInKiB()) : -1,
                vm ? Math.max(0, b.pagedOutKiB() - a.pagedOutKiB()) : -1,
                scan.delayAccounting());
    }

    /** Whether two samples with the same ID are of the same task (not of a later one reusing it). */
    public static boolean sameTask(TaskSample a, TaskSample b) {
        return Math.abs(a.startNanos() - b.startNanos()) <= SAME_TASK_TOLERANCE_NANOS;
    }

    /**
     * A process's /proc/PID/io grows by a child's whole I/O when it reaps that child. The child's
     * rows already showed what it did up to its last sample, so that much is taken back out of the
     * parent's interval: each byte is counted once, and only the child's last partial interval (or
     * all of a child that lived between two samples) is attributed to the parent.
     */
    private void foldReapedChildren(Map<Integer, Known> next, List<TaskActivity> activity) {
        Map<Integer, IoDelta> reaped = null;
        for (Known k : known.values()) {
            Known now = next.get(k.last.id());
            if ((now == null || !sameTask(now.last, k.last)) && k.last.includesReapedChildren()) {
                if (reaped == null) {
                    reaped = new HashMap<>();
                }
                // Bytes only: the parent's delay figures come from its own threads.
                TaskSample c = k.last;
                reaped.merge(c.ppid(), new IoDelta(c.readBytes(), c.writeBytes(), c.cancelledWriteBytes(), 0, 0),
                        IoDelta::plus);
            }
        }
        if (reaped == null) {
            return;
        }
        for (int i = 0; i < activity.size(); i++) {
            TaskActivity a = activity.get(i);
            IoDelta children = reaped.get(a.sample().id());
            if (children != null && a.sample().includesReapedChildren()) {
                IoDelta d = a.delta().minusClamped(children);
                IoDelta acc = a.accumulated().minus(a.delta()).plus(d);
                activity.set(i, new TaskActivity(a.sample(), d, acc, a.accumulatedSinceNanos()));
                next.put(a.sample().id(), new Known(a.sample(), acc, a.accumulatedSinceNanos()));
            }
        }
    }

    /** Forgets everything, as after switching between thread and process mode. */
    public void reset() {
        known = new HashMap<>();
        previous = null;
    }
}
