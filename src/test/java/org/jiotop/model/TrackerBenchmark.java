package org.jiotop.model;

import org.jiotop.linux.ListedIds;
import org.jiotop.linux.Scan;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.VmCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One refresh of the model for {@code tasks} threads of which 1% do I/O: the tracker's interval
 * (deltas, accumulation) and the report of the active rows ({@code -o}), as a batch refresh does.
 * Idle tasks come back as the same sample objects, marked unchanged, as the scanner hands them back.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"})
public class TrackerBenchmark {
    private static final long SECOND = 1_000_000_000L;

    @Param({"10000", "30000"})
    public int tasks;

    private List<TaskSample> idle;
    private ListedIds listed;
    private TaskTracker tracker;
    private long now;
    private long written;
    private final ReportSettings onlyActive = new ReportSettings(false, true, false, Set.of(), SortKey.IO, true);

    @Setup
    public void setUp() {
        idle = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            idle.add(new TaskSample(1000 + i, 1000 + i / 100, 1, 0, 0, false, 0, 0, 0, 0, 0));
        }
        listed = ListedIds.of(java.util.stream.IntStream.range(1000, 1000 + tasks).toArray());
        tracker = new TaskTracker();
        now = 10 * SECOND;
        tracker.advance(scan());
    }

    private Scan scan() {
        written += 4096;
        List<TaskSample> samples = new ArrayList<>(idle);
        BitSet unchanged = new BitSet();
        unchanged.set(0, tasks);
        for (int i = 0; i < tasks; i += 100) {
            TaskSample s = idle.get(i);
            samples.set(i, new TaskSample(s.id(), s.tgid(), 1, 0, 0, false, 0, written, 0, 0, 0));
            unchanged.clear(i);
        }
        now += SECOND;
        return new Scan(now, false, samples, listed, List.of(), -1, new VmCounters(0, 0), false, unchanged);
    }

    @Benchmark
    public Report refresh() {
        return ReportBuilder.build(tracker.advance(scan()), onlyActive);
    }
}
