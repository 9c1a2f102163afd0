package org.jiotop.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiotop.model.Samples.S;
import static org.jiotop.model.Samples.exit;
import static org.jiotop.model.Samples.process;
import static org.jiotop.model.Samples.processScan;
import static org.jiotop.model.Samples.scan;
import static org.jiotop.model.Samples.task;
import static org.jiotop.model.Samples.withExits;

/** How the kernel's exit reports are accounted, in thread and process mode. */
class TaskTrackerExitsTest {
    private static TaskActivity row(Interval i, int id) {
        List<TaskActivity> rows = i.tasks().stream().filter(a -> a.sample().id() == id).toList();
        assertThat(rows).as("rows of %d", id).hasSize(1);
        return rows.getFirst();
    }

    @Test
    void exitedThreadAddsWhatItDidSinceLastSeenAndStaysListedForAWhile() {
        TaskTracker tracker = new TaskTracker(2, false);
        tracker.advance(scan(10 * S, task(7, S, 0, 1000, 0, 0, 0)));
        Interval i = tracker.advance(withExits(scan(11 * S), exit(7, 7, 1, S + 5_000_000, 0, 9000, "dd")));
        TaskActivity dd = row(i, 7);
        assertThat(dd.exited()).isTrue();
        assertThat(dd.delta().writeBytes()).isEqualTo(8000);
        assertThat(new String(dd.exitedName())).isEqualTo("dd");
        for (int n = 12; n <= 13; n++) {
            TaskActivity later = row(tracker.advance(scan(n * S)), 7);
            assertThat(later.delta()).isEqualTo(IoDelta.ZERO);
            assertThat(later.accumulated().writeBytes()).isEqualTo(8000);
        }
        assertThat(tracker.advance(scan(14 * S)).tasks()).isEmpty();
    }

    @Test
    void anExitReportThatComesAScanAfterItsTaskLeftTheListingStillFindsIt() {
        TaskTracker tracker = new TaskTracker(2, false);
        tracker.advance(scan(10 * S, task(7, S, 0, 1000, 0, 0, 0), task(8, S, 0, 0, 0, 0, 0)));
        tracker.advance(scan(11 * S, task(7, S, 0, 1000, 0, 0, 0), task(8, S, 0, 0, 0, 0, 0)));
        // Task 7 is gone from /proc, its report not read yet; task 8 stays.
        Interval gone = tracker.advance(scan(12 * S, task(8, S, 0, 0, 0, 0, 0)));
        assertThat(gone.tasks()).extracting(a -> a.sample().id()).containsExactly(8);
        Interval i = tracker.advance(withExits(scan(13 * S, task(8, S, 0, 0, 0, 0, 0)),
                exit(7, 7, 1, S + 5_000_000, 0, 4000, "dd")));
        TaskActivity dd = row(i, 7);
        assertThat(dd.exited()).isTrue();
        assertThat(dd.delta().writeBytes()).isEqualTo(3000);
        assertThat(dd.accumulated().writeBytes()).isEqualTo(3000);
    }

    @Test
    void threadBornAndExitedWithinOneIntervalCountsAllItsIo() {
        TaskTracker tracker = new TaskTracker();
        tracker.advance(scan(10 * S));
        Interval i = tracker.advance(withExits(scan(11 * S), exit(8, 8, 1, 10 * S + 100, 50, 4_194_304, "dd")));
        assertThat(row(i, 8).delta().writeBytes()).isEqualTo(4_194_304);
        assertThat(row(i, 8).delta().readBytes()).isEqualTo(50);
    }

    @Test
    void zombieStillListedIsCountedOnce() {
        TaskTracker tracker = new TaskTracker();
        tracker.advance(scan(10 * S, task(9, S, 0, 1000, 0, 0, 0)));
        // The exit report and a sample of the zombie (final counters) arrive for the same interval.
        Interval i = tracker.advance(withExits(scan(11 * S, task(9, S, 0, 3000, 0, 0, 0)),
                exit(9, 9, 1, S + 1_000_000, 0, 3000, "sh")));
        assertThat(row(i, 9).exited()).isTrue();
        assertThat(row(i, 9).delta().writeBytes()).isEqualTo(2000);
        // Still listed as a zombie in the next scan: not a new live task.
        Interval after = tracker.advance(scan(12 * S, task(9, S, 0, 3000, 0, 0, 0)));
        assertThat(after.tasks()).isEmpty();
    }

    @Test
    void exitOfATaskNeverSeenAndOlderThanTheLastScanIsIgnored() {
        TaskTracker tracker = new TaskTracker();
        tracker.advance(scan(10 * S));
        Interval i = tracker.advance(withExits(scan(11 * S), exit(8, 8, 1, 2 * S, 0, 4096, "old")));
        assertThat(i.tasks()).isEmpty();
    }

    @Test
    void accumulatedModeKeepsExitedTasksWithIoForGood() {
        TaskTracker tracker = new TaskTracker(0, true);
        tracker.advance(scan(10 * S));
        tracker.advance(withExits(scan(11 * S), exit(8, 8, 1, 10 * S + 1, 0, 4096, "a"),
                exit(9, 9, 1, 10 * S + 1, 0, 0, "idle")));
        for (int n = 12; n < 20; n++) {
            Interval i = tracker.advance(scan(n * S));
            assertThat(i.tasks()).extracting(a -> a.sample().id()).containsExactly(8);
        }
    }

    @Test
    void shortLivedChildGetsItsOwnRowAndLeavesItsParentsRow() {
        TaskTracker tracker = new TaskTracker();
        tracker.advance(processScan(10 * S, process(100, 1, 0, 0, 0)));
        // Child 200 of shell 100 started, wrote 4 MiB and was reaped: the shell's /proc/PID/io grew
        // by 4 MiB plus 1000 bytes of its own.
        Interval i = tracker.advance(withExits(processScan(11 * S, process(100, 1, 0, 0, 4_195_304)),
                exit(200, 200, 100, 10 * S + 500, 0, 4_194_304, "dd")));
        assertThat(row(i, 200).delta().writeBytes()).isEqualTo(4_194_304);
        assertThat(row(i, 200).exited()).isTrue();
        assertThat(row(i, 100).delta().writeBytes()).isEqualTo(1000);
    }

    @Test
    void knownChildEndingAddsItsLastPartAndItsParentKeepsOnlyItsOwn() {
        TaskTracker tracker = new TaskTracker();
        tracker.advance(processScan(10 * S, process(100, 1, 0, 0, 0), process(200, 100, S, 0, 1000)));
        tracker.advance(processScan(11 * S, process(100, 1, 0, 0, 0), process(200, 100, S, 0, 5000)));
        Interval i = tracker.advance(withExits(processScan(12 * S, process(100, 1, 0, 0, 7000)),
                exit(200, 200, 100, S + 3_000_000, 0, 7000, "cp")));
        assertThat(row(i, 200).delta().writeBytes()).isEqualTo(2000);
        assertThat(row(i, 200).accumulated().writeBytes()).isEqualTo(6000);
        assertThat(row(i, 100).delta().writeBytes()).isZero();
    }

    @Test
    void grandchildReapedThroughAnEndedChildIsTakenFromTheLiveAncestor() {
        TaskTracker tracker = new TaskTracker();
        tracker.advance(processScan(10 * S, process(100, 1, 0, 0, 0)));
        // 100 runs 200 which runs 300; both end in the interval; 100's io holds 300's and 200's bytes.
        Interval i = tracker.advance(withExits(processScan(11 * S, process(100, 1, 0, 0, 3000)),
                exit(300, 300, 200, 10 * S + 2, 0, 2000, "gzip"),
                exit(200, 200, 100, 10 * S + 1, 0, 1000, "tar")));
        assertThat(row(i, 300).delta().writeBytes()).isEqualTo(2000);
        assertThat(row(i, 200).delta().writeBytes()).isEqualTo(1000);
        assertThat(row(i, 100).delta().writeBytes()).isZero();
    }

    @Test
    void threadExitOfALiveProcessIsAlreadyInItsProcIo() {
        TaskTracker tracker = new TaskTracker();
        tracker.advance(processScan(10 * S, process(100, 1, 0, 0, 0)));
        Interval i = tracker.advance(withExits(processScan(11 * S, process(100, 1, 0, 0, 8192)),
                exit(101, 100, 1, 10 * S + 7, 0, 8192, "worker")));
        assertThat(i.tasks()).hasSize(1);
        assertThat(row(i, 100).delta().writeBytes()).isEqualTo(8192);
        assertThat(row(i, 100).exited()).isFalse();
    }

    @Test
    void childReapedAnIntervalAfterItEndedIsTakenFromItsParentThen() {
        TaskTracker tracker = new TaskTracker();
        tracker.advance(processScan(10 * S, process(100, 1, 0, 0, 0)));
        // dd ends; it lingers as a zombie (listed, not sampled) until its parent reaps it.
        Interval ended = tracker.advance(Samples.withZombies(withExits(processScan(11 * S, process(100, 1, 0, 0, 10)),
                exit(200, 200, 100, 10 * S + 5, 0, 4_194_304, "dd")), 200));
        assertThat(row(ended, 200).delta().writeBytes()).isEqualTo(4_194_304);
        assertThat(row(ended, 100).delta().writeBytes()).isEqualTo(10);
        Interval reaped = tracker.advance(processScan(12 * S, process(100, 1, 0, 0, 4_194_324)));
        assertThat(reaped.tasks().stream().filter(a -> a.sample().id() == 100).findFirst().orElseThrow()
                .delta().writeBytes()).isEqualTo(10);
    }
}
