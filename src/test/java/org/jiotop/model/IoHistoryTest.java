package org.jiotop.model;

import org.jiotop.linux.TaskId;
import org.jiotop.linux.TaskSample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IoHistoryTest {
    private static final long SECOND = 1_000_000_000L;

    private static Row row(int id, long start, long read, long written) {
        IoDelta d = new IoDelta(read, written, 0, 0, 0);
        return new Row(id, id, 0, read, written, 0, 0,
                new TaskActivity(new TaskSample(id, id, 1, start, 0, false, 0, 0, 0, 0, 0), d, d, start));
    }

    private static Report report(long end, long seconds, Row... rows) {
        return new Report(end, seconds * SECOND, false, false, true, 0, 0, 0, 0, -1, List.of(rows));
    }

    @Test
    void ratesComeOutOldestFirstWithMissingIntervalsAsNone() {
        IoHistory h = new IoHistory();
        h.add(report(1, 2, row(7, 0, 2048, 4096)));
        h.add(report(2, 2, row(8, 0, 0, 10)));
        h.add(report(3, 2, row(7, 0, 0, 1024)));
        Row seven = row(7, 0, 0, 0);
        assertThat(h.of(seven, GroupKind.THREAD, GraphSource.BOTH, 4)).containsExactly(0, 3072, 0, 512);
        assertThat(h.of(seven, GroupKind.THREAD, GraphSource.READ, 3)).containsExactly(1024, 0, 0);
        assertThat(h.of(seven, GroupKind.THREAD, GraphSource.WRITE, 3)).containsExactly(2048, 0, 512);
        assertThat(h.of(seven, GroupKind.PROCESS, GraphSource.BOTH, 3)).as("another kind's rows")
                .containsOnly(0);
    }

    @Test
    void theSameIntervalDrawnAgainIsAddedOnce() {
        IoHistory h = new IoHistory();
        Report r = report(1, 1, row(7, 0, 1, 0));
        assertThat(h.add(r)).isTrue();
        assertThat(h.add(r)).isFalse();
        assertThat(h.of(row(7, 0, 0, 0), GroupKind.THREAD, GraphSource.READ, 2)).containsExactly(0, 1);
    }

    @Test
    void aLaterTaskWithTheSameIdStartsWithoutTheFormersHistory() {
        IoHistory h = new IoHistory();
        h.add(report(1, 1, row(7, 0, 100, 0)));
        long later = 10 * TaskId.EXIT_REPORT_DELAY_NANOS;
        h.add(report(2, 1, row(7, later, 5, 0)));
        assertThat(h.of(row(7, later, 0, 0), GroupKind.THREAD, GraphSource.READ, 2)).containsExactly(0, 5);
    }

    @Test
    void groupsHaveTheirOwnHistoryByLabel() {
        IoHistory h = new IoHistory();
        Row group = row(0, 0, 300, 0).withGroup(new Group("web", 2, 0));
        Report r = new Report(1, SECOND, true, false, true, 0, 0, 0, 0, -1, List.of(group), GroupKind.UNIT);
        h.add(r);
        assertThat(h.of(group, GroupKind.UNIT, GraphSource.READ, 1)).containsExactly(300);
        assertThat(h.of(row(0, 0, 0, 0).withGroup(new Group("db", 1, 0)), GroupKind.UNIT, GraphSource.READ, 1))
                .containsExactly(0);
    }

    @Test
    void clearedItHoldsOnlyWhatComesAfter() {
        IoHistory h = new IoHistory();
        h.add(new Report(1, SECOND, false, false, true, 5, 0, 0, 0, -1, List.of()));
        h.add(report(2, 1, row(7, 0, 100, 0)));
        h.clear();
        assertThat(h.size()).isZero();
        assertThat(h.add(report(2, 1, row(7, 0, 3, 0)))).as("the same end again, now new").isTrue();
        assertThat(h.of(row(7, 0, 0, 0), GroupKind.THREAD, GraphSource.READ, 3)).containsExactly(0, 0, 3);
        assertThat(h.totals(GraphSource.READ, 3)).containsOnly(0);
    }

    @Test
    void theTotalLineHasAHistoryToo() {
        IoHistory h = new IoHistory();
        for (int i = 1; i <= 3; i++) {
            h.add(new Report(i, SECOND, false, false, true, i, 10 * i, 0, 0, -1, List.of()));
        }
        assertThat(h.totals(GraphSource.READ, 3)).containsExactly(1, 2, 3);
        assertThat(h.totals(GraphSource.WRITE, 2)).containsExactly(20, 30);
        assertThat(h.totals(GraphSource.WRITE, 1000)).hasSize(IoHistory.DEPTH);
    }

    @Test
    void memoryIsBoundedInTasksAndInDepth() {
        IoHistory h = new IoHistory();
        List<Row> idle = new ArrayList<>();
        for (int id = 1; id <= 10_000; id++) {
            idle.add(row(id, 0, 0, 0));
        }
        h.add(report(1, 1, idle.toArray(Row[]::new)));
        assertThat(h.size()).as("no history for tasks without I/O").isZero();
        List<Row> busy = new ArrayList<>();
        for (int id = 1; id <= IoHistory.MAX_SERIES + 500; id++) {
            busy.add(row(id, 0, 1, 0));
        }
        h.add(report(2, 1, busy.toArray(Row[]::new)));
        assertThat(h.size()).isEqualTo(IoHistory.MAX_SERIES);
        for (int t = 3; t < 3 + 2 * IoHistory.DEPTH; t++) {
            h.add(report(t, 1, row(1, 0, 1, 0)));
        }
        assertThat(h.size()).as("tasks idle for a whole graph are forgotten").isEqualTo(1);
        assertThat(h.of(row(1, 0, 0, 0), GroupKind.THREAD, GraphSource.READ, IoHistory.DEPTH)).containsOnly(1);
    }
}
