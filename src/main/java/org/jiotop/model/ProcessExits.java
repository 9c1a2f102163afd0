package org.jiotop.model;

import org.jiotop.linux.Scan;
import org.jiotop.linux.TaskExit;
import org.jiotop.linux.TaskId;
import org.jiotop.linux.TaskSample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Process mode's exits, for {@link TaskTracker}. A process's bytes come from /proc/PID/io, which
 * holds its exited threads and, once reaped, its children; the scanner promises (see
 * {@code ExitSettling}) that a process it samples holds every thread whose report came so far, and
 * that one it stops listing was reaped before its parent was read, with its reports already in.
 * <ul>
 * <li>A report about a process sampled in the same scan is in that sample: it is only noted, and
 * one report is held to name the process when it leaves the listing (its leader's, else its latest
 * thread's). A report about a process listed but not sampled is held until a sample holds it or the
 * process leaves.</li>
 * <li>A process that left the listing ends: its row adds what its reports show beyond what its
 * threads still running had done at its last sample ({@link KnownTask#liveThreads()}).</li>
 * <li>Its parent's /proc/PID/io grew by its whole I/O in the same interval: that much is taken
 * back out of the parent's interval, which therefore always holds it. What it cannot absorb is
 * counted ({@link #unplaced()}) but not taken from the parent's later intervals or accumulated
 * figures: in a settled scan it means the parent's counters never held it (a parent that ignores
 * SIGCHLD, whose children the kernel reaps without adding them to it; a zombie whose parent died,
 * reaped by init), so taking it would hide the parent's own I/O. Only a report later than the
 * scanner promises (none is) would leave a child's last part in its parent's row.</li>
 * </ul>
 * Held reports are at most one per listed process, plus those of the few processes listed but
 * not sampled (started after the listing).
 */
final class ProcessExits {
    /** Scans a fold waits for an ancestor that is listed but was not sampled. */
    private static final int FOLD_SCANS = 3;

    /** Reports about a process still listed. */
    private static final class Held {
        /** The process as sampled, or null while it was not. */
        TaskSample sample;
        /** Its leader's report, else its latest thread's: it names the process once it leaves. */
        TaskExit named;
        /** Reports not yet held by any sample of the process. */
        final List<TaskExit> unsampled = new ArrayList<>();

        boolean isOf(TaskSample s) {
            if (sample != null) {
                return TaskTracker.sameTask(sample, s);
            }
            return named == null || belongsTo(named, s);
        }
    }

    /**
     * An ended process's whole I/O, which its parent's /proc/PID/io gets when it reaps it;
     * {@code start} is the process's, which no parent's can be later than.
     */
    private record Fold(int parent, long start, IoDelta bytes, int scansLeft) {
        Fold waited() {
            return new Fold(parent, start, bytes, scansLeft - 1);
        }
    }

    private final TaskTracker tracker;
    private final Map<Integer, Held> held = new HashMap<>();
    private final Map<Integer, Fold> pendingFolds = new HashMap<>();
    /** Children's bytes that their parent's interval could not absorb, summed. */
    private IoDelta unplaced = IoDelta.ZERO;

    private Scan scan;
    private IntMap<KnownTask> next;
    private List<TaskActivity> activity;
    private List<TaskActivity> ended;

    ProcessExits(TaskTracker tracker) {
        this.tracker = tracker;
    }

    IoDelta unplaced() {
        return unplaced;
    }

    /** How many reports are held for processes still listed. */
    int heldReports() {
        int n = 0;
        for (Held h : held.values()) {
            n += h.unsampled.size() + (h.named != null && !h.unsampled.contains(h.named) ? 1 : 0);
        }
        return n;
    }

    // Loops rather than lambdas where code first runs when a process has ended, mid-run: linking
    // a lambda there costs that refresh about a millisecond.
    void account(Scan scan, IntMap<KnownTask> next, List<TaskActivity> activity, List<TaskActivity> ended) {
        this.scan = scan;
        this.next = next;
        this.activity = activity;
        this.ended = ended;
        Map<Integer, List<TaskExit>> ending = new LinkedHashMap<>();
        for (TaskExit e : scan.exits()) {
            place(e, ending);
        }
        Map<Integer, TaskExit> heldNames = held.isEmpty() ? Map.of() : settleHeld(ending);
        for (Map.Entry<Integer, List<TaskExit>> p : ending.entrySet()) {
            endedEach(p.getKey(), heldNames.get(p.getKey()), p.getValue());
        }
        for (Map.Entry<Integer, TaskExit> p : heldNames.entrySet()) {
            if (!ending.containsKey(p.getKey())) {
                ended(p.getKey(), p.getValue(), List.of());
            }
        }
        if (!tracker.everyKnownTaskCarried()) {
            foldUnreported();
        }
        takeChildrenOutOfParents();
        this.scan = null;
        this.next = null;
        this.activity = null;
        this.ended = null;
    }

    private static boolean leader(TaskExit e) {
        return e.last().id() == e.last().tgid();
    }

    /** Whether report {@code e} is about the process sampled as {@code s} (not an earlier one with its ID). */
    private static boolean belongsTo(TaskExit e, TaskSample s) {
        return leader(e) ? TaskTracker.sameTaskAsExit(s, e.last())
                : TaskId.startedNotBefore(e.last().startNanos(), s.startNanos());
    }

    private void place(TaskExit e, Map<Integer, List<TaskExit>> ending) {
        int tgid = e.last().tgid();
        KnownTask now = next.get(tgid);
        if (now != null && belongsTo(e, now.last())) {
            next.put(tgid, now.withExitedThreads(IoDelta.of(e.last())));
            Held h = heldFor(tgid);
            h.sample = now.last();
            name(h, e);
        } else if (now == null && scan.lists(tgid)) {
            Held h = heldFor(tgid);
            h.unsampled.add(e);
            name(h, e);
        } else {
            List<TaskExit> reports = ending.get(tgid);
            if (reports == null) {
                reports = new ArrayList<>();
                ending.put(tgid, reports);
            }
            reports.add(e);
        }
    }

    private static void name(Held h, TaskExit e) {
        if (h.named == null || leader(e) || !leader(h.named)) {
            h.named = e;
        }
    }

    private Held heldFor(int tgid) {
        Held h = held.get(tgid);
        if (h == null) {
            h = new Held();
            held.put(tgid, h);
        }
        return h;
    }

    /**
     * Held reports a new sample now holds are noted in it; those of a process that left the
     * listing join {@code ending}. Returns, by TGID, the report that names each process that
     * ended.
     */
    private Map<Integer, TaskExit> settleHeld(Map<Integer, List<TaskExit>> ending) {
        Map<Integer, TaskExit> names = new HashMap<>();
        for (Iterator<Map.Entry<Integer, Held>> it = held.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Held> entry = it.next();
            int tgid = entry.getKey();
            Held h = entry.getValue();
            KnownTask now = next.get(tgid);
            if (now != null && h.isOf(now.last())) {
                IoDelta sampled = IoDelta.ZERO;
                for (TaskExit e : h.unsampled) {
                    sampled = sampled.plus(IoDelta.of(e.last()));
                }
                if (!h.unsampled.isEmpty()) {
                    next.put(tgid, now.withExitedThreads(sampled));
                    h.unsampled.clear();
                }
                h.sample = now.last();
            } else if (now == null && scan.lists(tgid)) {
                continue; // still listed, not sampled: keep holding
            } else {
                it.remove();
                List<TaskExit> reports = ending.get(tgid);
                if (reports == null) {
                    reports = new ArrayList<>();
                    ending.put(tgid, reports);
                }
                reports.addAll(0, h.unsampled);
                if (h.named != null) {
                    names.put(tgid, h.named);
                }
            }
        }
        return names;
    }

    /**
     * The processes that had ID {@code tgid} and left the listing, each {@link #ended} on its own:
     * a freed ID can be taken by another process that also ends before the next scan. Each leader's
     * report ends one of them; a thread's report goes with the latest leader that started before it.
     */
    private void endedEach(int tgid, TaskExit heldName, List<TaskExit> reports) {
        List<TaskExit> leaders = new ArrayList<>();
        if (heldName != null && leader(heldName)) {
            leaders.add(heldName);
        }
        for (TaskExit e : reports) {
            if (leader(e) && e != heldName) {
                leaders.add(e);
            }
        }
        if (leaders.size() < 2) {
            ended(tgid, heldName, reports);
            return;
        }
        List<List<TaskExit>> parts = new ArrayList<>();
        for (int i = 0; i < leaders.size(); i++) {
            parts.add(new ArrayList<>());
        }
        for (TaskExit e : reports) {
            int at = leaders.size() - 1;
            while (at > 0 && !(leader(e) ? leaders.get(at) == e
                    : TaskId.startedNotBefore(e.last().startNanos(), leaders.get(at).last().startNanos()))) {
                at--;
            }
            parts.get(at).add(e);
        }
        for (int i = 0; i < parts.size(); i++) {
            ended(tgid, i == 0 ? heldName : null, parts.get(i));
        }
    }

    /**
     * Process {@code tgid} left the listing: its row adds what its {@code reports} (those no sample
     * holds) show beyond what its running threads had done at its last sample. {@code heldName} is
     * the report that named it while it was still listed, if one came then.
     */
    private void ended(int tgid, TaskExit heldName, List<TaskExit> reports) {
        TaskExit leader = heldName != null && leader(heldName) ? heldName : null;
        for (TaskExit e : reports) {
            if (leader(e)) {
                leader = e;
            }
        }
        TaskExit named = leader != null ? leader : heldName != null ? heldName : reports.getFirst();
        KnownTask k = leader != null ? tracker.lastSeen(leader.last()) : tracker.lastSeenProcessOf(named.last());
        if (k == null && !tracker.neverSeenAndNew(named.last())) {
            return; // never seen, yet older than jiotop's first scan: nothing known to be new
        }
        IoDelta reported = IoDelta.ZERO;
        for (TaskExit e : reports) {
            reported = reported.plus(IoDelta.of(e.last()));
        }
        IoDelta partial = k == null ? reported : reported.minusClamped(k.liveThreads());
        IoDelta acc = (k == null ? IoDelta.ZERO : k.accumulated()).plus(partial);
        long since = k == null ? named.last().startNanos() : k.accumulatedSinceNanos();
        TaskSample f = named.last();
        TaskSample last = new TaskSample(tgid, tgid, f.ppid(), k == null ? f.startNanos() : k.last().startNanos(),
                f.uid(), false, f.readBytes(), f.writeBytes(), f.cancelledWriteBytes(), f.blkioDelayNanos(),
                f.swapinDelayNanos());
        // Gone before its report came, it had its last-seen bytes folded then.
        boolean foldedAlready = k != null && tracker.foldedWhenGone(k);
        tracker.markEnded(last);
        TaskActivity row = new TaskActivity(last, partial, acc, since, named.name());
        ended.add(row);
        // Should a report of it still come (later than the scanner promises), it adds only what
        // these did not show, in a row of its own.
        TaskSample seenLast = k != null ? k.last() : new TaskSample(tgid, tgid, f.ppid(), last.startNanos(), f.uid(),
                false, 0, 0, 0, 0, 0);
        tracker.rememberEnded(new KnownTask(seenLast, IoDelta.ZERO, since, row,
                k == null ? IoDelta.ZERO : k.children(),
                (k == null ? IoDelta.ZERO : k.exitedThreads()).plus(reported)));
        IoDelta seen = k == null || foldedAlready ? IoDelta.ZERO : bytesOf(IoDelta.of(k.last()));
        int parent = leader != null ? leader.last().ppid() : k != null ? k.last().ppid() : f.ppid();
        Fold before = pendingFolds.get(tgid);
        IoDelta bytes = seen.plus(bytesOf(partial));
        pendingFolds.put(tgid, new Fold(parent, last.startNanos(), before == null ? bytes : before.bytes().plus(bytes),
                FOLD_SCANS));
    }

    /** Processes gone without a report (reports lost or not listened to): their rows showed this much. */
    private void foldUnreported() {
        tracker.forEachPreviouslyKnown(k -> {
            int id = k.last().id();
            long start = k.last().startNanos();
            if (!stillThere(id, start) && !pendingFolds.containsKey(id) && !held.containsKey(id)) {
                pendingFolds.put(id, new Fold(k.last().ppid(), start, bytesOf(IoDelta.of(k.last())), FOLD_SCANS));
            }
        });
    }

    /**
     * Whether the process {@code id} that started at {@code start} (as sampled, or as its exit
     * report makes it) is listed in this scan: not if a sample shows another task with its ID.
     */
    private boolean stillThere(int id, long start) {
        if (!scan.lists(id)) {
            return false;
        }
        KnownTask now = next.get(id);
        return now == null || TaskId.sameStartAsExit(now.last().startNanos(), start);
    }

    private boolean stillThere(int id) {
        Fold f = pendingFolds.get(id);
        return f == null ? scan.lists(id) : stillThere(id, f.start());
    }

    /**
     * A parent's /proc/PID/io grows by a child's whole I/O when it reaps the child, which is when
     * the child leaves the listing; the child's own children's are in it. What the children's rows
     * show is taken back out of the parent's interval in which the child was reaped.
     */
    private void takeChildrenOutOfParents() {
        if (pendingFolds.isEmpty()) {
            return;
        }
        Map<Integer, IoDelta> byParent = new HashMap<>();
        List<Integer> done = new ArrayList<>();
        for (Map.Entry<Integer, Fold> child : pendingFolds.entrySet()) {
            Fold f = child.getValue();
            if (stillThere(child.getKey(), f.start())) {
                continue; // a zombie: its parent has not reaped it yet
            }
            // Walk up through parents that ended too: the bytes reach the first ancestor still there.
            int parent = f.parent();
            for (int depth = 0; depth < 64 && !stillThere(parent) && pendingFolds.containsKey(parent); depth++) {
                parent = pendingFolds.get(parent).parent();
            }
            KnownTask p = next.get(parent);
            if (p != null && p.last().includesReapedChildren()
                    && TaskId.startedNotBefore(f.start(), p.last().startNanos())) {
                IoDelta sum = byParent.get(parent);
                byParent.put(parent, sum == null ? f.bytes() : sum.plus(f.bytes()));
                done.add(child.getKey());
            } else if (f.scansLeft() > 1 && p == null) {
                // Not sampled this time (started after the listing, or its counters could not be
                // read): its first sample holds the child.
                child.setValue(f.waited());
            } else {
                done.add(child.getKey()); // no parent whose counters hold it
            }
        }
        for (Integer child : done) {
            pendingFolds.remove(child);
        }
        if (byParent.isEmpty()) {
            return;
        }
        for (int i = 0; i < activity.size(); i++) {
            TaskActivity a = activity.get(i);
            int id = a.sample().id();
            IoDelta children = byParent.get(id);
            if (children == null) {
                continue;
            }
            KnownTask p = next.get(id);
            if (tracker.firstSeenNow(p)) {
                next.put(id, p.withChildren(children)); // its first sample already held them
                continue;
            }
            IoDelta d = a.delta().minusClamped(children);
            IoDelta left = children.minus(a.delta().minus(d));
            if (!left.isZero()) {
                unplaced = unplaced.plus(left);
            }
            TaskActivity corrected = new TaskActivity(a.sample(), d, a.accumulated().minus(a.delta()).plus(d),
                    a.accumulatedSinceNanos());
            activity.set(i, corrected);
            next.put(id, p.seenAs(corrected).withChildren(children));
        }
    }

    private static IoDelta bytesOf(IoDelta d) {
        // A reaped child's logical I/O also lands in its parent's /proc/PID/io, as its bytes do.
        return new IoDelta(d.readBytes(), d.writeBytes(), d.cancelledWriteBytes(), 0, 0, d.logical());
    }
}
