package org.jiotop.linux;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The live tasks, thread ID to thread-group ID, as walks of {@code /proc} and the kernel's process
 * events that follow them say: the state of {@link EventTaskList}, without the socket, so that it
 * can be fed events by hand. Changes are taken into the sorted lists only by {@link #publish()}.
 */
final class LiveTasks implements ProcEventCodec.Sink {
    /** CPU numbers beyond this are not tracked for sequence gaps. */
    private static final int MAX_CPUS = 1 << 16;

    private final TidMap tgidOf = new TidMap();
    /** Threads per process, so an exec knows whether other threads of its process are left. */
    private final TidMap threads = new TidMap();
    /** Tasks whose exit was applied since the last walk: a walk that still finds them finds zombies. */
    private final TidMap exited = new TidMap();
    /**
     * Processes whose last thread's exit was applied and that have not been seen reaped: /proc
     * lists them (zombies) until their parent reaps them, and so does {@link #withUnreaped}.
     */
    private final TidMap ended = new TidMap();
    private int[] endedScratch = new int[16];
    private final TaskOrder order = new TaskOrder();
    /** Tasks added or changed since the last publish: listed then as the map has them. */
    private int[] touched = new int[256];
    private int touchedCount;
    /** The keys ({@link TaskOrder#key}) of tasks removed or changed since the last publish. */
    private long[] removed = new long[256];
    private int removedCount;
    private long[] added = new long[256];
    private boolean walked;
    private boolean processesChanged;
    /** Per CPU, the number the next event from it should carry, once one came. */
    private int[] nextSeq = new int[64];
    private boolean[] seqSeen = new boolean[64];
    private int acknowledged = Integer.MIN_VALUE;
    private long lost;

    /** Forgets every task, before a walk lists them again. */
    void beginWalk() {
        tgidOf.clear();
        threads.clear();
        walked = true;
        processesChanged = true;
    }

    /** Lists a task the walk found, unless it is a zombie whose exit was already applied. */
    void found(int tid, int tgid) {
        if (exited.get(tid) == 0) {
            add(tid, tgid);
        }
    }

    /** Ends a walk: the events that follow are newer than it. */
    void endWalk() {
        exited.clear();
    }

    /** Takes the changes since the last call into the sorted lists: all of them after a walk. */
    void publish() {
        if (walked) {
            order.rebuild(tgidOf);
            walked = false;
        } else {
            if (added.length < touchedCount) {
                added = new long[touchedCount * 2];
            }
            int a = 0;
            for (int i = 0; i < touchedCount; i++) {
                int tgid = tgidOf.get(touched[i]);
                if (tgid != 0) {
                    added[a++] = TaskOrder.key(tgid, touched[i]);
                }
            }
            order.update(removed, removedCount, added, a);
        }
        if (processesChanged) {
            order.processes(threads);
            processesChanged = false;
        }
        touchedCount = 0;
        removedCount = 0;
    }

    TaskOrder order() {
        return order;
    }

    /** Exits applied since the last walk, each remembered until the next. */
    int exitedSinceWalk() {
        return exited.size();
    }

    /**
     * {@code live} (ascending, not modified) and, merged in, the processes whose last thread exited
     * that are still {@code present} (not reaped), as /proc would list them; {@code live} itself
     * when there are none. Forgets those that are not, as {@link #forgetReaped} does.
     */
    int[] withUnreaped(int[] live, IntPredicate present) {
        int zombies = forgetReaped(live, present);
        if (zombies == 0) {
            return live;
        }
        Arrays.sort(endedScratch, 0, zombies);
        int[] out = new int[live.length + zombies];
        int a = 0;
        int b = 0;
        for (int o = 0; o < out.length; o++) {
            out[o] = b == zombies || a < live.length && live[a] < endedScratch[b] ? live[a++] : endedScratch[b++];
        }
        return out;
    }

    /**
     * Forgets the processes whose last thread exited that are no longer {@code present} (reaped)
     * or are in {@code live} again (their ID reused); the others, the zombies, are left in the
     * first entries of {@link #endedScratch}, and their number returned.
     */
    int forgetReaped(int[] live, IntPredicate present) {
        if (ended.size() == 0) {
            return 0;
        }
        endedScratch = ended.keys(endedScratch);
        int n = ended.size();
        int zombies = 0;
        for (int i = 0; i < n; i++) {
            int pid = endedScratch[i];
            if (Arrays.binarySearch(live, pid) < 0 && present.test(pid)) {
                endedScratch[zombies++] = pid;
            } else {
                ended.remove(pid);
            }
        }
        return zombies;
    }

    /** Events known lost by gaps in the kernel's numbering. */
    long lost() {
        return lost;
    }

    /** The kernel's answer to the LISTEN: 0 once it agreed, else what it refused with, or MIN_VALUE for none. */
    int acknowledged() {
        return acknowledged;
    }

    private void add(int tid, int tgid) {
        int before = tgidOf.put(tid, tgid);
        if (before != tgid) {
            if (before != 0) {
                leave(before, tid);
            }
            processesChanged |= threads.add(tgid, 1) == 1;
        }
    }

    private void remove(int tid) {
        int before = tgidOf.remove(tid);
        if (before != 0) {
            leave(before, tid);
        }
    }

    /** Thread {@code tid} is no longer of process {@code tgid}. */
    private void leave(int tgid, int tid) {
        processesChanged |= threads.add(tgid, -1) == 0;
        if (removedCount == removed.length) {
            removed = Arrays.copyOf(removed, removedCount * 2);
        }
        removed[removedCount++] = TaskOrder.key(tgid, tid);
    }

    private void touch(int tid) {
        if (touchedCount == touched.length) {
            touched = Arrays.copyOf(touched, touchedCount * 2);
        }
        touched[touchedCount++] = tid;
    }

    @Override
    public void sequence(int cpu, int seq) {
        if (cpu < 0 || cpu >= MAX_CPUS) {
            return;
        }
        if (cpu >= nextSeq.length) {
            nextSeq = Arrays.copyOf(nextSeq, Math.max(cpu + 1, nextSeq.length * 2));
            seqSeen = Arrays.copyOf(seqSeen, nextSeq.length);
        }
        // The distance modulo 2^32, so that the numbers may wrap; a step back is not a loss.
        int gap = seq - nextSeq[cpu];
        if (seqSeen[cpu] && gap > 0) {
            lost += gap;
        }
        seqSeen[cpu] = true;
        nextSeq[cpu] = seq + 1;
    }

    @Override
    public void fork(int parentPid, int parentTgid, int childPid, int childTgid) {
        add(childPid, childTgid);
        exited.remove(childPid);
        touch(childPid);
    }

    /**
     * After an exec the process has one thread, with the process's ID: the kernel ends the others
     * first (their exits come before), and when a thread other than the leader execs it takes over
     * the leader's ID, so its own ID goes without an exit event. That one is found here by its tgid.
     */
    @Override
    public void exec(int pid, int tgid) {
        int others = threads.get(tgid) - (tgidOf.get(pid) == tgid ? 1 : 0);
        if (others > 0) {
            int from = touchedCount;
            for (int slot = 0; slot < tgidOf.capacity(); slot++) {
                if (tgidOf.valueAt(slot) == tgid && tgidOf.keyAt(slot) != pid) {
                    touch(tgidOf.keyAt(slot));
                }
            }
            for (int i = from; i < touchedCount; i++) {
                remove(touched[i]);
            }
        }
        add(pid, tgid);
        exited.remove(pid);
        touch(pid);
    }

    @Override
    public void exit(int pid, int tgid, int exitCode, int exitSignal, int parentPid, int parentTgid) {
        int process = tgidOf.get(pid);
        remove(pid);
        exited.put(pid, 1);
        if (process != 0 && threads.get(process) == 0) {
            ended.put(process, 1);
        }
    }

    /**
     * Also moves the CPU's expected number on when the answer carries it exactly: kernels since
     * about 6.x number answers with the events (every LISTEN or IGNORE by anyone would otherwise
     * look like a lost event), older ones copy the request's number, which is then ignored here.
     */
    @Override
    public void acknowledged(int cpu, int seq, int err) {
        if (acknowledged != 0) {
            acknowledged = err;
        }
        if (cpu >= 0 && cpu < seqSeen.length && seqSeen[cpu] && seq == nextSeq[cpu]) {
            nextSeq[cpu] = seq + 1;
        }
    }
}
