package org.jiotop.linux;

import java.util.Arrays;

/**
 * Lists the tasks a scan asks about: for a thread scan the threads, by process then thread,
 * ascending, those of {@code -p} or every thread on the machine; for a process scan the processes.
 * Every task comes from the kernel's process events ({@link EventTaskList}) from the third scan on,
 * when this listing may use them and the kernel allows: listing /proc makes the kernel walk every
 * task, which costs more than anything else in a refresh at thousands of threads, but a run of one
 * or two scans (a one-shot {@code -b -n 1}) would pay the subscription and a walk for nothing.
 * Otherwise /proc is listed.
 */
final class TaskListing implements AutoCloseable {
    private final ProcFs proc;
    private boolean useEvents;
    private EventTaskList events;
    private int scans;
    private int[] ids = new int[1024];
    private int[] tgids = new int[1024];

    TaskListing(ProcFs proc) {
        this.proc = proc;
    }

    /** Lists from process events where the kernel allows. */
    void useEvents() {
        useEvents = true;
    }

    /** Lists the threads of {@code only} (TIDs), or of every process when null; returns how many. */
    int list(int[] only) throws KernelException {
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
        } else if (events() != null) {
            events.refresh();
            n = events.taskCount();
            ensure(n);
            events.copyTasks(ids, tgids);
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
        return n;
    }

    /**
     * The processes of {@code only} (PIDs), or every process as /proc lists them, zombies included
     * (a process scan takes in a child's counters at the reaping), ascending unless {@code only}
     * is not. Not to be modified.
     */
    int[] processes(int[] only) throws KernelException {
        if (only != null) {
            return only;
        }
        if (events() != null) {
            events.refresh();
            return events.processes();
        }
        return proc.pids();
    }

    /** The TIDs listed, in the first {@link #list} entries. */
    int[] ids() {
        return ids;
    }

    /** The process of each TID listed, at the same index. */
    int[] tgids() {
        return tgids;
    }

    private EventTaskList events() {
        if (useEvents && events == null && ++scans >= 3) {
            events = EventTaskList.open(proc);
            useEvents = events != null;
        }
        return events;
    }

    private void ensure(int n) {
        if (n > ids.length) {
            int size = Math.max(n, ids.length * 2);
            ids = Arrays.copyOf(ids, size);
            tgids = Arrays.copyOf(tgids, size);
        }
    }

    /** Stops taking in process events. */
    @Override
    public void close() {
        if (events != null) {
            events.close();
            events = null;
        }
    }
}
