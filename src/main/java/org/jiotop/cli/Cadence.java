package org.jiotop.cli;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * When to sample: every period from the first sample on, so the time a sample takes does not make
 * the period drift. A sample that comes late (the process was stopped, the machine stalled)
 * restarts the cadence one period after it, instead of bursting to catch up: no interval is ever
 * shorter than half a period, so none is a few milliseconds of noise.
 */
final class Cadence {
    private final long period;
    private final LongSupplier clock;
    private long next;

    Cadence(double seconds) {
        this(seconds, System::nanoTime);
    }

    Cadence(double seconds, LongSupplier clock) {
        this.period = Math.round(seconds * 1e9);
        this.clock = clock;
        this.next = clock.getAsLong() + period;
    }

    /** Nanoseconds until the next sample is due (zero or less: due now). */
    long remainingNanos() {
        return next - clock.getAsLong();
    }

    /** Marks the due sample as taken. */
    void advance() {
        long now = clock.getAsLong();
        next += period;
        if (next - now < period / 2) {
            next = now + period;
        }
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
