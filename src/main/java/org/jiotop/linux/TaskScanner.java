package org.jiotop.linux;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes a {@link Scan}: lists tasks, from process events or /proc ({@link TaskListing}), and asks
 * taskstats for their counters in batches. Thread mode asks about the threads of the processes
 * that changed ({@link ThreadScan}); process mode reads each process's byte counters from
 * {@code /proc/PID/io} (which keeps the I/O of its exited threads, and also adds the final I/O of
 * each child process it waits for) and its delay totals from one per-thread-group query (which
 * also covers exited threads); its user, parent and start come from a query about its leader,
 * asked again only where the answer can have changed ({@link LeaderAnswers}). A process-mode scan
 * ends settled against the exits reported while it ran ({@link ExitSettling}).
 */
public final class TaskScanner implements Sampler {
    private final ProcFs proc;
    private final TaskstatsSocket taskstats;
    private final ExitListener exits;
    private int[] ids = new int[1024];
    private final TaskCounters groupCounters = new TaskCounters();
    private final TaskCounters threadCounters = new TaskCounters();
    private final LeaderAnswers leaders;
    private final KeptFiles files;
    /** The TGIDs named by the exit reports drained since the leader query was last asked, ascending. */
    private int[] exitedTgids = new int[0];
    /** The TGIDs named by the reports drained at the end of the last scan, after its leader query. */
    private int[] lateTgids = new int[0];
    private final ExitSettling settling;
    private int[] unreadRows = new int[64];
    private final ScanBuffers buffers = new ScanBuffers();
    private final IoRows ioRows = new IoRows();
    private final SampleDraft draft = new SampleDraft();
    private final ThreadScan threadScan;
    /** The exit reports lost before the last thread scan: more lost since means no two-level scan. */
    private long lostSeen = -1;
    /** Whether closing closes the socket and the exit listener too. */
    private boolean owns;
    private final TaskListing taskListing;

    /** {@code exits} may be null: exited tasks are then only seen while alive. */
    public TaskScanner(ProcFs proc, TaskstatsSocket taskstats, ExitListener exits) {
        this(proc, taskstats, exits, LeaderAnswers.MAX_AGE_NANOS);
    }

    /** As the constructor, closing {@code taskstats} and {@code exits} when closed. */
    public static TaskScanner owning(ProcFs proc, TaskstatsSocket taskstats, ExitListener exits) {
        TaskScanner scanner = new TaskScanner(proc, taskstats, exits);
        scanner.owns = true;
        scanner.taskListing.useEvents();
        return scanner;
    }

    /** This scanner, listing threads from the kernel's process events where it can, as {@link #owning} does. */
    TaskScanner withTaskList() {
        taskListing.useEvents();
        return this;
    }

    /** {@code leaderMaxAgeNanos}: how long process mode may keep a process's user, parent and start. */
    TaskScanner(ProcFs proc, TaskstatsSocket taskstats, ExitListener exits, long leaderMaxAgeNanos) {
        this.proc = proc;
        this.taskstats = taskstats;
        this.exits = exits;
        this.leaders = new LeaderAnswers(leaderMaxAgeNanos);
        this.files = new KeptFiles(proc, new Libc().openFilesLimit());
        this.settling = new ExitSettling(proc);
        this.threadScan = new ThreadScan(proc, taskstats, files);
        this.taskListing = new TaskListing(proc);
    }

    /** How many processes process mode has asked the leader query about so far. */
    long leaderQueries() {
        return leaders.queried();
    }

    /**
     * The exits reported so far, of the tasks asked for: by TID in thread mode, by process in
     * process mode. Drained before tasks are listed, so a task reported here is no longer alive
     * when queried; a task that exits later is reported at the end of a process-mode scan, or at
     * the next scan.
     */
    private List<TaskExit> exits(int[] only, boolean byProcess) {
        if (exits == null) {
            return List.of();
        }
        List<TaskExit> all = new ArrayList<>();
        exits.drain(all);
        exitedTgids = Arrays.copyOf(lateTgids, lateTgids.length + all.size());
        for (int i = 0; i < all.size(); i++) {
            exitedTgids[lateTgids.length + i] = all.get(i).last().tgid();
        }
        Arrays.sort(exitedTgids);
        lateTgids = new int[0];
        return asked(all, only, byProcess);
    }

    /** The reports drained at the end of a process-mode scan, into {@code into}. */
    private void lateExits(int[] only, List<TaskExit> into) {
        List<TaskExit> all = new ArrayList<>();
        exits.drain(all);
        if (all.isEmpty()) {
            return;
        }
        int at = lateTgids.length;
        lateTgids = Arrays.copyOf(lateTgids, at + all.size());
        for (int i = 0; i < all.size(); i++) {
            lateTgids[at + i] = all.get(i).last().tgid();
        }
        into.addAll(asked(all, only, true));
    }

    private static List<TaskExit> asked(List<TaskExit> all, int[] only, boolean byProcess) {
        if (only == null) {
            return all;
        }
        List<TaskExit> asked = new ArrayList<>();
        for (TaskExit e : all) {
            int id = byProcess ? e.last().tgid() : e.last().id();
            for (int wanted : only) {
                if (wanted == id) {
                    asked.add(e);
                    break;
                }
            }
        }
        return asked;
    }

    /** The scan of {@code samples}, with the first {@code count} IDs of {@code listed} as listed. */
    private Scan scan(long now, boolean processes, ScanSamples samples, int[] listed, int count,
                      List<TaskExit> exited, boolean delays) {
        ListedIds ids = buffers.end(processes, listed, count);
        return new Scan(now, processes, samples.tasks(), ids, exited, exits == null ? -1 : exits.overflows(),
                files.vmstat(), delays, samples.unchanged());
    }

    private void ensure(int n) {
        if (n > ids.length) {
            int size = Math.max(n, ids.length * 2);
            ids = Arrays.copyOf(ids, size);
        }
    }

    private boolean delayAccounting() {
        Boolean on = files.taskDelayAcct();
        return on == null || on;
    }

    @Override
    public Scan threads(int[] only) throws KernelException {
        long now = System.nanoTime();
        List<TaskExit> exited = exits(only, false);
        leaders.forget();
        int n = taskListing.list(only);
        // Threads whose exit reports were lost may have left their TIDs to others unseen.
        long lost = exits == null ? -1 : exits.overflows();
        boolean twoLevel = only == null && exits != null && lost == lostSeen;
        lostSeen = lost;
        boolean delays = delayAccounting();
        ScanSamples tasks = buffers.begin(false, n);
        threadScan.sample(taskListing.ids(), taskListing.tgids(), n, twoLevel, delays, exitedTgids,
                buffers.previous(false), tasks);
        return scan(now, false, tasks, taskListing.ids(), n, exited, delays);
    }

    @Override
    public Scan processes(int[] only) throws KernelException {
        long now = System.nanoTime();
        List<TaskExit> exited = new ArrayList<>(exits(only, true));
        int[] pids = taskListing.processes(only);
        int n = pids.length;
        ensure(n);
        System.arraycopy(pids, 0, ids, 0, n);
        long lostReports = exits == null || only != null ? -1 : exits.overflows();
        TaskCounters leader = leaders.answer(taskstats, pids, n, exitedTgids, lostReports, now);
        // Per-group delay sums cost the kernel a walk over every thread: only ask when there are any.
        boolean delays = delayAccounting();
        if (delays) {
            taskstats.query(ids, n, true, groupCounters);
        }
        // A process whose leader no longer answers is a zombie (or gone). Its parent's /proc/PID/io
        // grows by its I/O when reaping it, just before its /proc entry goes: so note the zombies
        // before reading the parents, and read a parent again if its zombie went meanwhile.
        Map<Integer, Integer> zombieParents = new HashMap<>();
        Set<Integer> gone = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (!leader.answered(i)) {
                int ppid = proc.ppidOf(pids[i]);
                if (ppid > 0) {
                    zombieParents.put(pids[i], ppid);
                } else {
                    gone.add(pids[i]);
                }
            }
        }
        ioRows.reset(n);
        int unread = 0;
        files.beginIo();
        for (int i = 0; i < n; i++) {
            boolean read = leader.answered(i) && ioRows.read(files, i, pids[i]);
            if (!read && leader.answered(i) && !leaders.askedNow(i)) {
                if (unread == unreadRows.length) {
                    unreadRows = Arrays.copyOf(unreadRows, unread * 2);
                }
                unreadRows[unread++] = i;
            }
        }
        files.endIo();
        if (unread > 0) {
            confirmUnread(pids, leader, unread, zombieParents);
        }
        if (!zombieParents.isEmpty()) {
            rereadParentsOfReaped(pids, zombieParents, gone);
        }
        int[] started = exits == null ? new int[0]
                : settling.settle(pids, ioRows, exited, gone, into -> lateExits(only, into));
        int[] listed = gone.isEmpty() && started.length == 0 ? pids : listing(pids, gone, started);
        ScanSamples tasks = buffers.begin(true, n);
        TaskCounters group = delays ? groupCounters : leader;
        for (int i = 0; i < n; i++) {
            // One found reaped during the scan is left to its exit reports.
            if (leader.answered(i) && group.answered(i) && (gone.isEmpty() || !gone.contains(pids[i]))) {
                if (ioRows.has(i)) {
                    tasks.add(ioRows.bytesOf(i, draft.task(leader, i)).delays(group, i));
                } else {
                    ProcessIo summed = sumOfThreads(pids[i], leader, i);
                    if (summed != null) {
                        tasks.add(draft.task(leader, i).bytes(summed, false).delays(group, i));
                    }
                }
            }
        }
        return scan(now, true, tasks, listed, listed.length, exited, delays);
    }

    /**
     * The processes whose /proc/PID/io could not be read though an earlier answer of theirs was
     * kept: the kernel is asked again. One gone since (reaped during this scan) is noted with its
     * last known parent, which may have been read before the reaping and is then read again; one
     * still there (its io unreadable, as PID 1's is here) gets fresh counters to sum.
     */
    private void confirmUnread(int[] pids, TaskCounters leader, int unread, Map<Integer, Integer> zombieParents)
            throws KernelException {
        int[] parents = new int[unread];
        for (int k = 0; k < unread; k++) {
            parents[k] = leader.ppid(unreadRows[k]);
        }
        leaders.confirm(taskstats, unreadRows, unread);
        for (int k = 0; k < unread; k++) {
            if (!leader.answered(unreadRows[k])) {
                zombieParents.put(pids[unreadRows[k]], parents[k]);
            }
        }
    }

    /**
     * {@code pids} but those in {@code gone}, and {@code started}; a loop, not a stream: it runs
     * when a process has just ended.
     */
    private static int[] listing(int[] pids, Set<Integer> gone, int[] started) {
        int[] out = new int[pids.length + started.length];
        int n = 0;
        for (int pid : pids) {
            if (!gone.contains(pid)) {
                out[n++] = pid;
            }
        }
        System.arraycopy(started, 0, out, n, started.length);
        return Arrays.copyOf(out, n + started.length);
    }

    /** Adds to {@code gone} the zombies reaped while /proc/PID/io was read, and reads their parents again. */
    private void rereadParentsOfReaped(int[] pids, Map<Integer, Integer> zombieParents, Set<Integer> gone) {
        for (Map.Entry<Integer, Integer> z : zombieParents.entrySet()) {
            if (proc.ppidOf(z.getKey()) < 0) {
                gone.add(z.getKey());
                for (int parent = 0; parent < pids.length; parent++) {
                    if (pids[parent] == z.getValue() && ioRows.has(parent)) {
                        ioRows.reread(proc, parent, pids[parent], false);
                    }
                }
            }
        }
    }

    /**
     * The byte counters of a process whose /proc/PID/io cannot be read (PID 1 here, even for
     * root): the sum over its live threads. Unlike /proc/PID/io it drops a thread's bytes once that
     * thread exits, which the model absorbs (a counter that goes down yields no negative rate).
     * {@code leader} is the process's row in {@code answers}, the leader query's answers (asked in
     * this scan, see confirmUnread), which are the sum when the leader is its only thread (as it is
     * for most init systems).
     */
    private ProcessIo sumOfThreads(int pid, TaskCounters answers, int leader) throws KernelException {
        int[] tids = proc.tids(pid);
        if (tids.length == 0) {
            return null;
        }
        if (tids.length == 1 && tids[0] == pid) {
            return new ProcessIo(answers.readBytes(leader), answers.writeBytes(leader),
                    answers.cancelledWriteBytes(leader),
                    LogicalIo.chars(answers.readChars(leader), answers.writeChars(leader)));
        }
        taskstats.query(tids, tids.length, false, threadCounters);
        long read = 0;
        long write = 0;
        long cancelled = 0;
        long readChars = 0;
        long writeChars = 0;
        for (int i = 0; i < tids.length; i++) {
            if (threadCounters.answered(i)) {
                read += threadCounters.readBytes(i);
                write += threadCounters.writeBytes(i);
                cancelled += threadCounters.cancelledWriteBytes(i);
                readChars += threadCounters.readChars(i);
                writeChars += threadCounters.writeChars(i);
            }
        }
        return new ProcessIo(read, write, cancelled, LogicalIo.chars(readChars, writeChars));
    }

    @Override
    public Visibility visibility() {
        return Visibility.TASKSTATS;
    }

    /** Closes the files held open between scans. */
    @Override
    public void close() {
        taskListing.close();
        files.close();
        if (owns) {
            if (exits != null) {
                exits.close();
            }
            taskstats.close();
        }
    }
}
