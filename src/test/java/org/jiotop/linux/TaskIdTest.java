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
