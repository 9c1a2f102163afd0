package org.jiotop.model;

import org.jiotop.linux.ListedIds;
import org.jiotop.linux.Scan;
import org.jiotop.linux.TaskExit;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.VmCounters;

import java.util.BitSet;
import java.util.List;

/** Synthetic samples for model tests. Times are in nanoseconds on an arbitrary monotonic clock. */
final class Samples {
    static final long S = 1_000_000_000L;

    private Samples() {
    }

    static TaskSample task(int id, long start, long read, long write, long cancelled, long blkio, long swapin) {
        return new TaskSample(id, id, 1, start, 0, false, read, write, cancelled, blkio, swapin);
    }

    /** A thread of process {@code tgid}, in thread mode. */
    static TaskSample thread(int tid, int tgid, long start, long write) {
        return new TaskSample(tid, tgid, 1, start, 0, false, 0, write, 0, 0, 0);
    }

    /** A process whose byte counters hold those of the children it reaped, as /proc/PID/io does. */
    static TaskSample process(int pid, int ppid, long start, long read, long write) {
        return new TaskSample(pid, pid, ppid, start, 0, true, read, write, 0, 0, 0);
    }

    static Scan scan(long at, TaskSample... tasks) {
        return new Scan(at, false, List.of(tasks), ids(tasks), List.of(), -1,
                new VmCounters(at / S * 100, at / S * 200), true, new BitSet());
    }

    /** {@code s} with every sample marked as the previous scan had it, as the scanner marks idle tasks. */
    static Scan unchanged(Scan s) {
        BitSet all = new BitSet();
        all.set(0, s.tasks().size());
        return new Scan(s.monotonicNanos(), s.processes(), s.tasks(), s.listed(), s.exits(), s.lostExitReports(),
                s.vm(), s.delayAccounting(), all);
    }

    static Scan processScan(long at, TaskSample... tasks) {
        return new Scan(at, true, List.of(tasks), ids(tasks), List.of(), -1,
                new VmCounters(at / S * 100, at / S * 200), true, new BitSet());
    }

    /** As listed by /proc: the sampled tasks plus {@code zombies}, which could not be sampled. */
    static Scan withZombies(Scan s, int... zombies) {
        ListedIds listed = ListedIds.of(java.util.stream.IntStream.concat(java.util.Arrays.stream(s.listed().toArray()),
                java.util.Arrays.stream(zombies)).toArray());
        return new Scan(s.monotonicNanos(), s.processes(), s.tasks(), listed, s.exits(), s.lostExitReports(), s.vm(),
                s.delayAccounting(), s.unchanged());
    }

    static Scan withExits(Scan s, TaskExit... exits) {
        return new Scan(s.monotonicNanos(), s.processes(), s.tasks(), s.listed(), List.of(exits), 0, s.vm(),
                s.delayAccounting(), s.unchanged());
    }

    private static ListedIds ids(TaskSample... tasks) {
        return ListedIds.of(java.util.Arrays.stream(tasks).mapToInt(TaskSample::id).toArray());
    }

    /** The kernel's exit report for a thread. */
    static TaskExit exit(int tid, int tgid, int ppid, long start, long read, long write, String name) {
        return new TaskExit(new TaskSample(tid, tgid, ppid, start, 0, false, read, write, 0, 0, 0),
                name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
