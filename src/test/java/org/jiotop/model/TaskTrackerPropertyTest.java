package org.jiotop.model;

import org.jiotop.linux.Scan;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random interleavings of samples, exits, exit reports and reaping ({@link SimulatedKernel})
 * against a reference that sums every byte once: the tracker's rows hold each byte exactly once,
 * interval deltas add up to the accumulated figures, and nothing ever goes back.
 */
class TaskTrackerPropertyTest {
    private static final int SEEDS = 600;
    private static final int SCANS = 30;

    @Test
    void threadModeCountsEveryByteOnceWhenReportsComeOnTime() {
        run(false, SimulatedKernel.Reports.ON_TIME);
    }

    @Test
    void threadModeCountsEveryByteOnceWhenReportsComeAScanLate() {
        run(false, SimulatedKernel.Reports.SOME_LATE);
    }

    @Test
    void threadModeNeverCountsTwiceWhenReportsAreLost() {
        run(false, SimulatedKernel.Reports.SOME_LOST);
    }

    @Test
    void processModeCountsEveryByteOnceWhenReportsComeOnTime() {
        run(true, SimulatedKernel.Reports.ON_TIME);
    }

    @Test
    void processModeCountsEveryByteOnceWhenReportsComeAScanLate() {
        run(true, SimulatedKernel.Reports.SOME_LATE);
    }

    @Test
    void processModeNeverCountsTwiceWhenReportsAreLost() {
        run(true, SimulatedKernel.Reports.SOME_LOST);
    }

    private static void run(boolean processes, SimulatedKernel.Reports reports) {
        Map<String, Integer> cases = new HashMap<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            runOne(seed, processes, reports).cases().forEach((what, n) -> cases.merge(what, n, Integer::sum));
        }
        // Every kind of interleaving came up, many times over.
        assertThat(cases).containsOnlyKeys("ended and reaped between two scans", "reaped after scans saw it a zombie",
                "reaped by init", "reaped by its parent", "leader ended, threads run on", "several threads",
                "report while listed", "report after it left the listing");
        assertThat(cases.values()).allSatisfy(n -> assertThat(n).isGreaterThan(200));
    }

    private static SimulatedKernel runOne(long seed, boolean processes, SimulatedKernel.Reports reports) {
        SimulatedKernel kernel = new SimulatedKernel(seed, processes, reports);
        TaskTracker accumulated = new TaskTracker(0, true);
        TaskTracker plain = new TaskTracker(0, false);
        Scan first = kernel.quiet();
        accumulated.advance(first);
        plain.advance(first);
        long summedDeltas = 0;
        Map<Integer, Long> before = Map.of();
        Interval last = null;
        for (int n = 0; n < SCANS + 3; n++) {
            Scan scan = n < SCANS ? kernel.step(8) : kernel.quiet();
            String at = "seed " + seed + ", scan " + n;
            Interval a = accumulated.advance(scan);
            Interval p = plain.advance(scan);
            Map<Integer, Long> now = new HashMap<>();
            Map<Integer, Long> added = new HashMap<>();
            for (TaskActivity row : a.tasks()) {
                IoDelta d = row.delta();
                assertThat(d.readBytes() >= 0 && d.writeBytes() >= 0 && d.blkioDelayNanos() >= 0).as(at).isTrue();
                now.merge(row.sample().id(), row.accumulated().writeBytes(), Long::sum);
                added.merge(row.sample().id(), d.writeBytes(), Long::sum);
            }
            for (Map.Entry<Integer, Long> row : now.entrySet()) {
                Long was = before.get(row.getKey());
                if (was != null) {
                    assertThat(row.getValue()).as("%s: %d goes on from before", at, row.getKey())
                            .isEqualTo(was + added.get(row.getKey()));
                }
            }
            for (TaskActivity row : p.tasks()) {
                summedDeltas += row.delta().writeBytes();
            }
            if (reports == SimulatedKernel.Reports.ON_TIME || n >= SCANS + 2 && reports == SimulatedKernel.Reports.SOME_LATE) {
                assertThat(summedDeltas).as("%s: deltas add up to the accumulated figures", at).isEqualTo(total(a));
            } else {
                assertThat(summedDeltas).as("%s: deltas add up to the accumulated figures", at).isGreaterThanOrEqualTo(total(a));
            }
            assertThat(accumulated.heldReports()).as(at).isLessThanOrEqualTo(kernel.listedProcesses());
            if (reports == SimulatedKernel.Reports.ON_TIME) {
                eachTaskExact(kernel, a, processes, at);
            }
            before = now;
            last = a;
        }
        String at = "seed " + seed + ", at the end";
        long truth = 0;
        for (int id : kernel.tasksEver()) {
            truth += kernel.writtenSinceWatched(id);
        }
        long shown = total(last);
        if (reports == SimulatedKernel.Reports.ON_TIME) {
            assertThat(accumulated.unplaced()).as(at).isEqualTo(IoDelta.ZERO);
        }
        if (reports == SimulatedKernel.Reports.SOME_LOST) {
            assertThat(shown).as(at).isLessThanOrEqualTo(truth);
        } else if (!processes) {
            assertThat(shown).as(at).isEqualTo(truth);
        } else if (reports == SimulatedKernel.Reports.ON_TIME) {
            // A process older than the first scan may leave part of its last interval in its parent's row.
            assertThat(shown).as(at).isLessThanOrEqualTo(truth).isGreaterThanOrEqualTo(truth - kernel.historyBeforeFirstScan());
        } else {
            // Later than the scanner promises: a child's last part may stay in its parent's row too.
            assertThat(shown).as(at).isLessThanOrEqualTo(truth + kernel.lateBytes())
                    .isGreaterThanOrEqualTo(truth - kernel.historyBeforeFirstScan() - kernel.lateBytes());
        }
        return kernel;
    }

    private static long total(Interval i) {
        long sum = 0;
        for (TaskActivity row : i.tasks()) {
            sum += row.accumulated().writeBytes();
        }
        return sum;
    }

    /** Each task started while watched shows exactly its own bytes, under its own ID. */
    private static void eachTaskExact(SimulatedKernel kernel, Interval i, boolean processes, String at) {
        Map<Integer, long[]> rows = rows(i);
        for (int id : kernel.tasksEver()) {
            if (processes && !kernel.bornWatched(id) && kernel.historyBeforeFirstScan() > 0) {
                continue; // old processes share what is unknown of the ones with a history
            }
            long[] row = rows.getOrDefault(id, new long[2]);
            assertThat(row[1]).as("%s: bytes written by %d", at, id).isEqualTo(kernel.writtenSinceWatched(id));
            assertThat(row[0]).as("%s: bytes read by %d", at, id).isEqualTo(kernel.readSinceWatched(id));
        }
    }

    private static Map<Integer, long[]> rows(Interval i) {
        Map<Integer, long[]> rows = new HashMap<>();
        List<TaskActivity> tasks = i.tasks();
        for (TaskActivity row : tasks) {
            long[] sum = rows.computeIfAbsent(row.sample().id(), id -> new long[2]);
            sum[0] += row.accumulated().readBytes();
            sum[1] += row.accumulated().writeBytes();
        }
        return rows;
    }
}
