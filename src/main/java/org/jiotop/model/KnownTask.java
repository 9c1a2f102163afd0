package org.jiotop.model;

import org.jiotop.linux.TaskSample;

/**
 * A task as last seen, with the activity it was last shown with. In process mode the counters of
 * {@code last} also hold what is not the process's own doing now: {@code children}, the I/O of the
 * children it reaped while watched (shown in their own rows), and {@code exitedThreads}, the final
 * counters of its threads that exited while watched (their reports are already in a sample). What
 * its remaining threads did up to {@code last} is the rest: see {@link #liveThreads()}.
 */
record KnownTask(TaskSample last, IoDelta accumulated, long accumulatedSinceNanos, TaskActivity shown,
                 IoDelta children, IoDelta exitedThreads) {

    KnownTask(TaskActivity a) {
        this(a.sample(), a.accumulated(), a.accumulatedSinceNanos(), a, IoDelta.ZERO, IoDelta.ZERO);
    }

    /** The same task seen again, as {@code a}. */
    KnownTask seenAs(TaskActivity a) {
        return new KnownTask(a.sample(), a.accumulated(), a.accumulatedSinceNanos(), a, children, exitedThreads);
    }

    KnownTask withChildren(IoDelta more) {
        return new KnownTask(last, accumulated, accumulatedSinceNanos, shown, children.plus(more), exitedThreads);
    }

    KnownTask withExitedThreads(IoDelta more) {
        return new KnownTask(last, accumulated, accumulatedSinceNanos, shown, children, exitedThreads.plus(more));
    }

    /**
     * What the threads still running at {@code last} had done by then: exact for a process that
     * started while watched; for an older one, at least that (its earlier children and threads are
     * not known), so what its last reports add beyond it is never too much.
     */
    IoDelta liveThreads() {
        return IoDelta.of(last).minus(children).minus(exitedThreads).atLeastZero();
    }

    /** The task did nothing in the interval before, so it did nothing again if its sample is unchanged. */
    boolean wasIdle() {
        return shown.delta() == IoDelta.ZERO;
    }
}
