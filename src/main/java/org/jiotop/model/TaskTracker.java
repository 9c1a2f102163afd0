package org.jiotop.model;

import org.jiotop.linux.Scan;
import org.jiotop.linux.TaskExit;
import org.jiotop.linux.TaskId;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.VmCounters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns consecutive scans into intervals. A task is known by its ID and its start time, so a task
 * that reuses the ID of an exited one starts afresh instead of inheriting its counters. A task that
 * started after the previous scan is new: all of its counters happened in this interval. A task
 * reported by the kernel as exited adds what it did since it was last seen, and stays listed (as
 * exited, without further activity) for {@code keepExited} more intervals, or for good when
 * {@code keepExitedWithIo} and it did any I/O, so that accumulated figures keep adding up.
 *
 * <p>Every byte a task ever did is in exactly one of: its live rows, its exited rows, or the
 * lost-report count. ("Ever": since jiotop first saw it, or since it started if that was later. A
 * byte the lost-report count stands for, whose report the kernel dropped, is in no row, or in
 * process mode may be in its parent's.) The interval deltas add up to the accumulated figures, so
 * counters built from deltas (the exporter's) hold the same bytes and never go back.
 */
public final class TaskTracker {
    private IntMap<KnownTask> known = new IntMap<>();
    /** The map of the scan before the previous one, cleared and refilled as the next {@link #known}. */
    private IntMap<KnownTask> spare = new IntMap<>();
    /** How many IDs of {@link #known} the scan being accounted has in its next map too. */
    private int carried;
    /**
     * Tasks that left the listing (or could not be sampled) without an exit report, for a few
     * scans: a report read a scan late still finds what was last seen of its task, and a task
     * sampled again after a scan without goes on from there.
     */
    private final Map<Integer, Gone> vanished = new HashMap<>();
    private long firstScanNanos = Long.MAX_VALUE;
    /** Exited tasks by ID, so a zombie still listed is not taken for a live task. */
    private final Map<Integer, TaskSample> exited = new HashMap<>();
    /** The tasks that ended in the scan being accounted, by ID: a later report with the ID is another task's. */
    private final Map<Integer, TaskSample> endedInScan = new HashMap<>();
    /** Thread mode: the exit reports of the scan being accounted, by ID. */
    private final Map<Integer, TaskSample> reportedNow = new HashMap<>();
    private final ExitedRows exitedRows;
    private final ProcessExits processExits = new ProcessExits(this);

    /** {@code folded}: a process that left the listing, whose last-seen bytes its parent gave back. */
    private record Gone(KnownTask known, int scansLeft, boolean folded) {
    }

    private static final int VANISHED_SCANS = 3;
    /** The scan's activity while it is accounted, kept from one scan to the next: {@link Interval} gets a copy. */
    private final List<TaskActivity> activity = new ArrayList<>();
    /**
     * The rows of the intervals, two lists used in turn so that a refresh allocates nothing for each
     * idle task: an interval's list holds until the second advance after it fills it again.
     */
    private final List<List<TaskActivity>> shownLists = List.of(new ArrayList<>(), new ArrayList<>());
    private final List<List<TaskActivity>> shownViews = List.of(
            java.util.Collections.unmodifiableList(shownLists.get(0)),
            java.util.Collections.unmodifiableList(shownLists.get(1)));
    private int shownTurn;
    private Scan previous;
    private Scan current;

    public TaskTracker() {
        this(0, false);
    }

    public TaskTracker(int keepExited, boolean keepExitedWithIo) {
        this.exitedRows = new ExitedRows(keepExited, keepExitedWithIo);
    }

    /** Whether two samples are of the same task (not of a later one reusing its ID): {@link TaskId#sameTask}. */
    public static boolean sameTask(TaskSample a, TaskSample b) {
        return a.taskId().sameTask(b.taskId());
    }

    /** Whether {@code exit}, from the kernel's exit report, is the end of the task {@code seen} alive. */
    public static boolean sameTaskAsExit(TaskSample seen, TaskSample exit) {
        return seen.taskId().endedAs(exit.taskId());
    }

    /**
     * Whether {@code seen}, sampled after the kernel reported {@code exit}, is what is left of that
     * task (a zombie) rather than a live task with its ID and start. A thread other than the leader
     * that execs takes the leader's ID and start time, after the leader's exit was reported; in
     * thread mode they differ in their counters, as a task's bytes and characters are final once
     * its exit is reported. (A process's counters are its threads' and children's, so not in
     * process mode, where an exec leaves the process the same.)
     */
    private static boolean zombieOf(TaskSample seen, TaskSample exit, boolean processes) {
        return sameTaskAsExit(seen, exit) && (processes || seen.readBytes() == exit.readBytes()
                && seen.writeBytes() == exit.writeBytes()
                && seen.logical().readChars() == exit.logical().readChars()
                && seen.logical().writeChars() == exit.logical().writeChars());
    }

    /**
     * Whether {@code s}, seen for the first time, started after the previous scan, or so shortly
     * before it (within {@link TaskId#TOLERANCE_NANOS}) that it can have been missing from it: the
     * kernel shows a new task in /proc a moment before it sends the fork event a list kept from
     * process events waits for, and a walk of /proc under way passes over a task that takes a
     * number it has passed. Such a task was in no scan, so nothing it did has been shown.
     */
    private boolean bornSincePrevious(TaskSample s) {
        return previous != null && s.startNanos() > previous.monotonicNanos() - TaskId.TOLERANCE_NANOS;
    }

    /**
     * What was last seen alive of the task whose exit report this is: null if never seen, or if
     * that task already ended in the scan being accounted (this one took its ID after it).
     */
    KnownTask lastSeen(TaskSample exit) {
        KnownTask k = known.get(exit.id());
        if (k == null || !sameTaskAsExit(k.last(), exit)) {
            Gone g = vanished.get(exit.id());
            k = g != null && sameTaskAsExit(g.known.last(), exit) ? g.known : null;
        }
        return k == null || endedNow(k) ? null : k;
    }

    private boolean endedNow(KnownTask k) {
        TaskSample end = endedInScan.get(k.last().id());
        return end != null && sameTaskAsExit(k.last(), end);
    }

    /** What was last seen of the process whose thread's exit report this is (no leader's came): null if never seen. */
    KnownTask lastSeenProcessOf(TaskSample threadExit) {
        KnownTask k = known.get(threadExit.tgid());
        if (k == null) {
            Gone g = vanished.get(threadExit.tgid());
            k = g == null ? null : g.known;
        }
        return k != null && TaskId.startedNotBefore(threadExit.startNanos(), k.last().startNanos()) ? k : null;
    }

    /** Whether {@code k}, found by {@link #lastSeen}, left the listing earlier with its last-seen bytes folded. */
    boolean foldedWhenGone(KnownTask k) {
        Gone g = vanished.get(k.last().id());
        return known.get(k.last().id()) != k && g != null && g.known == k && g.folded;
    }

    /** An exited task never seen alive started while jiotop was watching: all it did is new. */
    boolean neverSeenAndNew(TaskSample exit) {
        return previous != null && exit.startNanos() > firstScanNanos;
    }

    /** Whether {@code k}, of the scan being accounted, was seen there for the first time and was older. */
    boolean firstSeenNow(KnownTask k) {
        return k.accumulatedSinceNanos() == current.monotonicNanos(); // see the baseline in advance()
    }

    /** Whether every task of the previous scan is in the one being accounted (the usual refresh). */
    boolean everyKnownTaskCarried() {
        return carried == known.size();
    }

    void forEachPreviouslyKnown(java.util.function.Consumer<KnownTask> action) {
        known.forEachValue(action);
    }

    /** Task {@code last} ended in the scan being accounted: its final sample. */
    void markEnded(TaskSample last) {
        exited.put(last.id(), last);
        endedInScan.put(last.id(), last);
        vanished.remove(last.id());
    }

    /** What a report of a process that already ended, arriving a few scans late, adds to: {@code k}. */
    void rememberEnded(KnownTask k) {
        vanished.put(k.last().id(), new Gone(k, VANISHED_SCANS, true));
    }

    /** Accounts {@code scan}; the activity since the previous scan, or null for the first one. */
    public Interval advance(Scan scan) {
        current = scan;
        IntMap<KnownTask> next = spare;
        next.clear();
        carried = 0;
        endedInScan.clear();
        List<TaskActivity> activity = this.activity;
        activity.clear();
        List<TaskSample> tasks = scan.tasks();
        reportedNow.clear();
        if (!scan.processes()) {
            for (TaskExit e : scan.exits()) {
                reportedNow.put(e.last().id(), e.last());
            }
        }
        for (int i = 0; i < tasks.size(); i++) {
            TaskSample s = tasks.get(i);
            TaskSample gone = exited.isEmpty() ? null : exited.get(s.id());
            if (gone != null && zombieOf(s, gone, scan.processes())) {
                continue;
            }
            KnownTask k = known.get(s.id());
            TaskSample reported = reportedNow.isEmpty() ? null : reportedNow.get(s.id());
            if (k != null && reported != null && sameTaskAsExit(s, reported) && !zombieOf(s, reported, false)) {
                k = null; // another thread took the ID of the one that ended: what it did before is not known
            }
            if (k != null) {
                carried++;
            }
            if (k != null && scan.unchanged(i) && k.wasIdle() && k.last().sameCounters(s)) {
                // Idle in the interval before and unchanged since: what was shown holds again. The
                // scan's mark compares with the scanner's last scan; the counters make sure that was
                // also the last one tracked (a refresh that failed in between would break that).
                next.put(s.id(), k);
                activity.add(k.shown());
                continue;
            }
            if (k == null && !vanished.isEmpty()) {
                Gone g = vanished.get(s.id());
                if (g != null && sameTask(s, g.known.last())) {
                    k = g.known; // not sampled last time, yet still the same task
                    vanished.remove(s.id());
                }
            }
            TaskActivity a;
            if (k != null && sameTask(s, k.last())) {
                IoDelta d = IoDelta.between(s, k.last());
                a = new TaskActivity(s, d, k.accumulated().plus(d), k.accumulatedSinceNanos());
                next.put(s.id(), k.seenAs(a));
            } else {
                if (bornSincePrevious(s)) {
                    IoDelta whole = IoDelta.of(s);
                    a = new TaskActivity(s, whole, whole, s.startNanos());
                } else {
                    // Seen for the first time but older than the previous scan: only later I/O is known.
                    a = new TaskActivity(s, IoDelta.ZERO, IoDelta.ZERO, scan.monotonicNanos());
                }
                next.put(s.id(), new KnownTask(a));
            }
            activity.add(a);
        }
        List<TaskActivity> ended = new ArrayList<>();
        if (scan.processes()) {
            processExits.account(scan, next, activity, ended);
        } else {
            threadExits(scan, next, activity, ended);
        }
        shownTurn ^= 1;
        List<TaskActivity> shown = shownLists.get(shownTurn);
        shown.clear();
        // One by one: addAll would copy the list into a new array first.
        for (int i = 0; i < activity.size(); i++) {
            shown.add(activity.get(i));
        }
        shown.addAll(ended);
        shown.addAll(exitedRows.nextInterval());
        for (TaskActivity a : ended) {
            exitedRows.keep(a);
        }
        rememberVanished(scan, next);
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
        return new Interval(before.monotonicNanos(), scan.monotonicNanos(), shownViews.get(shownTurn),
                vm ? Math.max(0, b.pagedInKiB() - a.pagedInKiB()) : -1,
                vm ? Math.max(0, b.pagedOutKiB() - a.pagedOutKiB()) : -1,
                scan.delayAccounting(), scan.lostExitReports());
    }

    /** How many exit reports process mode holds for processes still listed. */
    int heldReports() {
        return processExits.heldReports();
    }

    /**
     * Bytes of ended children that process mode could not take out of their parent's interval,
     * summed: see {@link ProcessExits}.
     */
    IoDelta unplaced() {
        return processExits.unplaced();
    }

    private void rememberVanished(Scan scan, IntMap<KnownTask> next) {
        if (!vanished.isEmpty()) {
            vanished.replaceAll((id, g) -> new Gone(g.known, g.scansLeft - 1, g.folded));
            vanished.values().removeIf(g -> g.scansLeft <= 0);
        }
        if (carried == known.size()) {
            return; // every ID seen before is still there: nothing vanished (the usual refresh)
        }
        known.forEachValue(k -> {
            int id = k.last().id();
            if (!next.containsKey(id) && !exited.containsKey(id)) {
                vanished.put(id, new Gone(k, VANISHED_SCANS, scan.processes() && !scan.lists(id)));
            }
        });
    }

    private void threadExits(Scan scan, IntMap<KnownTask> next, List<TaskActivity> activity,
                             List<TaskActivity> ended) {
        for (TaskExit e : scan.exits()) {
            TaskSample f = e.last();
            KnownTask k = lastSeen(f);
            IoDelta delta;
            IoDelta acc;
            long since;
            if (k != null) {
                delta = IoDelta.between(f, k.last());
                acc = k.accumulated().plus(delta);
                since = k.accumulatedSinceNanos();
            } else if (neverSeenAndNew(f)) {
                delta = IoDelta.of(f);
                acc = delta;
                since = f.startNanos();
            } else {
                continue; // neither seen nor new: what it did before this interval is unknown
            }
            // A task reported here had exited before this scan queried tasks: drop any zombie sample.
            KnownTask now = next.get(f.id());
            if (now != null && zombieOf(now.last(), f, false)) {
                next.remove(f.id());
                if (known.containsKey(f.id())) {
                    carried--;
                }
                activity.removeIf(a -> a.sample().id() == f.id());
            }
            markEnded(f);
            ended.add(new TaskActivity(f, delta, acc, since, e.name()));
        }
    }
}
