package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskIdTest {
    private static final long MS = 1_000_000L;
    private static final long T = 5_000_000_000L;

    @Test
    void startIsTheStampMinusTheAgeInMicroseconds() {
        assertThat(TaskId.startNanos(T, 1_500)).isEqualTo(T - 1_500_000);
        assertThat(TaskId.startNanos(T, 0)).isEqualTo(T);
    }

    @Test
    void startsWithinTheToleranceEitherWayAreOneTask() {
        TaskId seen = new TaskId(42, T);
        assertThat(seen.sameTask(new TaskId(42, T + TaskId.TOLERANCE_NANOS))).isTrue();
        assertThat(seen.sameTask(new TaskId(42, T - TaskId.TOLERANCE_NANOS))).isTrue();
        assertThat(seen.sameTask(new TaskId(42, T + TaskId.TOLERANCE_NANOS + 1))).isFalse();
        assertThat(seen.sameTask(new TaskId(42, T - TaskId.TOLERANCE_NANOS - 1))).isFalse();
    }

    @Test
    void anotherIdIsAnotherTaskWhateverItsStart() {
        assertThat(new TaskId(42, T).sameTask(new TaskId(43, T))).isFalse();
        assertThat(new TaskId(42, T).endedAs(new TaskId(43, T))).isFalse();
    }

    @Test
    void aStampLateByABusyMachinesDelayIsStillTheSameTask() {
        // One task queried at 1 s and at 2 s of age, the second reply stamped 20 ms after the
        // kernel filled it (the thread was preempted after send()).
        long trueStart = T;
        long first = TaskId.startNanos(T + 1_000 * MS, 1_000_000);
        long second = TaskId.startNanos(T + 2_000 * MS + 20 * MS, 2_000_000);
        assertThat(first).isEqualTo(trueStart);
        assertThat(new TaskId(7, first).sameTask(new TaskId(7, second))).isTrue();
    }

    @Test
    void anExitReportMayLookLaterByItsReadingDelayButNotEarlier() {
        TaskId seen = new TaskId(42, T);
        assertThat(seen.endedAs(new TaskId(42, T + TaskId.EXIT_REPORT_DELAY_NANOS))).isTrue();
        assertThat(seen.endedAs(new TaskId(42, T + TaskId.EXIT_REPORT_DELAY_NANOS + 1))).isFalse();
        assertThat(seen.endedAs(new TaskId(42, T - TaskId.TOLERANCE_NANOS))).isTrue();
        assertThat(seen.endedAs(new TaskId(42, T - TaskId.TOLERANCE_NANOS - 1))).isFalse();
    }

    @Test
    void anExitReportReadSoonIsStampedAsAReplyIs() {
        long received = T + 30_000 * MS;
        long start = TaskId.exitStartNanos(received, received - TaskId.EXIT_REPORT_DELAY_NANOS, 0, 7_250_000, 1);
        assertThat(start).isEqualTo(TaskId.startNanos(received, 7_250_000));
    }

    /**
     * jiotop stopped from 5 s to 60 s of the monotonic clock (the socket last found empty at 5 s);
     * tasks of several ages and start times within their second exit at 9 s. The kernel's
     * {@code ac_btime}: the wall clock's whole seconds at the exit less the age's whole seconds.
     */
    @Test
    void anExitReportReadLongAfterTheExitIsPlacedByTheWallClock() {
        long wallMinusMonotonic = 1_800_000_000_000L * MS + 123 * MS;
        long emptySince = 5_000 * MS;
        long exit = 9_000 * MS;
        long received = 60_000 * MS;
        for (long ageMicros : new long[] {10, 999_999, 1_000_000, 3_400_000, 8_999_999}) {
            long trueStart = exit - ageMicros * 1000;
            long startSeconds = Math.floorDiv(exit + wallMinusMonotonic, 1_000_000_000L) - ageMicros / 1_000_000;
            long estimate = TaskId.exitStartNanos(received, emptySince, wallMinusMonotonic, ageMicros, startSeconds);
            assertThat(new TaskId(3, trueStart).endedAs(new TaskId(3, estimate))).as("age %d us", ageMicros).isTrue();
            assertThat(estimate - trueStart).as("age %d us", ageMicros).isBetween(0L, 1_000 * MS);
            long stamped = TaskId.startNanos(received, ageMicros);
            assertThat(new TaskId(3, trueStart).endedAs(new TaskId(3, stamped))).isFalse();
        }
    }

    @Test
    void aWallClockSetFarOffStillPlacesTheExitBetweenTheSocketFoundEmptyAndTheReport() {
        long emptySince = 5_000 * MS;
        long received = 60_000 * MS;
        long age = 2_000_000;
        long wall = 1_800_000_000_000L * MS;
        long hour = 3_600_000 * MS;
        long startSeconds = (wall + 9_000 * MS) / 1_000_000_000L - 2;
        assertThat(TaskId.exitStartNanos(received, emptySince, wall + hour, age, startSeconds))
                .isEqualTo(emptySince - age * 1000);
        assertThat(TaskId.exitStartNanos(received, emptySince, wall - hour, age, startSeconds))
                .isEqualTo(received - age * 1000);
    }

    @Test
    void aThreadStartsWithOrAfterItsProcess() {
        assertThat(TaskId.startedNotBefore(T + 1, T)).isTrue();
        assertThat(TaskId.startedNotBefore(T - TaskId.TOLERANCE_NANOS, T)).isTrue();
        assertThat(TaskId.startedNotBefore(T - TaskId.TOLERANCE_NANOS - 1, T)).isFalse();
    }

    @Test
    void samplesKnowTheirTask() {
        TaskSample s = new TaskSample(9, 8, 1, T, 0, false, 0, 0, 0, 0, 0);
        assertThat(s.taskId()).isEqualTo(new TaskId(9, T));
    }
}
