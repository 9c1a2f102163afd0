package org.jiotop.linux;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a {@link Scan}: enumerates tasks in /proc and asks taskstats for their counters in
 * batches. Thread mode asks for every thread; process mode reads each process's byte counters from
 * {@code /proc/PID/io} (which keeps the I/O of its exited threads, and also adds the final I/O of
 * each child process it waits for) and its delay totals from one per-thread-group query (which
 * also covers exited threads).
 */
public final class TaskScanner {
    private final ProcFs proc;
    private final TaskstatsSocket taskstats;
    private final ExitListener exits;
    private int[] ids = new int[1024];
    private int[] tgids = new int[1024];
    private TaskStats[] stats = new TaskStats[1024];
    private TaskStats[] groupStats = new TaskStats[1024];
    private long[] sampledAt = new long[1024];
    private long[] groupSampledAt = new long[1024];

    /** {@code exits} may be null: exited tasks are then only seen while alive. */
    public TaskScanner(ProcFs proc, TaskstatsSocket taskstats, ExitListener exits) {
        this.proc = proc;
        this.taskstats = taskstats;
        this.exits = exits;
    }

    /**
     * The exits received so far, of the tasks asked for: by TID in thread mode, by process in
     * process mode. Drained before tasks are queried, so a task reported here is no longer alive
     * when queried, and a task that exits after its query is reported at the next scan.
     */
    private List<TaskExit> exits(int[] only, boolean byProcess) {
        if (exits == null) {
            return List.of();
        }
        List<TaskExit> all = new ArrayList<>();
        exits.drain(all);
        if (only != null) {
            all.removeIf(e -> Arrays.stream(only).noneMatch(id -> id == (byProcess ? e.last().tgid() : e.last().id())));
        }
        return all;
    }

    private Scan scan(long now, boolean processes, List<TaskSample> tasks, int[] listed, List<TaskExit> exited,
                      boolean delays) {
        int[] sorted = listed.clone();
        Arrays.sort(sorted);
        return new Scan(now, processes, tasks, sorted, exited, exits == null ? -1 : exits.overflows(), proc.vmstat(),
                delays);
    }

    private void ensure(int n) {
        if (n > ids.length) {
            int size = Math.max(n, ids.length * 2);
            ids = Arrays.copyOf(ids, size);
            tgids = Arrays.copyOf(tgids, size);
            stats = new TaskStats[size];
            groupStats = new TaskStats[size];
            sampledAt = new long[size];
            groupSampledAt = new long[size];
        }
    }

    private boolean delayAccounting() {
        Boolean on = proc.taskDelayAcct();
        return on == null || on;
    }

    /**
     * Every thread, or only the TIDs in {@code only} (null: all).
     */
    public Scan threads(int[] only) throws KernelException {
        long now = System.nanoTime();
        List<TaskExit> exited = exits(only, false);
        int n = 0;
        if (only != null) {
            for (int tid : only) {
                int tgid = proc.tgidOf(tid);
                if (tgid > 0) {
                    ensure(n + 1);
                    ids[n] = tid;
                    tgids[n++] = tgid;
                }
            }
        } else {
            for (int pid : proc.pids()) {
                int[] tids = proc.tids(pid);
                ensure(n + tids.length);
                for (int tid : tids) {
                    ids[n] = tid;
                    tgids[n++] = pid;
                }
            }
        }
        taskstats.query(ids, n, false, stats, sampledAt);
        List<TaskSample> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            TaskStats s = stats[i];
            if (s != null) {
                tasks.add(new TaskSample(ids[i], tgids[i], s.ppid(), sampledAt[i] - s.elapsedMicros() * 1000, s.uid(), false,
                        s.readBytes(), s.writeBytes(), s.cancelledWriteBytes(),
                        s.blkioDelayNanos(), s.swapinDelayNanos()));
            }
            stats[i] = null;
        }
        return scan(now, false, tasks, Arrays.copyOf(ids, n), exited, delayAccounting());
    }

    /**
     * Every process, or only the PIDs in {@code only} (null: all), each with the I/O of all its
     * threads.
     */
    public Scan processes(int[] only) throws KernelException {
        long now = System.nanoTime();
        List<TaskExit> exited = exits(only, true);
        int[] pids = only != null ? only : proc.pids();
        int n = pids.length;
        ensure(n);
        System.arraycopy(pids, 0, ids, 0, n);
        taskstats.query(ids, n, false, stats, sampledAt);
        // Per-group delay sums cost the kernel a walk over every thread: only ask when there are any.
        boolean delays = delayAccounting();
        if (delays) {
            taskstats.query(ids, n, true, groupStats, groupSampledAt);
        }
        // A process whose leader no longer answers is a zombie (or gone). Its parent's /proc/PID/io
        // grows by its I/O when reaping it, just before its /proc entry goes: so note the zombies
        // before reading the parents, and read a parent again if its zombie went meanwhile.
        Map<Integer, Integer> zombieParents = new HashMap<>();
        List<Integer> gone = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (stats[i] == null) {
                int ppid = proc.ppidOf(pids[i]);
                if (ppid > 0) {
                    zombieParents.put(pids[i], ppid);
                } else {
                    gone.add(pids[i]);
                }
            }
        }
        ProcessIo[] io = new ProcessIo[n];
        for (int i = 0; i < n; i++) {
            io[i] = stats[i] == null ? null : proc.processIo(pids[i]);
        }
        if (!zombieParents.isEmpty()) {
            rereadParentsOfReaped(pids, io, zombieParents, gone);
        }
        int[] listed = gone.isEmpty() ? pids : Arrays.stream(pids).filter(pid -> !gone.contains(pid)).toArray();
        List<TaskSample> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            TaskStats leader = stats[i];
            TaskStats group = delays ? groupStats[i] : leader;
            if (leader != null && group != null) {
                ProcessIo bytes = io[i] != null ? io[i] : sumOfThreads(pids[i]);
                if (bytes != null) {
                    tasks.add(new TaskSample(pids[i], pids[i], leader.ppid(),
                            sampledAt[i] - leader.elapsedMicros() * 1000, leader.uid(), io[i] != null, bytes.readBytes(), bytes.writeBytes(), bytes.cancelledWriteBytes(),
                            group.blkioDelayNanos(), group.swapinDelayNanos()));
                }
            }
            stats[i] = null;
            groupStats[i] = null;
        }
        return scan(now, true, tasks, listed, exited, delays);
    }

    /** Adds to {@code gone} the zombies reaped while /proc/PID/io was read, and reads their parents again. */
    private void rereadParentsOfReaped(int[] pids, ProcessIo[] io, Map<Integer, Integer> zombieParents,
                                       List<Integer> gone) {
        for (Map.Entry<Integer, Integer> z : zombieParents.entrySet()) {
            if (proc.ppidOf(z.getKey()) < 0) {
                gone.add(z.getKey());
                for (int parent = 0; parent < pids.length; parent++) {
                    if (pids[parent] == z.getValue() && io[parent] != null) {
                        io[parent] = proc.processIo(pids[parent]);
                    }
                }
            }
        }
    }

    /**
     * The byte counters of a process whose /proc/PID/io cannot be read (PID 1 here, even for
     * root): the sum over its live threads. Unlike /proc/PID/io it drops a thread's bytes once that
     * thread exits, which the model absorbs (a counter that goes down yields no negative rate).
     */
    private ProcessIo sumOfThreads(int pid) throws KernelException {
        int[] tids = proc.tids(pid);
        if (tids.length == 0) {
            return null;
        }
        TaskStats[] threadStats = new TaskStats[tids.length];
        taskstats.query(tids, tids.length, false, threadStats, new long[tids.length]);
        long read = 0;
        long write = 0;
        long cancelled = 0;
        for (TaskStats s : threadStats) {
            if (s != null) {
                read += s.readBytes();
                write += s.writeBytes();
                cancelled += s.cancelledWriteBytes();
            }
        }
        return new ProcessIo(read, write, cancelled);
    }
}
