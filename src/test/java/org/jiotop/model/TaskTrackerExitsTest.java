package org.jiotop.model;

import org.junit.jupiter.api.Test;

import org.jiotop.linux.TaskSample;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiotop.model.Samples.S;
import static org.jiotop.model.Samples.exit;
import static org.jiotop.model.Samples.process;
import static org.jiotop.model.Samples.processScan;
import static org.jiotop.model.Samples.scan;
import static org.jiotop.model.Samples.task;
import static org.jiotop.model.Samples.thread;
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
    void aThreadIdReusedWithinAnIntervalByAnotherThreadThatAlsoEndedIsANewTask() {
        TaskTracker tracker = new TaskTracker(2, true);
        long first = 9 * S + 500_000_000;
        tracker.advance(scan(10 * S, task(7, first, 0, 1000, 0, 0, 0)));
        // 7 wrote 2000 more and ended; a thread started half a second later took its ID, wrote 500, ended.
        Interval i = tracker.advance(withExits(scan(11 * S), exit(7, 7, 1, first + 1_000_000, 0, 3000, "dd"),
                exit(7, 7, 1, 10 * S + 500_000_000, 0, 500, "cp")));
        List<TaskActivity> rows = i.tasks().stream().filter(a -> a.sample().id() == 7).toList();
        assertThat(rows).extracting(a -> new String(a.exitedName())).containsExactly("dd", "cp");
        assertThat(rows).extracting(a -> a.delta().writeBytes()).containsExactly(2000L, 500L);
        assertThat(rows).extracting(a -> a.accumulated().writeBytes()).containsExactly(2000L, 500L);
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
    void aThreadThatExecsAndTakesItsLeadersIdIsListedWhileItLives() {
        TaskTracker tracker = new TaskTracker(2, false);
        tracker.advance(scan(10 * S, thread(100, 100, S, 1000), thread(102, 100, 2 * S, 5000)));
        // 102 execs: the kernel ends the leader, reports it, and gives 102 the leader's ID and start.
        Interval exec = tracker.advance(withExits(scan(11 * S, thread(100, 100, S, 5200)),
                exit(100, 100, 1, S + 1_000_000, 0, 1500, "server")));
        List<TaskActivity> rows = exec.tasks().stream().filter(a -> a.sample().id() == 100).toList();
        assertThat(rows).extracting(TaskActivity::exited).containsExactlyInAnyOrder(true, false);
        assertThat(rows).extracting(a -> a.delta().writeBytes()).containsExactlyInAnyOrder(500L, 0L);
        Interval after = tracker.advance(scan(12 * S, thread(100, 100, S, 5500)));
        TaskActivity live = after.tasks().stream().filter(a -> a.sample().id() == 100 && !a.exited())
                .findFirst().orElseThrow();
        assertThat(live.delta().writeBytes()).isEqualTo(300);
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
        // dd ends; it lingers listed (not sampled) until its parent reaps it: its report is held.
        Interval ended = tracker.advance(Samples.withZombies(withExits(processScan(11 * S, process(100, 1, 0, 0, 10)),
                exit(200, 200, 100, 10 * S + 5, 0, 4_194_304, "dd")), 200));
        assertThat(ended.tasks()).extracting(a -> a.sample().id()).containsExactly(100);
        assertThat(row(ended, 100).delta().writeBytes()).isEqualTo(10);
        Interval reaped = tracker.advance(processScan(12 * S, process(100, 1, 0, 0, 4_194_324)));
        assertThat(row(reaped, 200).exited()).isTrue();
        assertThat(row(reaped, 200).delta().writeBytes()).isEqualTo(4_194_304);
        assertThat(row(reaped, 100).delta().writeBytes()).isEqualTo(10);
    }

    // Every interleaving of a task's last sample, its threads' and leader's exit reports and its
    // leaving the listing, with accumulated figures (-a): each byte counted once, in its own row.

    private static final int P = 100;
    private static final int C = 200;
    /** The child's start: after the first scan, so all it does is new. */
    private static final long CS = 10 * S + 5_000_000;

    private static long written(Interval i, int id) {
        return row(i, id).accumulated().writeBytes();
    }

    private static long writtenByAll(Interval i) {
        return i.tasks().stream().mapToLong(a -> a.accumulated().writeBytes()).sum();
    }

    private static TaskTracker accumulating() {
        return new TaskTracker(0, true);
    }

    private static org.jiotop.linux.TaskExit childExit(long write) {
        return exit(C, C, P, CS + 1_000_000, 0, write, "dd");
    }

    @org.junit.jupiter.api.Nested
    class ProcessMode {
        @Test
        void listedThenLeaderReportWhileStillSampledThenGoneWithoutAReport() {
            TaskTracker t = accumulating();
            t.advance(processScan(10 * S, process(P, 1, 0, 0, 0)));
            t.advance(processScan(11 * S, process(P, 1, 0, 0, 0), process(C, P, CS, 0, 1000)));
            // Sampled while exiting (final counters) by the scan that drained its report.
            Interval exiting = t.advance(withExits(processScan(12 * S, process(P, 1, 0, 0, 0), process(C, P, CS, 0, 4000)),
                    childExit(4000)));
            assertThat(row(exiting, C).delta().writeBytes()).isEqualTo(3000);
            assertThat(written(exiting, C)).isEqualTo(4000);
            assertThat(t.heldReports()).isEqualTo(1);
            // Reaped: no report is left, the held one ends it.
            Interval reaped = t.advance(processScan(13 * S, process(P, 1, 0, 0, 4000)));
            assertThat(row(reaped, C).exited()).isTrue();
            assertThat(row(reaped, C).delta().writeBytes()).isZero();
            assertThat(written(reaped, C)).isEqualTo(4000);
            assertThat(written(reaped, P)).isZero();
            assertThat(t.heldReports()).isZero();
            Interval later = t.advance(processScan(14 * S, process(P, 1, 0, 0, 4000)));
            assertThat(written(later, C)).isEqualTo(4000);
            assertThat(writtenByAll(later)).isEqualTo(4000);
        }

        @Test
        void aZombieStaysAliveForScansThenItsParentReapsIt() {
            TaskTracker t = accumulating();
            t.advance(processScan(10 * S, process(P, 1, 0, 0, 0)));
            t.advance(withExits(processScan(11 * S, process(P, 1, 0, 0, 0), process(C, P, CS, 0, 4000)), childExit(4000)));
            for (int n = 12; n < 15; n++) {
                Interval zombie = t.advance(processScan(n * S, process(P, 1, 0, 0, 0), process(C, P, CS, 0, 4000)));
                assertThat(row(zombie, C).exited()).isFalse();
                assertThat(row(zombie, C).delta().writeBytes()).isZero();
                assertThat(written(zombie, C)).isEqualTo(4000);
            }
            Interval reaped = t.advance(processScan(15 * S, process(P, 1, 0, 0, 4000)));
            assertThat(row(reaped, C).exited()).isTrue();
            assertThat(written(reaped, C)).isEqualTo(4000);
            assertThat(row(reaped, P).delta().writeBytes()).isZero();
        }

        @Test
        void goneWithItsReportInTheSameScan() {
            TaskTracker t = accumulating();
            t.advance(processScan(10 * S, process(P, 1, 0, 0, 0)));
            t.advance(processScan(11 * S, process(P, 1, 0, 0, 0), process(C, P, CS, 0, 1000)));
            Interval i = t.advance(withExits(processScan(12 * S, process(P, 1, 0, 0, 4500)), childExit(4000)));
            assertThat(row(i, C).delta().writeBytes()).isEqualTo(3000);
            assertThat(written(i, C)).isEqualTo(4000);
            assertThat(written(i, P)).isEqualTo(500);
            assertThat(t.unplaced()).isEqualTo(IoDelta.ZERO);
        }

        @Test
        void goneWithoutAReportEverKeepsItsTailInItsParent() {
            // The kernel dropped the report (counted as lost): the bytes after the last sample stay
            // in the parent's row, nowhere twice.
            TaskTracker t = accumulating();
            t.advance(processScan(10 * S, process(P, 1, 0, 0, 0)));
            Interval seen = t.advance(processScan(11 * S, process(P, 1, 0, 0, 0), process(C, P, CS, 0, 1000)));
            assertThat(written(seen, C)).isEqualTo(1000);
            Interval gone = t.advance(processScan(12 * S, process(P, 1, 0, 0, 4000)));
            assertThat(written(gone, P)).isEqualTo(3000);
        }

        @Test
        void aReportLaterThanTheScannerPromisesLeavesTheChildsLastPartInItsParent() {
            // Not in the scan where the parent's counters grew (a settled scan has it there): the
            // parent's later intervals are its own, so that part stays in its row, counted as unplaced.
            TaskTracker t = accumulating();
            t.advance(processScan(10 * S, process(P, 1, 0, 0, 0)));
            t.advance(processScan(11 * S, process(P, 1, 0, 0, 0), process(C, P, CS, 0, 1000)));
            Interval gone = t.advance(processScan(12 * S, process(P, 1, 0, 0, 4000)));
            assertThat(written(gone, P)).isEqualTo(3000);
            Interval late = t.advance(withExits(processScan(13 * S, process(P, 1, 0, 0, 4000)), childExit(4000)));
            assertThat(written(late, C)).isEqualTo(4000);
            assertThat(row(late, P).delta().writeBytes()).isZero();
            assertThat(t.unplaced().writeBytes()).isEqualTo(3000);
            Interval own = t.advance(processScan(14 * S, process(P, 1, 0, 0, 9000)));
            assertThat(row(own, P).delta().writeBytes()).isEqualTo(5000);
            assertThat(writtenByAll(own)).isEqualTo(9000 + 3000);
        }

        @Test
        void aLateReportWhoseParentIsGoneTooIsTakenFromNoOne() {
            TaskTracker t = accumulating();
            t.advance(processScan(10 * S, process(P, 1, 0, 0, 0), process(C, P, CS - 5 * S, 0, 0)));
            t.advance(processScan(11 * S, process(P, 1, 0, 0, 0), process(C, P, CS - 5 * S, 0, 1000)));
            t.advance(processScan(12 * S));
            Interval late = t.advance(withExits(processScan(13 * S),
                    exit(C, C, P, CS - 5 * S + 1_000_000, 0, 4000, "dd"), exit(P, P, 1, 1_000_000, 0, 4000, "sh")));
            assertThat(written(late, C)).isEqualTo(4000);
            assertThat(t.unplaced()).isEqualTo(IoDelta.ZERO);
        }

        /** A process of three threads: 300 (leader), 301, and 302 started later. */
        private static final int M = 300;
        private static final long MS = 10 * S + 7_000_000;

        private static org.jiotop.linux.TaskExit threadExit(int tid, long start, long write) {
            return exit(tid, M, P, start, 0, write, "worker");
        }

        @Test
        void aThreadReportBeforeTheLeadersIsInTheSampleOfItsScan() {
            TaskTracker t = accumulating();
            t.advance(processScan(10 * S, process(P, 1, 0, 0, 0)));
            t.advance(processScan(11 * S, process(P, 1, 0, 0, 0), process(M, P, MS, 0, 1000)));
            Interval worker = t.advance(withExits(processScan(12 * S, process(P, 1, 0, 0, 0), process(M, P, MS, 0, 3000)),
                    threadExit(301, MS + 1, 1500)));
            assertThat(written(worker, M)).isEqualTo(3000);
            assertThat(worker.tasks()).hasSize(2);
            Interval leader = t.advance(withExits(processScan(13 * S, process(P, 1, 0, 0, 0), process(M, P, MS, 0, 3500)),
                    exit(M, M, P, MS + 1_000_000, 0, 2000, "server")));
            assertThat(written(leader, M)).isEqualTo(3500);
            Interval reaped = t.advance(processScan(14 * S, process(P, 1, 0, 0, 3500)));
            assertThat(row(reaped, M).exited()).isTrue();
            assertThat(written(reaped, M)).isEqualTo(3500);
            assertThat(written(reaped, P)).isZero();
        }

        @Test
        void threadsThatRunOnAfterTheLeaderEndedAddWhatTheirReportsShowBeyondTheLastSample() {
            TaskTracker t = accumulating();
            t.advance(processScan(10 * S, process(P, 1, 0, 0, 0)));
            t.advance(processScan(11 * S, process(P, 1, 0, 0, 0), process(M, P, MS, 0, 1000)));
            // The leader ends early (800 bytes); its report is held while 301 and 302 write on.
            t.advance(withExits(processScan(12 * S, process(P, 1, 0, 0, 0), process(M, P, MS, 0, 3000)),
                    exit(M, M, P, MS + 1_000_000, 0, 800, "server")));
            // At 13 s: leader 800 (exited), 301 2500, 302 1700.
            t.advance(processScan(13 * S, process(P, 1, 0, 0, 0), process(M, P, MS, 0, 5000)));
            assertThat(t.heldReports()).isEqualTo(1);
            // Both end, and 303 (started after 13 s) too; all reaped before the next scan: 301 3000,
            // 302 2000, 303 1000, so 6800 in all.
            Interval reaped = t.advance(withExits(processScan(14 * S, process(P, 1, 0, 0, 6800)),
                    threadExit(301, MS + 2_000_000, 3000), threadExit(302, 11 * S + 3, 2000),
                    threadExit(303, 13 * S + 200, 1000)));
            assertThat(row(reaped, M).delta().writeBytes()).isEqualTo(1800);
            assertThat(written(reaped, M)).isEqualTo(6800);
            assertThat(written(reaped, P)).isZero();
            assertThat(t.heldReports()).isZero();
        }

        @Test
        void threadsAndLeaderEndingInTheIntervalTheProcessIsReaped() {
            TaskTracker t = accumulating();
            t.advance(processScan(10 * S, process(P, 1, 0, 0, 0)));
            // At 11 s: leader 400, 301 600.
            t.advance(processScan(11 * S, process(P, 1, 0, 0, 0), process(M, P, MS, 0, 1000)));
            Interval reaped = t.advance(withExits(processScan(12 * S, process(P, 1, 0, 0, 2500)),
                    threadExit(301, MS + 2_000_000, 1000), exit(M, M, P, MS + 1_000_000, 0, 1500, "server")));
            assertThat(row(reaped, M).delta().writeBytes()).isEqualTo(1500);
            assertThat(written(reaped, M)).isEqualTo(2500);
            assertThat(written(reaped, P)).isZero();
        }

        @Test
        void aThreadReportAfterTheLeadersWhileStillListed() {
            TaskTracker t = accumulating();
            t.advance(processScan(10 * S, process(P, 1, 0, 0, 0)));
            t.advance(withExits(processScan(11 * S, process(P, 1, 0, 0, 0), process(M, P, MS, 0, 1000)),
                    exit(M, M, P, MS + 1_000_000, 0, 300, "server")));
            t.advance(withExits(processScan(12 * S, process(P, 1, 0, 0, 0), process(M, P, MS, 0, 2000)),
                    threadExit(301, MS + 2_000_000, 1700)));
            Interval reaped = t.advance(processScan(13 * S, process(P, 1, 0, 0, 2000)));
            assertThat(row(reaped, M).delta().writeBytes()).isZero();
            assertThat(written(reaped, M)).isEqualTo(2000);
            assertThat(written(reaped, P)).isZero();
        }

        @Test
        void listedButNotSampledThenSampledThenGone() {
            // Started after the listing, seen by the end of the scan still there: listed, not sampled.
            TaskTracker t = accumulating();
            t.advance(processScan(10 * S, process(P, 1, 0, 0, 0)));
            long start = 11 * S + 5_000_000;
            Interval unsampled = t.advance(Samples.withZombies(withExits(processScan(11 * S, process(P, 1, 0, 0, 0)),
                    exit(C, C, P, start + 1_000_000, 0, 4000, "dd")), C));
            assertThat(unsampled.tasks()).extracting(a -> a.sample().id()).containsExactly(P);
            Interval zombie = t.advance(processScan(12 * S, process(P, 1, 0, 0, 0), process(C, P, start, 0, 4000)));
            assertThat(written(zombie, C)).isEqualTo(4000);
            Interval reaped = t.advance(processScan(13 * S, process(P, 1, 0, 0, 4000)));
            assertThat(row(reaped, C).exited()).isTrue();
            assertThat(written(reaped, C)).isEqualTo(4000);
            assertThat(written(reaped, P)).isZero();
        }

        @Test
        void anIdReusedWithinAnIntervalEndsTheEarlierProcess() {
            TaskTracker t = accumulating();
            t.advance(processScan(10 * S, process(P, 1, 0, 0, 0)));
            t.advance(processScan(11 * S, process(P, 1, 0, 0, 0), process(C, P, CS, 0, 1000)));
            // C ended and was reaped; another process of P's got its ID and wrote 50.
            long again = 11 * S + 500_000_000;
            Interval i = t.advance(withExits(processScan(12 * S, process(P, 1, 0, 0, 4000), process(C, P, again, 0, 50)),
                    childExit(4000)));
            assertThat(i.tasks().stream().filter(a -> a.sample().id() == C)).hasSize(2);
            assertThat(i.tasks().stream().filter(a -> a.sample().id() == C && a.exited()).findFirst().orElseThrow()
                    .accumulated().writeBytes()).isEqualTo(4000);
            assertThat(i.tasks().stream().filter(a -> a.sample().id() == C && !a.exited()).findFirst().orElseThrow()
                    .accumulated().writeBytes()).isEqualTo(50);
            assertThat(written(i, P)).isZero();
        }
    }

    /** A parent reaping children, as a scan sees it after the scanner's settling. */
    @org.junit.jupiter.api.Nested
    class ParentReapsChild {
        @Test
        void anIdReusedByAChildThatAlsoEndedWithinTheIntervalIsAProcessOfItsOwn() {
            TaskTracker t = accumulating();
            t.advance(processScan(10 * S, process(P, 1, 0, 0, 0)));
            t.advance(processScan(11 * S, process(P, 1, 0, 0, 0), process(C, P, CS, 0, 1000)));
            // C wrote 3000 more and was reaped; a child that took its ID wrote 500 and was reaped too.
            Interval i = t.advance(withExits(processScan(12 * S, process(P, 1, 0, 0, 4500)),
                    childExit(4000), exit(C, C, P, 11 * S + 500_000_000, 0, 500, "cp")));
            List<TaskActivity> rows = i.tasks().stream().filter(a -> a.sample().id() == C).toList();
            assertThat(rows).extracting(a -> new String(a.exitedName())).containsExactly("dd", "cp");
            assertThat(rows).extracting(a -> a.delta().writeBytes()).containsExactly(3000L, 500L);
            assertThat(rows).extracting(a -> a.accumulated().writeBytes()).containsExactly(4000L, 500L);
            assertThat(written(i, P)).isZero();
        }

        @Test
        void aChildReapedDuringTheScanThatReadsTheParent() {
            // Never seen alive: its report and the parent's counters with it come in one scan.
            TaskTracker t = accumulating();
            t.advance(processScan(10 * S, process(P, 1, 0, 0, 100)));
            Interval i = t.advance(withExits(processScan(11 * S, process(P, 1, 0, 0, 4196)), childExit(4096)));
            assertThat(written(i, C)).isEqualTo(4096);
            assertThat(written(i, P)).isZero();
        }

        @Test
        void aParentThatExecsRightAfterReapingShowsNoneOfItsChild() {
            TaskTracker t = accumulating();
            t.advance(processScan(10 * S, process(P, 1, 0, 0, 0)));
            t.advance(withExits(processScan(11 * S, process(P, 1, 0, 0, 4100)), childExit(4096)));
            for (int n = 12; n < 16; n++) {
                Interval i = t.advance(processScan(n * S, process(P, 1, 0, 0, 4100)));
                assertThat(written(i, P)).isEqualTo(4);
                assertThat(written(i, C)).isEqualTo(4096);
            }
        }

        @Test
        void aParentThatDoesNoIoOfItsOwnStaysAtZeroThroughEveryOrder() {
            TaskTracker t = accumulating();
            long io = 0;
            t.advance(processScan(10 * S, process(P, 1, 0, 0, io)));
            int child = 1000;
            for (int n = 11; n < 41; n++) {
                long at = n * S;
                long start = at - 1_000_000;
                List<TaskSample> samples = new java.util.ArrayList<>(List.of());
                List<org.jiotop.linux.TaskExit> exits = new java.util.ArrayList<>();
                int kind = n % 3;
                child++;
                long bytes = 4096L * n;
                if (kind == 0) {
                    // Born, ended and reaped within the interval.
                    io += bytes;
                    exits.add(exit(child, child, P, start + 1000, 0, bytes, "dd"));
                    samples.add(process(P, 1, 0, 0, io));
                    t.advance(withExits(processScan(at, samples.toArray(TaskSample[]::new)),
                            exits.toArray(org.jiotop.linux.TaskExit[]::new)));
                } else if (kind == 1) {
                    // Sampled alive, then its report while it is a zombie, then reaped.
                    t.advance(processScan(at, process(P, 1, 0, 0, io), process(child, P, start, 0, bytes / 2)));
                    t.advance(withExits(processScan(at + S / 3, process(P, 1, 0, 0, io), process(child, P, start, 0, bytes)),
                            exit(child, child, P, start + 1000, 0, bytes, "dd")));
                    io += bytes;
                    t.advance(processScan(at + 2 * S / 3, process(P, 1, 0, 0, io)));
                } else {
                    // Sampled alive, then ended and reaped with its report.
                    t.advance(processScan(at, process(P, 1, 0, 0, io), process(child, P, start, 0, bytes / 4)));
                    io += bytes;
                    t.advance(withExits(processScan(at + S / 2, process(P, 1, 0, 0, io)),
                            exit(child, child, P, start + 1000, 0, bytes, "dd")));
                }
            }
            Interval last = t.advance(processScan(50 * S, process(P, 1, 0, 0, io)));
            assertThat(written(last, P)).isZero();
            assertThat(writtenByAll(last)).isEqualTo(io);
            assertThat(last.tasks()).filteredOn(TaskActivity::exited).hasSize(30);
        }

        @Test
        void aGrandchildReapedByAChildThatIsStillAZombieWaitsForTheChild() {
            TaskTracker t = accumulating();
            t.advance(processScan(10 * S, process(P, 1, 0, 0, 0)));
            t.advance(processScan(11 * S, process(P, 1, 0, 0, 0), process(C, P, CS, 0, 0)));
            // C reaped its child 300 (2000 bytes) and ended: a zombie, its io holds 300's.
            Interval zombie = t.advance(withExits(processScan(12 * S, process(P, 1, 0, 0, 0), process(C, P, CS, 0, 2100)),
                    exit(300, 300, C, 11 * S + 5, 0, 2000, "gzip"), childExit(100)));
            assertThat(written(zombie, 300)).isEqualTo(2000);
            assertThat(written(zombie, C)).isEqualTo(100);
            assertThat(written(zombie, P)).isZero();
            Interval reaped = t.advance(processScan(13 * S, process(P, 1, 0, 0, 2100)));
            assertThat(written(reaped, C)).isEqualTo(100);
            assertThat(written(reaped, P)).isZero();
            assertThat(writtenByAll(reaped)).isEqualTo(2100);
        }

        @Test
        void aChildEndingWithItsParentReachesTheGrandparent() {
            TaskTracker t = accumulating();
            t.advance(processScan(10 * S, process(1000, 1, 0, 0, 0), process(P, 1000, 5 * S, 0, 0)));
            t.advance(processScan(11 * S, process(1000, 1, 0, 0, 0), process(P, 1000, 5 * S, 0, 10)));
            // P reaped C then ended; 1000 reaped P: all in one interval.
            Interval i = t.advance(withExits(processScan(12 * S, process(1000, 1, 0, 0, 4030)),
                    childExit(4000), exit(P, P, 1000, 5 * S + 1_000_000, 0, 30, "sh")));
            assertThat(written(i, C)).isEqualTo(4000);
            assertThat(written(i, P)).isEqualTo(30);
            assertThat(written(i, 1000)).isZero();
        }

        @Test
        void aParentFirstSeenAfterReapingKeepsItsBaseline() {
            TaskTracker t = accumulating();
            t.advance(processScan(10 * S));
            // An old process seen for the first time, its child reaped in the same interval.
            Interval i = t.advance(withExits(processScan(11 * S, process(P, 1, 0, 0, 10_000)), childExit(4000)));
            assertThat(written(i, C)).isEqualTo(4000);
            assertThat(written(i, P)).isZero();
            Interval next = t.advance(processScan(12 * S, process(P, 1, 0, 0, 10_500)));
            assertThat(written(next, P)).isEqualTo(500);
        }

        @Test
        void aParentStartedAfterTheListingGetsItsChildTakenOutOfItsFirstSample() {
            TaskTracker t = accumulating();
            t.advance(processScan(10 * S));
            // P started after the listing of this scan, ran C, reaped it: only the report is here.
            Interval first = t.advance(withExits(processScan(11 * S), exit(C, C, P, 11 * S + 200_000_000, 0, 4000, "dd")));
            assertThat(written(first, C)).isEqualTo(4000);
            Interval next = t.advance(processScan(12 * S, process(P, 1, 11 * S + 100_000_000, 0, 4010)));
            assertThat(written(next, P)).isEqualTo(10);
        }
    }

    @org.junit.jupiter.api.Nested
    class ThreadMode {
        private static final int T = 7;

        @Test
        void listedAndReportedInOneScanCountsOnce() {
            TaskTracker t = accumulating();
            t.advance(scan(10 * S, thread(T, T, S, 1000)));
            Interval i = t.advance(withExits(scan(11 * S, thread(T, T, S, 3000)), exit(T, T, 1, S + 1_000_000, 0, 3000, "dd")));
            assertThat(row(i, T).exited()).isTrue();
            assertThat(written(i, T)).isEqualTo(2000);
        }

        @Test
        void goneWithoutAReportThenReportedTwoScansLate() {
            TaskTracker t = accumulating();
            t.advance(scan(10 * S, thread(T, T, S, 1000), thread(8, 8, S, 0)));
            t.advance(scan(11 * S, thread(8, 8, S, 0)));
            t.advance(scan(12 * S, thread(8, 8, S, 0)));
            Interval i = t.advance(withExits(scan(13 * S, thread(8, 8, S, 0)), exit(T, T, 1, S + 1_000_000, 0, 5000, "dd")));
            assertThat(row(i, T).delta().writeBytes()).isEqualTo(4000);
            assertThat(written(i, T)).isEqualTo(4000);
        }

        @Test
        void aLeaderThatEndsFirstIsNotShownAliveAgainWhileItsThreadsRunOn() {
            TaskTracker t = accumulating();
            t.advance(scan(10 * S, thread(T, T, S, 100), thread(8, T, S, 0)));
            Interval ended = t.advance(withExits(scan(11 * S, thread(T, T, S, 300), thread(8, T, S, 1000)),
                    exit(T, T, 1, S + 1_000_000, 0, 300, "server")));
            assertThat(row(ended, T).exited()).isTrue();
            assertThat(written(ended, T)).isEqualTo(200);
            // The leader is a zombie, still listed, while thread 8 works on.
            Interval later = t.advance(scan(12 * S, thread(T, T, S, 300), thread(8, T, S, 3000)));
            assertThat(row(later, T).exited()).isTrue();
            assertThat(written(later, 8)).isEqualTo(3000);
            Interval gone = t.advance(withExits(scan(13 * S), exit(8, T, 1, S + 2_000_000, 0, 3500, "worker")));
            assertThat(written(gone, 8)).isEqualTo(3500);
            assertThat(writtenByAll(gone)).isEqualTo(3700);
        }

        @Test
        void threadReportsBeforeAndAfterTheLeadersEachCountTheirOwn() {
            TaskTracker t = accumulating();
            t.advance(scan(10 * S, thread(T, T, S, 0), thread(8, T, S, 0), thread(9, T, S, 0)));
            t.advance(withExits(scan(11 * S, thread(T, T, S, 10), thread(9, T, S, 20)), exit(8, T, 1, S + 1, 0, 100, "a")));
            t.advance(withExits(scan(12 * S, thread(9, T, S, 40)), exit(T, T, 1, S + 1, 0, 30, "main")));
            Interval i = t.advance(withExits(scan(13 * S), exit(9, T, 1, S + 1, 0, 60, "b")));
            assertThat(written(i, 8)).isEqualTo(100);
            assertThat(written(i, T)).isEqualTo(30);
            assertThat(written(i, 9)).isEqualTo(60);
        }

        @Test
        void aThreadNotAnsweringForAScanGoesOnFromItsLastSample() {
            TaskTracker t = accumulating();
            t.advance(scan(10 * S, thread(T, T, S, 1000)));
            t.advance(scan(11 * S));
            Interval back = t.advance(scan(12 * S, thread(T, T, S, 3000)));
            assertThat(row(back, T).delta().writeBytes()).isEqualTo(2000);
        }
    }
}
