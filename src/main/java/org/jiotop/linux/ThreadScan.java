package org.jiotop.linux;

import java.util.Arrays;
import java.util.List;

/**
 * Thread mode's samples in two levels: a process none of whose counters moved keeps its threads'
 * previous samples, and only the threads of processes that changed are asked about one by one.
 *
 * <p>Whether anything in a process changed comes from counters that sum its threads, read
 * <em>before</em> any of its threads is asked about: {@code /proc/PID/io} (bytes, chars and system
 * calls, exited threads included) and, while delay accounting is on, the thread group's delay
 * totals. The kernel only adds to those sums (a thread that exits moves its counts into the
 * process's), so equal sums at two refreshes mean no thread moved in between, and its samples
 * taken after the earlier reading are still what asking now would give. Besides the sums, the
 * leader is asked every time: its user and parent are the whole process's (glibc sets the user of
 * every thread; the kernel reparents every thread), so a change there asks about all. A thread
 * that exits makes its process be asked anew (its exit report names it), so a TID reused within
 * the process is never taken for the thread that had it; without exit reports, or once some were
 * lost, every thread is asked. A process whose one thread is its leader is fully answered by the
 * leader's query. A new thread is always asked about.
 */
final class ThreadScan {
    /**
     * Every process's threads are all asked about at least this often (in refreshes, staggered by
     * PID), which bounds how long a change no sum shows (a thread's own user, set by a raw system
     * call in one thread alone) goes unseen: a minute at the default delay, for 1/60 of the cost.
     */
    static final int FULL_EVERY = 60;
    /** The counters kept per process: its io file's, then its group's two delay totals. */
    private static final int SUMS = ProcParsers.IO_COUNTERS + 2;

    private final ProcFs proc;
    private final TaskstatsSocket taskstats;
    private final KeptFiles files;
    private final SampleDraft draft = new SampleDraft();
    private final TaskCounters leaders = new TaskCounters();
    private final TaskCounters groups = new TaskCounters();
    private final TaskCounters threads = new TaskCounters();
    /** The sums read by this refresh and by the one before, by process ascending. */
    private Sums current = new Sums();
    private Sums earlier = new Sums();
    private long refreshes;
    /** Per listed process, by its first row: 0 ask all, 1 its leader answers all, 2 keep unless changed. */
    private byte[] plan = new byte[1024];
    /** A row's answer: keep its previous sample. */
    private static final int KEEP = Integer.MIN_VALUE;
    /**
     * Per listed row: where its sample comes from: row {@code r} of {@link #leaders} as {@code r},
     * row {@code r} of {@link #threads} as {@code ~r}, or {@link #KEEP}.
     */
    private int[] answer = new int[1024];
    private int[] leaderIds = new int[64];
    private int[] groupIds = new int[64];
    private int[] threadIds = new int[1024];
    private final long[] sums = new long[SUMS];

    ThreadScan(ProcFs proc, TaskstatsSocket taskstats, KeptFiles files) {
        this.proc = proc;
        this.taskstats = taskstats;
        this.files = files;
    }

    /**
     * Adds to {@code tasks} the samples of the {@code n} listed threads {@code ids} of processes
     * {@code tgids} (by process ascending, then by thread ascending). {@code twoLevel} false asks
     * about every thread; {@code exitedTgids} (ascending) are the processes some thread of which was
     * reported ended since the last refresh; {@code previous} is the last thread scan's samples.
     */
    void sample(int[] ids, int[] tgids, int n, boolean twoLevel, boolean delays, int[] exitedTgids,
                List<TaskSample> previous, ScanSamples tasks) throws KernelException {
        refreshes++;
        ensure(n);
        if (!twoLevel) {
            for (int i = 0; i < n; i++) {
                answer[i] = ~i;
            }
            taskstats.query(ids, n, false, threads);
            current.count = 0; // the next refresh has no sums to compare with
            assemble(ids, tgids, n, null, tasks);
            return;
        }
        int leaderCount = 0;
        int groupCount = 0;
        Before before = new Before(previous);
        for (int start = 0, end; start < n; start = end) {
            int pid = tgids[start];
            end = processEnd(tgids, start, n);
            if (end - start == 1 && ids[start] == pid) {
                plan[start] = 1;
            } else if (before.find(pid, pid) != null && Arrays.binarySearch(exitedTgids, pid) < 0
                    && (pid + refreshes) % FULL_EVERY != 0) {
                plan[start] = 2;
            } else {
                plan[start] = 0;
            }
            if (plan[start] != 1) {
                groupIds = grow(groupIds, groupCount);
                groupIds[groupCount++] = pid;
            }
            if (plan[start] != 0) {
                leaderIds = grow(leaderIds, leaderCount);
                leaderIds[leaderCount++] = pid;
            }
        }
        readSums(groupCount, delays);
        taskstats.query(leaderIds, leaderCount, false, leaders);
        int threadCount = 0;
        before = new Before(previous);
        current.rewind();
        earlier.rewind();
        for (int start = 0, end, leader = 0; start < n; start = end) {
            int pid = tgids[start];
            end = processEnd(tgids, start, n);
            byte how = plan[start];
            boolean keep = how == 2 && unchanged(pid, leader, before);
            for (int i = start; i < end; i++) {
                if (how == 1) {
                    answer[i] = leader;
                } else if (keep && ids[i] == pid) {
                    answer[i] = leader;
                } else if (keep && before.find(pid, ids[i]) != null) {
                    answer[i] = KEEP;
                } else {
                    threadIds = grow(threadIds, threadCount);
                    threadIds[threadCount] = ids[i];
                    answer[i] = ~threadCount++;
                }
            }
            leader += how == 0 ? 0 : 1;
        }
        taskstats.query(threadIds, threadCount, false, threads);
        assemble(ids, tgids, n, new Before(previous), tasks);
    }

    /** Reads the sums of the {@code count} processes of {@link #groupIds} into {@link #current}. */
    private void readSums(int count, boolean delays) throws KernelException {
        Sums swap = earlier;
        earlier = current;
        current = swap;
        current.count = 0;
        if (delays) {
            taskstats.query(groupIds, count, true, groups);
        }
        files.beginIo();
        for (int k = 0; k < count; k++) {
            // The io file's counters, then the delays.
            if (!files.io(groupIds[k], sums) || (delays && !groups.answered(k))) {
                continue;
            }
            sums[ProcParsers.IO_COUNTERS] = delays ? groups.blkioDelayNanos(k) : 0;
            sums[ProcParsers.IO_COUNTERS + 1] = delays ? groups.swapinDelayNanos(k) : 0;
            current.add(groupIds[k], sums);
        }
        files.endIo();
    }

    /**
     * Whether process {@code pid} moved nothing since the last refresh: its sums read now equal
     * those read then, and its leader's answer, row {@code leader}, is its previous sample.
     */
    private boolean unchanged(int pid, int leader, Before before) {
        if (!current.get(pid, sums) || !earlier.same(pid, sums) || !leaders.answered(leader)) {
            return false;
        }
        TaskSample was = before.find(pid, pid);
        if (was == null) {
            return false;
        }
        SampleDraft d = draft.task(leaders, leader).tgid(pid);
        countCalls(d, was);
        return d.matches(was);
    }

    /** Adds each row's sample, asked for or kept, to {@code tasks}; {@code before} null when nothing is kept. */
    private void assemble(int[] ids, int[] tgids, int n, Before before, ScanSamples tasks) {
        for (int i = 0; i < n; i++) {
            int a = answer[i];
            if (a == KEEP) {
                tasks.addKept(before.find(tgids[i], ids[i]));
                continue;
            }
            TaskCounters from = a < 0 ? threads : leaders;
            int row = a < 0 ? ~a : a;
            if (from.answered(row)) {
                SampleDraft d = draft.task(from, row).tgid(tgids[i]);
                countCalls(d, tasks.previous(d));
                tasks.add(d);
            }
        }
    }

    /**
     * Sets the read and write system calls of thread {@code d}. Taskstats masks its counts to
     * multiples of 1024, so they come from the thread's io file; that costs a file read, so only a
     * thread whose bytes moved since {@code before} (its previous sample; null for a thread first
     * seen) is read: one that made calls passing no bytes has them counted once it moves some.
     */
    private void countCalls(SampleDraft d, TaskSample before) {
        if (before != null && TaskId.sameStart(before.startNanos(), d.startNanos()) && d.sameIo(before)) {
            d.calls(before.logical().readSyscalls(), before.logical().writeSyscalls());
            return;
        }
        ProcessIo io = proc.threadIo(d.tgid(), d.id());
        if (io != null) {
            d.calls(io.logical().readSyscalls(), io.logical().writeSyscalls());
        }
    }

    /** The row after the last of the process whose first row is {@code start}. */
    private static int processEnd(int[] tgids, int start, int n) {
        int end = start + 1;
        while (end < n && tgids[end] == tgids[start]) {
            end++;
        }
        return end;
    }

    private void ensure(int n) {
        if (n > answer.length || n > plan.length) {
            answer = new int[Math.max(n, answer.length * 2)];
            plan = new byte[answer.length];
        }
    }

    private static int[] grow(int[] a, int count) {
        return count < a.length ? a : Arrays.copyOf(a, a.length * 2);
    }

    /** The last scan's samples, looked up in listing order (process, then thread, ascending) only. */
    private static final class Before {
        private final List<TaskSample> samples;
        private int at;

        Before(List<TaskSample> samples) {
            this.samples = samples;
        }

        /** The sample of thread {@code id} of process {@code tgid}, or null; later calls ask for later threads. */
        TaskSample find(int tgid, int id) {
            while (at < samples.size()) {
                TaskSample p = samples.get(at);
                if (p.tgid() > tgid || (p.tgid() == tgid && p.id() >= id)) {
                    return p.tgid() == tgid && p.id() == id ? p : null;
                }
                at++;
            }
            return null;
        }
    }

    /** Processes' sums by PID, ascending, in one flat array: no object per process per refresh. */
    private static final class Sums {
        private int[] pids = new int[64];
        private long[] values = new long[64 * SUMS];
        private int count;
        private int at;

        void add(int pid, long[] v) {
            if (count == pids.length) {
                pids = Arrays.copyOf(pids, count * 2);
                values = Arrays.copyOf(values, count * 2 * SUMS);
            }
            pids[count] = pid;
            System.arraycopy(v, 0, values, count++ * SUMS, SUMS);
        }

        /** Starts a new pass of ascending look-ups. */
        void rewind() {
            at = 0;
        }

        /** Copies the sums of {@code pid} into {@code into}; false when there are none. Ascending calls only. */
        boolean get(int pid, long[] into) {
            int k = seek(pid);
            if (k < 0) {
                return false;
            }
            System.arraycopy(values, k * SUMS, into, 0, SUMS);
            return true;
        }

        /** Whether {@code pid}'s sums are {@code v}. Ascending calls only. */
        boolean same(int pid, long[] v) {
            int k = seek(pid);
            return k >= 0 && Arrays.equals(values, k * SUMS, k * SUMS + SUMS, v, 0, SUMS);
        }

        private int seek(int pid) {
            while (at < count && pids[at] < pid) {
                at++;
            }
            return at < count && pids[at] == pid ? at : -1;
        }
    }
}
