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

    /** Bytes per second the kernel counted for the process in the {@code seconds} up to {@code end}. */
    public double writeRate(Instant end, double seconds) {
        long endNanos = end.getEpochSecond() * 1_000_000_000L + end.getNano();
        long startNanos = endNanos - Math.round(seconds * 1e9);
        return (bytesAt(endNanos) - bytesAt(startNanos)) / seconds;
    }

    /** The counter at a moment, interpolated between the readings either side of it. */
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
            throw new IllegalStateException("no readings around " + Instant.ofEpochSecond(0, epochNanos)
                    + " (" + readings.size() + " readings)");
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join();
    }
}
