package org.jiotop.model;

import org.jiotop.linux.TaskId;
import org.jiotop.linux.TaskSample;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiotop.model.Samples.S;
import static org.jiotop.model.Samples.scan;
import static org.jiotop.model.Samples.task;

class TaskTrackerTest {
    private final TaskTracker tracker = new TaskTracker();

    @Test
    void firstScanIsOnlyABaseline() {
        assertThat(tracker.advance(scan(10 * S, task(1, 0, 100, 200, 0, 0, 0)))).isNull();
    }

    @Test
    void deltaIsTheCounterDifferenceOverTheMeasuredTime() {
        tracker.advance(scan(10 * S, task(1, 0, 100, 200, 0, 5, 1)));
        Interval i = tracker.advance(scan(12 * S + 500, task(1, 0, 4196, 8392, 0, 15, 3)));
        assertThat(i.durationNanos()).isEqualTo(2 * S + 500);
        assertThat(i.tasks()).singleElement().satisfies(a ->
                assertThat(a.delta()).isEqualTo(new IoDelta(4096, 8192, 0, 10, 2)));
        assertThat(i.pagedInKiB()).isEqualTo(200);
        assertThat(i.pagedOutKiB()).isEqualTo(400);
    }

    @Test
    void taskStartedDuringTheIntervalCountsAllItsIo() {
        tracker.advance(scan(10 * S));
        Interval i = tracker.advance(scan(11 * S, task(7, 10 * S + 300, 0, 4096, 0, 0, 0)));
        assertThat(i.tasks().getFirst().delta().writeBytes()).isEqualTo(4096);
        assertThat(i.tasks().getFirst().accumulatedSinceNanos()).isEqualTo(10 * S + 300);
    }

    @Test
    void taskStartedJustBeforeAScanThatMissedItCountsAllItsIo() {
        tracker.advance(scan(10 * S));
        tracker.advance(scan(11 * S));
        // Started 2 ms before the scan at 11 s, listed first by the next one.
        Interval i = tracker.advance(scan(12 * S, task(7, 11 * S - 2_000_000, 0, 4096, 0, 0, 0)));
        assertThat(i.tasks().getFirst().delta().writeBytes()).isEqualTo(4096);
        assertThat(i.tasks().getFirst().accumulatedSinceNanos()).isEqualTo(11 * S - 2_000_000);
        // Started longer before the scan that missed it: only what it does from its first sight on.
        Interval j = tracker.advance(scan(13 * S, task(7, 11 * S - 2_000_000, 0, 4096, 0, 0, 0),
                task(8, 12 * S - TaskId.TOLERANCE_NANOS - 1, 0, 4096, 0, 0, 0)));
        assertThat(j.tasks()).extracting(a -> a.delta().writeBytes()).containsExactly(0L, 0L);
    }

    @Test
    void olderTaskSeenLateContributesOnlyLaterIo() {
        tracker.advance(scan(10 * S));
        Interval i = tracker.advance(scan(11 * S, task(7, 3 * S, 0, 4096, 0, 0, 0)));
        assertThat(i.tasks().getFirst().delta()).isEqualTo(IoDelta.ZERO);
    }

    @Test
    void reusedIdIsANewTaskNotANegativeDelta() {
        tracker.advance(scan(10 * S, task(5, 1 * S, 0, 1_000_000, 0, 0, 0)));
        // TID 5 now belongs to a task started after the previous scan, which wrote 8 KiB.
        Interval i = tracker.advance(scan(11 * S, task(5, 10 * S + 2000, 0, 8192, 0, 0, 0)));
        assertThat(i.tasks().getFirst().delta().writeBytes()).isEqualTo(8192);
        assertThat(i.tasks().getFirst().accumulated().writeBytes()).isEqualTo(8192);
    }

    @Test
    void startTimeJitterWithinToleranceIsTheSameTask() {
        tracker.advance(scan(10 * S, task(5, S, 0, 1000, 0, 0, 0)));
        Interval i = tracker.advance(scan(11 * S, task(5, S + 3_000_000, 0, 5096, 0, 0, 0)));
        assertThat(i.tasks().getFirst().delta().writeBytes()).isEqualTo(4096);
    }

    @Test
    void counterGoingDownIsNoActivityAndNoSpikeAfterwards() {
        // A process summed over live threads loses an exited thread's bytes.
        tracker.advance(scan(10 * S, task(1, 0, 0, 10_000, 0, 0, 0)));
        Interval drop = tracker.advance(scan(11 * S, task(1, 0, 0, 4_000, 0, 0, 0)));
        assertThat(drop.tasks().getFirst().delta().writeBytes()).isZero();
        Interval after = tracker.advance(scan(12 * S, task(1, 0, 0, 5_000, 0, 0, 0)));
        assertThat(after.tasks().getFirst().delta().writeBytes()).isEqualTo(1_000);
        assertThat(after.tasks().getFirst().accumulated().writeBytes()).isEqualTo(1_000);
    }

    @Test
    void accumulationRunsFromFirstSight() {
        tracker.advance(scan(10 * S, task(1, 0, 100, 100, 0, 0, 0)));
        tracker.advance(scan(11 * S, task(1, 0, 200, 100, 0, 0, 0)));
        Interval i = tracker.advance(scan(12 * S, task(1, 0, 400, 100, 0, 0, 0)));
        assertThat(i.tasks().getFirst().accumulated().readBytes()).isEqualTo(300);
        assertThat(i.tasks().getFirst().accumulatedSinceNanos()).isEqualTo(10 * S);
    }

    @Test
    void vanishedTaskIsForgotten() {
        tracker.advance(scan(10 * S, task(1, 0, 0, 0, 0, 0, 0), task(2, 0, 0, 0, 0, 0, 0)));
        Interval i = tracker.advance(scan(11 * S, task(1, 0, 0, 0, 0, 0, 0)));
        assertThat(i.tasks()).extracting(a -> a.sample().id()).containsExactly(1);
    }


    @Test
    void reapedChildIsNotCountedTwiceInItsParent() {
        // Shell 10 runs child 20, which writes 5000 bytes while watched, 300 more, and is reaped.
        tracker.advance(Samples.processScan(10 * S, Samples.process(10, 1, 0, 0, 0), Samples.process(20, 10, S, 0, 1000)));
        Interval seen = tracker.advance(Samples.processScan(11 * S, Samples.process(10, 1, 0, 0, 0),
                Samples.process(20, 10, S, 0, 6000)));
        assertThat(seen.tasks().get(1).delta().writeBytes()).isEqualTo(5000);
        // The parent's /proc/PID/io now holds the child's lifetime 6300 bytes, plus 100 of its own.
        Interval reaped = tracker.advance(Samples.processScan(12 * S, Samples.process(10, 1, 0, 0, 6400)));
        assertThat(reaped.tasks().getFirst().delta().writeBytes()).isEqualTo(400);
        Interval after = tracker.advance(Samples.processScan(13 * S, Samples.process(10, 1, 0, 0, 6500)));
        assertThat(after.tasks().getFirst().delta().writeBytes()).isEqualTo(100);
        assertThat(after.tasks().getFirst().accumulated().writeBytes()).isEqualTo(500);
    }

    @Test
    void childNeverSeenIsAttributedToItsParentOnce() {
        tracker.advance(Samples.processScan(10 * S, Samples.process(10, 1, 0, 0, 0)));
        Interval i = tracker.advance(Samples.processScan(11 * S, Samples.process(10, 1, 0, 0, 4096)));
        assertThat(i.tasks().getFirst().delta().writeBytes()).isEqualTo(4096);
    }

    @Test
    void threadSamplesAreNeverCorrectedForChildren() {
        tracker.advance(scan(10 * S, task(10, 0, 0, 0, 0, 0, 0), new org.jiotop.linux.TaskSample(20, 20, 10, S, 0,
                false, 0, 1000, 0, 0, 0)));
        Interval i = tracker.advance(scan(11 * S, task(10, 0, 0, 800, 0, 0, 0)));
        assertThat(i.tasks().getFirst().delta().writeBytes()).isEqualTo(800);
    }

    @Test
    void theUnchangedMarkNotTheSampleObjectDecidesTheReuse() {
        TaskSample idle = task(3, 0, 100, 200, 0, 0, 0);
        tracker.advance(scan(10 * S, idle));
        TaskActivity first = tracker.advance(scan(11 * S, idle)).tasks().getFirst();
        TaskActivity second = tracker.advance(scan(12 * S, idle)).tasks().getFirst();
        assertThat(second).isNotSameAs(first).isEqualTo(first);
        TaskActivity marked = tracker.advance(Samples.unchanged(scan(13 * S, task(3, 0, 100, 200, 0, 0, 0))))
                .tasks().getFirst();
        assertThat(marked).isSameAs(second);
    }

    @Test
    void aMarkAgainstAScanTheTrackerNeverSawDoesNotHideBytes() {
        TaskSample idle = task(3, 0, 100, 200, 0, 0, 0);
        tracker.advance(scan(10 * S, idle));
        tracker.advance(scan(11 * S, idle));
        // The scanner's previous scan (which saw 4296 written) never reached the tracker; its mark
        // says unchanged since then, but since the tracker's last sample 4096 bytes were written.
        TaskActivity a = tracker.advance(Samples.unchanged(scan(13 * S, task(3, 0, 100, 4296, 0, 0, 0))))
                .tasks().getFirst();
        assertThat(a.delta().writeBytes()).isEqualTo(4096);
    }

    @Test
    void anUnchangedSampleKeepsItsActivityAndAWriteEndsTheReuse() {
        TaskSample idle = task(3, 0, 100, 200, 0, 0, 0);
        tracker.advance(scan(10 * S, idle));
        TaskActivity first = tracker.advance(Samples.unchanged(scan(11 * S, idle))).tasks().getFirst();
        TaskActivity second = tracker.advance(Samples.unchanged(scan(12 * S, idle))).tasks().getFirst();
        // The scanner marks a task whose counters did not move as unchanged.
        assertThat(second).isSameAs(first);
        assertThat(second.delta().isZero()).isTrue();
        Interval wrote = tracker.advance(scan(13 * S, task(3, 0, 100, 4296, 0, 0, 0)));
        assertThat(wrote.tasks().getFirst().delta().writeBytes()).isEqualTo(4096);
        assertThat(wrote.tasks().getFirst().accumulated().writeBytes()).isEqualTo(4096);
        TaskSample after = wrote.tasks().getFirst().sample();
        Interval quiet = tracker.advance(scan(14 * S, after));
        assertThat(quiet.tasks().getFirst().delta().isZero()).isTrue();
        assertThat(quiet.tasks().getFirst().accumulated().writeBytes()).isEqualTo(4096);
    }
}
