package org.jiotop.model;

import org.jiotop.linux.Scan;
import org.jiotop.linux.TaskExit;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.VmCounters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns consecutive scans into intervals. A task is known by its ID and its start time, so a task
 * that reuses the ID of an exited one starts afresh instead of inheriting its counters. A task that
 * started after the previous scan is new: all of its counters happened in this interval. A task
 * reported by the kernel as exited adds what it did since it was last seen, and stays listed (as
 * exited, without further activity) for {@code keepExited} more intervals, or for good when
 * {@code keepExitedWithIo} and it did any I/O, so that accumulated figures keep adding up.
 */
public final class TaskTracker {
    /**
     * Start times are derived from the kernel's task age at query time, so two samples of one task
     * differ by the query's own duration; a reused ID belongs to a task started after the old one
     * was last seen, far outside this.
     */
    static final long SAME_TASK_TOLERANCE_NANOS = 50_000_000L;
    /** An exit report is read some time after the exit, which makes its start time look later. */
    static final long EXIT_REPORT_DELAY_NANOS = 2_000_000_000L;

    private record Known(TaskSample last, IoDelta accumulated, long accumulatedSinceNanos) {
    }

    private static final class Retained {
        final TaskActivity activity;
        int intervalsLeft;

        Retained(TaskActivity activity, int intervalsLeft) {
            this.activity = activity;
            this.intervalsLeft = intervalsLeft;
        }
    }

    private final int keepExited;
    private final boolean keepExitedWithIo;
    private Map<Integer, Known> known = new HashMap<>();
    /** Exited tasks by ID, so a zombie still listed is not taken for a live task. */
    private final Map<Integer, TaskSample> exited = new HashMap<>();
    private final List<Retained> retained = new ArrayList<>();
    private Scan previous;

    public TaskTracker() {
        this(0, false);
    }

    public TaskTracker(int keepExited, boolean keepExitedWithIo) {
        this.keepExited = keepExited;
        this.keepExitedWithIo = keepExitedWithIo;
    }

    /** Whether two samples with the same ID are of the same task (not of a later one reusing it). */
    public static boolean sameTask(TaskSample a, TaskSample b) {
        return Math.abs(a.startNanos() - b.startNanos()) <= SAME_TASK_TOLERANCE_NANOS;
    }

    /** Whether {@code exit}, from the kernel's exit report, is the end of the task {@code seen} alive. */
    public static boolean sameTaskAsExit(TaskSample seen, TaskSample exit) {
        long d = exit.startNanos() - seen.startNanos();
        return d >= -SAME_TASK_TOLERANCE_NANOS && d <= EXIT_REPORT_DELAY_NANOS;
    }

    private boolean bornSincePrevious(TaskSample s) {
        return previous != null && s.startNanos() > previous.monotonicNanos();
    }

    /** Accounts {@code scan}; the activity since the previous scan, or null for the first one. */
    public Interval advance(Scan scan) {
        Map<Integer, Known> next = HashMap.newHashMap(scan.tasks().size());
        List<TaskActivity> activity = new ArrayList<>(scan.tasks().size());
        for (TaskSample s : scan.tasks()) {
            TaskSample gone = exited.get(s.id());
            if (gone != null && sameTaskAsExit(s, gone)) {
                continue;
            }
            Known k = known.get(s.id());
            if (k != null && sameTask(s, k.last)) {
                IoDelta d = IoDelta.between(s, k.last);
                IoDelta acc = k.accumulated.plus(d);
                next.put(s.id(), new Known(s, acc, k.accumulatedSinceNanos));
                activity.add(new TaskActivity(s, d, acc, k.accumulatedSinceNanos));
            } else if (bornSincePrevious(s)) {
                IoDelta whole = IoDelta.of(s);
                next.put(s.id(), new Known(s, whole, s.startNanos()));
                activity.add(new TaskActivity(s, whole, whole, s.startNanos()));
            } else {
                // Seen for the first time but older than the previous scan: only later I/O is known.
                next.put(s.id(), new Known(s, IoDelta.ZERO, scan.monotonicNanos()));
                activity.add(new TaskActivity(s, IoDelta.ZERO, IoDelta.ZERO, scan.monotonicNanos()));
            }
        }
        List<TaskActivity> ended = new ArrayList<>();
        if (scan.processes()) {
            new ProcessExits(scan, next, activity, ended).account();
        } else {
            threadExits(scan, next, activity, ended);
        }
        List<TaskActivity> shown = new ArrayList<>(activity.size() + ended.size() + retained.size());
        shown.addAll(activity);
        shown.addAll(ended);
        shown.addAll(stillRetained());
        for (TaskActivity a : ended) {
            retain(a);
        }
        Scan before = previous;
        previous = scan;
        known = next;
        exited.keySet().removeIf(id -> !next.containsKey(id) && !listed(scan, id));
        if (before == null) {
            return null;
        }
        VmCounters a = before.vm();
        VmCounters b = scan.vm();
        boolean vm = a != null && b != null;
        return new Interval(before.monotonicNanos(), scan.monotonicNanos(), shown,
                vm ? Math.max(0, b.pagedInKiB() - a.pagedInKiB()) : -1,
                vm ? Math.max(0, b.pagedOutKiB() - a.pagedOutKiB()) : -1,
                scan.delayAccounting(), scan.lostExitReports());
    }

    private static boolean listed(Scan scan, int id) {
        for (TaskSample s : scan.tasks()) {
            if (s.id() == id) {
                return true;
            }
        }
        return false;
    }

    private void threadExits(Scan scan, Map<Integer, Known> next, List<TaskActivity> activity,
                             List<TaskActivity> ended) {
        for (TaskExit e : scan.exits()) {
            TaskSample f = e.last();
            Known k = known.get(f.id());
            IoDelta delta;
            IoDelta acc;
            long since;
            if (k != null && sameTaskAsExit(k.last, f)) {
                delta = IoDelta.between(f, k.last);
                acc = k.accumulated.plus(delta);
                since = k.accumulatedSinceNanos;
            } else if (bornSincePrevious(f)) {
                delta = IoDelta.of(f);
                acc = delta;
                since = f.startNanos();
            } else {
                continue; // neither seen nor new: what it did before this interval is unknown
            }
            // A task reported here had exited before this scan queried tasks: drop any zombie sample.
            Known now = next.get(f.id());
            if (now != null && sameTaskAsExit(now.last, f)) {
                next.remove(f.id());
                activity.removeIf(a -> a.sample().id() == f.id());
            }
            exited.put(f.id(), f);
            ended.add(new TaskActivity(f, delta, acc, since, e.name()));
        }
    }

    /** Process mode: exits only matter for processes that are gone; see {@link ProcessExits}. */
    private final class ProcessExits {
        private final Scan scan;
        private final Map<Integer, Known> next;
        private final List<TaskActivity> activity;
        private final List<TaskActivity> ended;
        /** Bytes each process that ended in this interval had put into its parent's /proc/PID/io. */
        private final Map<Integer, IoDelta> folded = new HashMap<>();
        private final Map<Integer, Integer> parentOf = new HashMap<>();

        ProcessExits(Scan scan, Map<Integer, Known> next, List<TaskActivity> activity, List<TaskActivity> ended) {
            this.scan = scan;
            this.next = next;
            this.activity = activity;
            this.ended = ended;
        }

        void account() {
            Map<Integer, List<TaskExit>> byProcess = new LinkedHashMap<>();
            for (TaskExit e : scan.exits()) {
                byProcess.computeIfAbsent(e.last().tgid(), id -> new ArrayList<>()).add(e);
            }
            // A process still listed (alive, or a zombie) has its exited threads in /proc/PID/io.
            byProcess.keySet().removeIf(next::containsKey);
            byProcess.forEach(this::ended);
            for (Known k : known.values()) {
                int id = k.last.id();
                if (!next.containsKey(id) && !parentOf.containsKey(id) && k.last.includesReapedChildren()) {
                    // Gone without a report (reports lost or not listened to): its rows showed this much.
                    parentOf.put(id, k.last.ppid());
                    folded.put(id, bytesOf(k.last));
                }
            }
            takeChildrenOutOfParents();
        }

        /**
         * A process that ended in this interval: its row adds what its threads' final reports show
         * beyond what was seen. The leader's report is compared with the whole process as last
         * seen, which is exact for a single-threaded process and never too much otherwise.
         */
        private void ended(int tgid, List<TaskExit> reports) {
            Known k = known.get(tgid);
            TaskExit leader = reports.stream().filter(e -> e.last().id() == tgid).findFirst().orElse(reports.getFirst());
            if (k != null && !sameTaskAsExit(k.last, leader.last())) {
                k = null;
            }
            IoDelta partial = IoDelta.ZERO;
            for (TaskExit e : reports) {
                TaskSample f = e.last();
                IoDelta seen;
                if (f.id() == tgid && k != null) {
                    seen = IoDelta.of(k.last);
                } else if (bornSincePrevious(f)) {
                    seen = IoDelta.ZERO;
                } else {
                    seen = IoDelta.of(f); // a thread older than the last scan: its share is unknown
                }
                partial = partial.plus(IoDelta.of(f).minusClamped(seen));
            }
            TaskSample f = leader.last();
            TaskSample last = new TaskSample(tgid, tgid, f.ppid(), f.startNanos(), f.uid(), false, f.readBytes(),
                    f.writeBytes(), f.cancelledWriteBytes(), f.blkioDelayNanos(), f.swapinDelayNanos());
            if (k == null && !bornSincePrevious(f)) {
                return; // never seen and older than the last scan: nothing known to be new
            }
            IoDelta acc = (k == null ? IoDelta.ZERO : k.accumulated).plus(partial);
            long since = k == null ? f.startNanos() : k.accumulatedSinceNanos;
            exited.put(tgid, last);
            ended.add(new TaskActivity(last, partial, acc, since, leader.name()));
            parentOf.put(tgid, f.ppid());
            IoDelta lastSeen = k == null ? IoDelta.ZERO : bytesOf(k.last);
            folded.put(tgid, lastSeen.plus(bytesOf(partial)));
        }

        /**
         * A parent's /proc/PID/io grows by a child's whole I/O when it reaps the child, and that
         * child's by its own children's. What the children's rows show is taken back out of the
         * parent's interval, so each byte is counted once; what remains (a share the reports could
         * not place) stays with the parent.
         */
        private void takeChildrenOutOfParents() {
            if (folded.isEmpty()) {
                return;
            }
            Map<Integer, IoDelta> byParent = new HashMap<>();
            for (Map.Entry<Integer, IoDelta> child : folded.entrySet()) {
                // Walk up through parents that ended too: the bytes reach the first live ancestor.
                int parent = parentOf.getOrDefault(child.getKey(), 0);
                for (int depth = 0; depth < 64 && folded.containsKey(parent) && !next.containsKey(parent); depth++) {
                    parent = parentOf.getOrDefault(parent, 0);
                }
                byParent.merge(parent, child.getValue(), IoDelta::plus);
            }
            for (int i = 0; i < activity.size(); i++) {
                TaskActivity a = activity.get(i);
                IoDelta children = byParent.get(a.sample().id());
                if (children != null && a.sample().includesReapedChildren()) {
                    IoDelta d = a.delta().minusClamped(children);
                    IoDelta acc = a.accumulated().minus(a.delta()).plus(d);
                    activity.set(i, new TaskActivity(a.sample(), d, acc, a.accumulatedSinceNanos()));
                    next.put(a.sample().id(), new Known(a.sample(), acc, a.accumulatedSinceNanos()));
                }
            }
        }
    }

    private static IoDelta bytesOf(TaskSample s) {
        return new IoDelta(s.readBytes(), s.writeBytes(), s.cancelledWriteBytes(), 0, 0);
    }

    private static IoDelta bytesOf(IoDelta d) {
        return new IoDelta(d.readBytes(), d.writeBytes(), d.cancelledWriteBytes(), 0, 0);
    }

    private void retain(TaskActivity a) {
        if (keepExited > 0 || (keepExitedWithIo && !a.accumulated().isZero())) {
            retained.add(new Retained(a, keepExited));
        }
    }

    /** Exited tasks of earlier intervals still listed, now without activity. */
    private List<TaskActivity> stillRetained() {
        List<TaskActivity> out = new ArrayList<>(retained.size());
        for (Iterator<Retained> it = retained.iterator(); it.hasNext(); ) {
            Retained r = it.next();
            boolean keep = r.intervalsLeft-- > 0 || (keepExitedWithIo && !r.activity.accumulated().isZero());
            if (!keep) {
                it.remove();
                continue;
            }
            TaskActivity a = r.activity;
            out.add(new TaskActivity(a.sample(), IoDelta.ZERO, a.accumulated(), a.accumulatedSinceNanos(),
                    a.exitedName()));
        }
        return out;
    }

    /** Forgets everything, as after switching between thread and process mode. */
    public void reset() {
        known = new HashMap<>();
        exited.clear();
        retained.clear();
        previous = null;
    }
}
