package org.jiotop.cli;

import org.jiotop.http.Warnings;
import org.jiotop.linux.KernelException;

/**
 * The exporter's refreshes, one per interval. A refresh that fails with a runtime error or runs
 * out of memory (the heap may be full for a moment while scrapes render) is reported and the next
 * one goes on: the counters miss that interval's I/O, which the next refresh does not count
 * either, as it measures from the last good one. Only the kernel failing ends the loop.
 */
final class RefreshLoop {
    interface Refresh {
        void run() throws KernelException;
    }

    private RefreshLoop() {
    }

    /**
     * Runs {@code refresh} {@code iterations} times (-1: until interrupted), each when {@code cadence}
     * says; a failure is said under {@code option}, the one that started the exporter.
     */
    static void run(Cadence cadence, long iterations, Refresh refresh, Warnings warnings, String option)
            throws KernelException {
        for (long i = 0; iterations < 0 || i < iterations; i++) {
            if (!cadence.awaitNext()) {
                return; // stopped from within this JVM (tests); a signal ends the JVM instead
            }
            try {
                refresh.run();
            } catch (RuntimeException | OutOfMemoryError e) {
                warnings.warn(option + ": a refresh failed", Warnings.oneLine(e));
            }
        }
    }
}
