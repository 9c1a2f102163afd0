package org.jiotop.cli;

import java.util.concurrent.locks.LockSupport;

/**
 * When to sample: every period from the first sample on, so the time a sample takes does not make
 * the period drift; a sample that comes late restarts the cadence instead of bursting to catch up.
 */
final class Cadence {
    private final long period;
    private long next;

    Cadence(double seconds) {
        this.period = Math.round(seconds * 1e9);
        this.next = System.nanoTime() + period;
    }

    /** Nanoseconds until the next sample is due (zero or less: due now). */
    long remainingNanos() {
        return next - System.nanoTime();
    }

    /** Marks the due sample as taken. */
    void advance() {
        next = Math.max(next + period, System.nanoTime() - period / 2);
    }

    /** Waits until the next sample is due and marks it as taken; false when interrupted instead. */
    boolean awaitNext() {
        long wait;
        while ((wait = remainingNanos()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        advance();
        return true;
    }
}
