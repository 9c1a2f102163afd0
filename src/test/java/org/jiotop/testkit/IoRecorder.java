package org.jiotop.testkit;

import org.jiotop.linux.ProcFs;
import org.jiotop.linux.ProcessIo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a process's written bytes from /proc/PID/io every few milliseconds, with the wall-clock time
 * of each reading, so that a test can compare a report with what the kernel counted over that
 * report's own interval. A window around a whole run is not enough: a writer that stalls for part of
 * the run (a noisy machine) makes the average differ from every single interval.
 */
public final class IoRecorder implements AutoCloseable {
    private record Reading(long epochNanos, long writeBytes) {
    }

    private final int pid;
    private final List<Reading> readings = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stop;

    public IoRecorder(int pid) {
        this.pid = pid;
        this.thread = Thread.ofPlatform().daemon().name("io-recorder").start(this::record);
    }

    private void record() {
        ProcFs proc = ProcFs.system();
        while (!stop) {
            ProcessIo io = proc.processIo(pid);
            Instant now = Instant.now();
            if (io != null) {
                synchronized (readings) {
                    readings.add(new Reading(now.getEpochSecond() * 1_000_000_000L + now.getNano(), io.writeBytes()));
                }
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Bytes per second the kernel counted for the process in the {@code seconds} up to {@code end}.
     * A moment past the newest reading is covered once the next one comes: the recorder reads
     * every 2 ms, and on a loaded machine its thread can wait longer than the caller took to ask.
     */
    public double writeRate(Instant end, double seconds) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        double rate;
        while (Double.isNaN(rate = rateOrNaN(end, seconds)) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        if (Double.isNaN(rate)) {
            synchronized (readings) {
                throw new IllegalStateException("no readings for the " + seconds + " s up to " + end + " ("
                        + readings.size() + " readings)");
            }
        }
        return rate;
    }

    /** The rate over the window, NaN when the readings do not cover it. */
    private double rateOrNaN(Instant end, double seconds) {
        long endNanos = end.getEpochSecond() * 1_000_000_000L + end.getNano();
        long startNanos = endNanos - Math.round(seconds * 1e9);
        return (bytesAt(endNanos) - bytesAt(startNanos)) / seconds;
    }

    /**
     * Of the kernel's rates over windows of {@code seconds} that end between {@code from} and
     * {@code to} (every 10 ms), the one closest to {@code shown}: for a screen, whose last refresh
     * is known only to lie in that span. NaN when the readings cover none of the windows.
     */
    public double closestWriteRate(double shown, Instant from, Instant to, double seconds) {
        double best = Double.NaN;
        for (Instant end = from; !end.isAfter(to); end = end.plusMillis(10)) {
            double rate = rateOrNaN(end, seconds);
            if (Double.isNaN(rate)) {
                continue;
            }
            if (Double.isNaN(best) || Math.abs(rate - shown) < Math.abs(best - shown)) {
                best = rate;
            }
        }
        return best;
    }

    /** The counter at a moment, interpolated between the readings either side of it; NaN outside them. */
    private double bytesAt(long epochNanos) {
        synchronized (readings) {
            for (int i = 1; i < readings.size(); i++) {
                Reading before = readings.get(i - 1);
                Reading after = readings.get(i);
                if (before.epochNanos() <= epochNanos && epochNanos <= after.epochNanos()) {
                    double share = after.epochNanos() == before.epochNanos() ? 0
                            : (double) (epochNanos - before.epochNanos()) / (after.epochNanos() - before.epochNanos());
                    return before.writeBytes() + share * (after.writeBytes() - before.writeBytes());
                }
            }
            return Double.NaN;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join();
    }
}
