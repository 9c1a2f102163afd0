package org.jiotop.model;

import org.jiotop.linux.Scan;
import org.jiotop.linux.TaskExit;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.VmCounters;

import java.util.ArrayList;
import java.util.HashMap;
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

    /** A task as last seen, with the activity it was last shown with. */
    private record Known(TaskSample last, IoDelta accumulated, long accumulatedSinceNanos, TaskActivity shown) {
        Known(TaskActivity a) {
            this(a.sample(), a.accumulated(), a.accumulatedSinceNanos(), a);
        }

        /** The task did nothing in the interval that ends with {@code s}, nor in the one before. */
        boolean idleAgainIn(TaskSample s) {
            return s == last && shown.delta() == IoDelta.ZERO;
        }
    }

    private IntMap<Known> known = new IntMap<>();
    /** The map of the scan before the previous one, cleared and refilled as the next {@link #known}. */
    private IntMap<Known> spare = new IntMap<>();
    /** How many IDs of {@link #known} the scan being accounted has in its next map too. */
    private int carried;
    /**
     * Tasks that left the listing without an exit report yet, for a few scans: a report read after
     * the next scan began still finds what was last seen of its task.
     */
    private final Map<Integer, Gone> vanished = new HashMap<>();
    private long firstScanNanos = Long.MAX_VALUE;
    /** Exited tasks by ID, so a zombie still listed is not taken for a live task. */
    private final Map<Integer, TaskSample> exited = new HashMap<>();
    private final ExitedRows exitedRows;
    /** Process mode: bytes an ended child will add to its parent's /proc/PID/io once reaped. */
    private final Map<Integer, Fold> pendingFolds = new HashMap<>();

    private record Fold(int parent, IoDelta bytes) {
    }

    private record Gone(Known known, int scansLeft) {
    }

    private static final int VANISHED_SCANS = 3;
    private Scan previous;

    public TaskTracker() {
        this(0, false);
    }

    public TaskTracker(int keepExited, boolean keepExitedWithIo) {
        this.exitedRows = new ExitedRows(keepExited, keepExitedWithIo);
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

    /** What was last seen alive of the task whose exit report this is: null if never seen. */
    private Known lastSeen(TaskSample exit) {
        Known k = known.get(exit.id());
        if (k != null && sameTaskAsExit(k.last, exit)) {
            return k;
        }
        Gone g = vanished.get(exit.id());
        return g != null && sameTaskAsExit(g.known.last, exit) ? g.known : null;
    }

    /** An exited task never seen alive started while jiotop was watching: all it did is new. */
    private boolean neverSeenAndNew(TaskSample exit) {
        return previous != null && exit.startNanos() > firstScanNanos;
    }

    /** Accounts {@code scan}; the activity since the previous scan, or null for the first one. */
    public Interval advance(Scan scan) {
        IntMap<Known> next = spare;
        next.clear();
        carried = 0;
        List<TaskActivity> activity = new ArrayList<>(scan.tasks().size());
        for (TaskSample s : scan.tasks()) {
            TaskSample gone = exited.isEmpty() ? null : exited.get(s.id());
            if (gone != null && sameTaskAsExit(s, gone)) {
                continue;
            }
            Known k = known.get(s.id());
            if (k != null) {
                carried++;
            }
            TaskActivity a;
            if (k != null && k.idleAgainIn(s)) {
                // The scanner hands back the very same sample for an unchanged task: nothing to redo.
                next.put(s.id(), k);
                activity.add(k.shown);
                continue;
            }
            if (k != null && sameTask(s, k.last)) {
                IoDelta d = IoDelta.between(s, k.last);
                a = new TaskActivity(s, d, k.accumulated.plus(d), k.accumulatedSinceNanos);
            } else if (bornSincePrevious(s)) {
                IoDelta whole = IoDelta.of(s);
                a = new TaskActivity(s, whole, whole, s.startNanos());
            } else {
                // Seen for the first time but older than the previous scan: only later I/O is known.
                a = new TaskActivity(s, IoDelta.ZERO, IoDelta.ZERO, scan.monotonicNanos());
            }
            next.put(s.id(), new Known(a));
            activity.add(a);
        }
        List<TaskActivity> ended = new ArrayList<>();
        if (scan.processes()) {
            new ProcessExits(scan, next, activity, ended).account();
        } else {
            threadExits(scan, next, activity, ended);
        }
        List<TaskActivity> shown = new ArrayList<>(activity.size() + ended.size() + exitedRows.size());
        shown.addAll(activity);
        shown.addAll(ended);
        shown.addAll(exitedRows.nextInterval());
        for (TaskActivity a : ended) {
            exitedRows.keep(a);
        }
        rememberVanished(next);
        Scan before = previous;
        previous = scan;
        spare = known;
        known = next;
        firstScanNanos = Math.min(firstScanNanos, scan.monotonicNanos());
        // Reports are kept while /proc still lists the task (a zombie), to keep skipping it.
        exited.keySet().removeIf(id -> !scan.lists(id));
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

    private void rememberVanished(IntMap<Known> next) {
        if (!vanished.isEmpty()) {
            vanished.replaceAll((id, g) -> new Gone(g.known, g.scansLeft - 1));
            vanished.values().removeIf(g -> g.scansLeft <= 0);
        }
        if (carried == known.size()) {
            return; // every ID seen before is still there: nothing vanished (the usual refresh)
        }
        known.forEachValue(k -> {
            if (!next.containsKey(k.last.id()) && !exited.containsKey(k.last.id())) {
                vanished.put(k.last.id(), new Gone(k, VANISHED_SCANS));
            }
        });
    }

    private void threadExits(Scan scan, IntMap<Known> next, List<TaskActivity> activity,
                             List<TaskActivity> ended) {
        for (TaskExit e : scan.exits()) {
            TaskSample f = e.last();
            Known k = lastSeen(f);
            IoDelta delta;
            IoDelta acc;
            long since;
            if (k != null) {
                delta = IoDelta.between(f, k.last);
                acc = k.accumulated.plus(delta);
                since = k.accumulatedSinceNanos;
            } else if (neverSeenAndNew(f)) {
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
                if (known.containsKey(f.id())) {
                    carried--;
                }
                activity.removeIf(a -> a.sample().id() == f.id());
            }
            exited.put(f.id(), f);
            vanished.remove(f.id());
            ended.add(new TaskActivity(f, delta, acc, since, e.name()));
        }
    }

    /** Process mode: exits only matter for processes that are gone; see {@link ProcessExits}. */
    private final class ProcessExits {
        private final Scan scan;
        private final IntMap<Known> next;
        private final List<TaskActivity> activity;
        private final List<TaskActivity> ended;

        ProcessExits(Scan scan, IntMap<Known> next, List<TaskActivity> activity, List<TaskActivity> ended) {
            this.scan = scan;
            this.next = next;
            this.activity = activity;
            this.ended = ended;
        }

        // Loops rather than lambdas where code first runs when a process has ended, mid-run: linking
        // a lambda there costs that refresh about a millisecond. (The known map is walked through
        // forEachValue only, and only once something has left the listing.)
        void account() {
            if (!scan.exits().isEmpty()) {
                Map<Integer, List<TaskExit>> byProcess = new LinkedHashMap<>();
                for (TaskExit e : scan.exits()) {
                    int tgid = e.last().tgid();
                    // A process still listed (alive, or a zombie) has its exited threads in /proc/PID/io.
                    if (!next.containsKey(tgid)) {
                        List<TaskExit> reports = byProcess.get(tgid);
                        if (reports == null) {
                            reports = new ArrayList<>();
                            byProcess.put(tgid, reports);
                        }
                        reports.add(e);
                    }
                }
                for (Map.Entry<Integer, List<TaskExit>> p : byProcess.entrySet()) {
                    ended(p.getKey(), p.getValue());
                }
            }
            if (carried != known.size()) {
                foldUnreported();
            }
            takeChildrenOutOfParents();
        }

        /** Processes gone without a report (reports lost or not listened to): their rows showed this much. */
        private void foldUnreported() {
            known.forEachValue(k -> {
                int id = k.last.id();
                if (!next.containsKey(id) && !exited.containsKey(id) && !pendingFolds.containsKey(id)
                        && k.last.includesReapedChildren()) {
                    pendingFolds.put(id, new Fold(k.last.ppid(), bytesOf(k.last)));
                }
            });
        }

        /**
         * A process that ended in this interval: its row adds what its threads' final reports show
         * beyond what was seen. The leader's report is compared with the whole process as last
         * seen, which is exact for a single-threaded process and never too much otherwise.
         */
        private void ended(int tgid, List<TaskExit> reports) {
            TaskExit leader = reports.getFirst();
            for (TaskExit e : reports) {
                if (e.last().id() == tgid) {
                    leader = e;
                    break;
                }
            }
            Known k = lastSeen(leader.last());
            // A process that left the listing before its report came has had its last-seen bytes folded.
            boolean foldedAlready = k != null && known.get(tgid) != k;
            IoDelta partial = IoDelta.ZERO;
            for (TaskExit e : reports) {
                TaskSample f = e.last();
                IoDelta seen;
                if (f.id() == tgid && k != null) {
                    seen = IoDelta.of(k.last);
                } else if (k == null ? neverSeenAndNew(f) : f.startNanos() > k.last.startNanos() + SAME_TASK_TOLERANCE_NANOS) {
                    seen = IoDelta.ZERO;
                } else {
                    seen = IoDelta.of(f); // a thread older than the last scan: its share is unknown
                }
                partial = partial.plus(IoDelta.of(f).minusClamped(seen));
            }
            TaskSample f = leader.last();
            TaskSample last = new TaskSample(tgid, tgid, f.ppid(), f.startNanos(), f.uid(), false, f.readBytes(),
                    f.writeBytes(), f.cancelledWriteBytes(), f.blkioDelayNanos(), f.swapinDelayNanos());
            if (k == null && !neverSeenAndNew(f)) {
                return; // never seen, yet older than jiotop's first scan: nothing known to be new
            }
            IoDelta acc = (k == null ? IoDelta.ZERO : k.accumulated).plus(partial);
            long since = k == null ? f.startNanos() : k.accumulatedSinceNanos;
            exited.put(tgid, last);
            vanished.remove(tgid);
            ended.add(new TaskActivity(last, partial, acc, since, leader.name()));
            IoDelta lastSeen = k == null || foldedAlready ? IoDelta.ZERO : bytesOf(k.last);
            Fold fold = new Fold(f.ppid(), lastSeen.plus(bytesOf(partial)));
            Fold before = pendingFolds.get(tgid);
            pendingFolds.put(tgid, before == null ? fold : new Fold(fold.parent(), before.bytes().plus(fold.bytes())));
        }

        /**
         * A parent's /proc/PID/io grows by a child's whole I/O when it reaps the child (which is
         * when the child's /proc entry goes), and that child's by its own children's. What the
         * children's rows show is taken back out of the parent's interval in which the child was
         * reaped, so each byte is counted once; what remains (a share the reports could not place)
         * stays with the parent.
         */
        private void takeChildrenOutOfParents() {
            if (pendingFolds.isEmpty()) {
                return;
            }
            Map<Integer, IoDelta> byParent = new HashMap<>();
            List<Integer> reaped = new ArrayList<>();
            for (Map.Entry<Integer, Fold> child : pendingFolds.entrySet()) {
                if (scan.lists(child.getKey())) {
                    continue; // a zombie: its parent has not reaped it yet
                }
                reaped.add(child.getKey());
                // Walk up through parents that ended too: the bytes reach the first live ancestor.
                int parent = child.getValue().parent();
                for (int depth = 0; depth < 64 && pendingFolds.containsKey(parent) && !next.containsKey(parent);
                     depth++) {
                    parent = pendingFolds.get(parent).parent();
                }
                IoDelta sum = byParent.get(parent);
                byParent.put(parent, sum == null ? child.getValue().bytes() : sum.plus(child.getValue().bytes()));
            }
            for (Integer child : reaped) {
                pendingFolds.remove(child);
            }
            if (byParent.isEmpty()) {
                return;
            }
            for (int i = 0; i < activity.size(); i++) {
                TaskActivity a = activity.get(i);
                IoDelta children = byParent.get(a.sample().id());
                if (children != null && a.sample().includesReapedChildren()) {
                    IoDelta d = a.delta().minusClamped(children);
                    IoDelta acc = a.accumulated().minus(a.delta()).plus(d);
                    TaskActivity corrected = new TaskActivity(a.sample(), d, acc, a.accumulatedSinceNanos());
                    activity.set(i, corrected);
                    next.put(a.sample().id(), new Known(corrected));
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
}
