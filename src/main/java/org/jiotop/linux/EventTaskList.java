package org.jiotop.linux;

/**
 * The live tasks (thread ID to thread-group ID), kept from the kernel's process events instead
 * of listing {@code /proc} on every refresh: listing {@code /proc} makes the kernel walk every
 * task to find the processes, which at thousands of threads is a large share of a refresh. Same
 * contract as {@link ProcFs#pids()} and {@link ProcFs#tids(int)}, as of the last
 * {@link #refresh()}.
 *
 * <p>It starts by subscribing, then walks {@code /proc} once, then applies the events queued
 * meanwhile in order. Nothing is lost that way: a task that existed before the subscription and
 * still exists at the walk is listed by the walk; a task that ended before the walk either ended
 * before the subscription (the walk does not list it) or has its exit queued; one that started
 * after the subscription has its fork queued. Applied after the walk, the queued events are newer
 * than, or as new as, what the walk saw, so each task ends as its last event says, or as the walk
 * saw it if it had none: a fork the walk already saw adds it again, an exit the walk saw the task
 * before removes it, and a reused ID is removed and added in the kernel's order. The kernel shows
 * a new task in {@code /proc} a moment before it sends its fork event, so a task that has just
 * started may be listed a refresh later than a walk of {@code /proc} would list it (the tracker
 * then counts what it did from its start).
 *
 * <p>Unlike {@code /proc}, which lists a task until its parent reaps it (a zombie), the list drops a
 * task at its exit event; {@link #processes()} lists a process whose threads all exited until it
 * is reaped, as {@code /proc} does (each walk forgets those reaped, so that thread scans, which do
 * not ask, keep no more of them than the exits between two walks). A walk skips the tasks whose
 * exit it has already applied, so they are not listed again as zombies; but a task that was
 * already a zombie when the list started, or whose exit event was lost without a trace, stays
 * listed until the first walk after it is reaped.
 *
 * <p>Events are lost when the socket's receive buffer overflows between two refreshes (the kernel
 * then says ENOBUFS) or the kernel cannot send one; the connector numbers events per CPU, so the
 * gaps count the lost ones. Either makes the next refresh walk {@code /proc} again; so does every
 * {@link #FULL_WALK_EVERY}-th refresh. Not thread-safe.
 */
public final class EventTaskList implements AutoCloseable {
    /**
     * Holds thousands of events between two refreshes: the kernel doubles the size asked for, and
     * charges each event (under a hundred bytes) with the kilobyte or so of its buffer.
     */
    public static final int RECEIVE_BUFFER = 8 << 20;
    /**
     * Refreshes between two full walks even when nothing was seen lost: bounds how long a task
     * whose exit went unseen stays listed (a minute at the default delay) while the walk's cost,
     * spread over the refreshes, stays under 2 % of walking every time.
     */
    public static final int FULL_WALK_EVERY = 60;
    /**
     * Exits remembered since the last walk (so that the next one skips them as zombies) beyond
     * which a walk comes early: under a heavy churn they would otherwise grow for a whole
     * {@link #FULL_WALK_EVERY} refreshes. This many take about 1 MiB (a map of two int arrays at
     * most half full), and come only at over a thousand exits a second.
     */
    private static final int MAX_EXITED = 1 << 16;
    /** A refresh stops receiving after this many events even if the kernel keeps sending. */
    private static final int DRAIN_LIMIT = 1 << 20;

    private final ProcFs proc;
    private final ProcEventSocket socket;
    private final LiveTasks tasks = new LiveTasks();
    private boolean resyncWanted;
    private int sinceWalk;
    private long resyncs;
    private long seenOverflows;
    private long seenTruncated;
    private long seenLost;
    private long truncatedLost;

    private EventTaskList(ProcFs proc, ProcEventSocket socket) {
        this.proc = proc;
        this.socket = socket;
    }

    /**
     * Subscribes and lists the tasks; null when the kernel refuses the events (no CAP_NET_ADMIN,
     * no connector, or a PID or user namespace other than the initial one, where the kernel
     * ignores the request): the caller then lists {@code /proc} itself.
     */
    public static EventTaskList open(ProcFs proc) {
        return open(proc, RECEIVE_BUFFER);
    }

    static EventTaskList open(ProcFs proc, int receiveBufferBytes) {
        ProcEventSocket socket;
        try {
            socket = ProcEventSocket.open(receiveBufferBytes);
        } catch (KernelException e) {
            return null;
        }
        EventTaskList list = new EventTaskList(proc, socket);
        try {
            // The kernel answers a LISTEN inside send(), so its answer is queued by now; it sends
            // none when it ignores the request, and none to refuse it when nobody else listens.
            list.drain();
            if (list.tasks.acknowledged() != 0) {
                list.close();
                return null;
            }
            list.resync();
            return list;
        } catch (KernelException | RuntimeException e) {
            list.close();
            return null;
        }
    }

    /** Takes in the events since the last refresh, walking {@code /proc} again when it is due. */
    public void refresh() throws KernelException {
        drain();
        if (resyncWanted || ++sinceWalk >= FULL_WALK_EVERY) {
            resync();
            resyncs++;
        } else {
            tasks.publish();
        }
    }

    /** Every process, ascending, as of the last refresh: shared, not to be modified. */
    public int[] pids() {
        return tasks.order().pids();
    }

    /**
     * Every process as /proc lists them, ascending: those of {@link #pids()} and, until their
     * parent reaps them, those whose threads have all exited (zombies), which a process scan
     * needs (a parent's counters take in a child's at the reaping). Shared, not to be modified.
     */
    public int[] processes() {
        return tasks.withUnreaped(pids(), this::present);
    }

    private boolean present(int pid) {
        return proc.ppidOf(pid) >= 0;
    }

    /** The threads of {@code pid}, ascending, as of the last refresh; empty when it is gone. */
    public int[] tids(int pid) {
        return tasks.order().tids(pid);
    }

    /** How many tasks are listed. */
    public int taskCount() {
        return tasks.order().size();
    }

    /**
     * Copies every task into {@code tids} and its process into {@code tgids} at the same index,
     * by process then thread, with no allocation; each array holds at least {@link #taskCount()}.
     */
    public void copyTasks(int[] tids, int[] tgids) {
        tasks.order().copy(tids, tgids);
    }

    /**
     * Events lost since the start, at least: those missing from the kernel's numbering or too long
     * to receive, and no fewer than the receive-buffer overflows (an overflow drops what comes after
     * the events queued, so the gap shows only with the next event from that CPU).
     */
    public long lostEvents() {
        return Math.max(tasks.lost() + truncatedLost, socket.overflows());
    }

    /** Full walks of {@code /proc} since the start, whether due or for lost events. */
    public long resyncs() {
        return resyncs;
    }

    /** Lists {@code /proc} afresh, then applies what came meanwhile (the class comment says why in that order). */
    private void resync() throws KernelException {
        tasks.beginWalk();
        for (int pid : proc.pids()) {
            for (int tid : proc.tids(pid)) {
                tasks.found(tid, pid);
            }
        }
        tasks.endWalk();
        resyncWanted = false;
        sinceWalk = 0;
        drain();
        tasks.publish();
        tasks.forgetReaped(tasks.order().pids(), this::present);
    }

    private void drain() throws KernelException {
        socket.receive(tasks, DRAIN_LIMIT);
        if (socket.overflows() != seenOverflows || tasks.lost() != seenLost) {
            seenOverflows = socket.overflows();
            seenLost = tasks.lost();
            resyncWanted = true;
        }
        if (tasks.exitedSinceWalk() > MAX_EXITED) {
            resyncWanted = true;
        }
        if (socket.truncated() != seenTruncated) {
            truncatedLost += socket.truncated() - seenTruncated;
            seenTruncated = socket.truncated();
            resyncWanted = true;
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
