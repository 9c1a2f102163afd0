package org.jiotop.model;

import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.TaskPriority;
import org.jiotop.linux.TaskSample;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiotop.model.Samples.S;

class ReportBuilderTest {
    private static TaskActivity act(int id, int uid, IoDelta delta, IoDelta acc, long since) {
        return new TaskActivity(new TaskSample(id, id, 1, 0, uid, false, 0, 0, 0, 0, 0), delta, acc, since);
    }

    private static IoDelta d(long read, long write, long cancelled, long blkio, long swapin) {
        return new IoDelta(read, write, cancelled, blkio, swapin);
    }

    private static ReportSettings settings(boolean only, boolean accumulated, Set<Integer> uids, SortKey key) {
        return new ReportSettings(false, only, accumulated, uids, key, key.descendingByDefault());
    }

    private static final Interval TWO_SECONDS = new Interval(10 * S, 12 * S, List.of(
            act(1, 0, d(2048, 8192, 4096, S, 0), d(2048, 8192, 4096, S, 0), 10 * S),
            act(2, 1000, d(0, 0, 0, 0, 0), d(100, 0, 0, 0, 0), 5 * S),
            act(3, 1000, d(4096, 1024, 2048, 0, S / 2), d(4096, 1024, 2048, 0, S / 2), 10 * S)),
            300, 500, true, -1);

    @Test
    void ratesAreOverTheMeasuredIntervalAndWrittenExcludesCancelled() {
        Report r = ReportBuilder.build(TWO_SECONDS, settings(false, false, Set.of(), SortKey.ID));
        Row one = r.rows().getFirst();
        assertThat(one.read()).isEqualTo(1024);
        assertThat(one.write()).isEqualTo(2048);
        assertThat(one.ioPercent()).isEqualTo(50.0);
        Row three = r.rows().get(2);
        assertThat(three.write()).isZero(); // more cancelled than written is zero, never negative
        assertThat(three.swapinPercent()).isEqualTo(25.0);
        assertThat(r.totalReadPerSecond()).isEqualTo(3072);
        assertThat(r.totalWritePerSecond()).isEqualTo(2048);
        assertThat(r.currentReadPerSecond()).isEqualTo(300 * 1024 / 2.0);
        assertThat(r.currentWritePerSecond()).isEqualTo(500 * 1024 / 2.0);
    }

    @Test
    void onlyActiveHidesIdleRowsButTotalsStillCountThem() {
        Report r = ReportBuilder.build(TWO_SECONDS, settings(true, false, Set.of(), SortKey.ID));
        assertThat(r.rows()).extracting(Row::id).containsExactly(1, 3);
        Report acc = ReportBuilder.build(TWO_SECONDS, settings(true, true, Set.of(), SortKey.ID));
        assertThat(acc.rows()).extracting(Row::id).containsExactly(1, 2, 3);
    }

    @Test
    void userFilterAppliesToRowsAndTotals() {
        Report r = ReportBuilder.build(TWO_SECONDS, settings(false, false, Set.of(1000), SortKey.ID));
        assertThat(r.rows()).extracting(Row::id).containsExactly(2, 3);
        assertThat(r.totalReadPerSecond()).isEqualTo(2048);
    }

    @Test
    void accumulatedShowsBytesAndAveragesDelaysOverTimeSinceFirstSeen() {
        Report r = ReportBuilder.build(TWO_SECONDS, settings(false, true, Set.of(), SortKey.ID));
        assertThat(r.rows().get(1).read()).isEqualTo(100);
        assertThat(r.rows().get(0).ioPercent()).isEqualTo(50.0);
        assertThat(r.accumulated()).isTrue();
    }

    @Test
    void sortsByColumnWithStableIdTieBreak() {
        assertThat(ReportBuilder.build(TWO_SECONDS, settings(false, false, Set.of(), SortKey.IO)).rows())
                .extracting(Row::id).containsExactly(1, 2, 3);
        assertThat(ReportBuilder.build(TWO_SECONDS, settings(false, false, Set.of(), SortKey.READ)).rows())
                .extracting(Row::id).containsExactly(3, 1, 2);
        assertThat(ReportBuilder.build(TWO_SECONDS, settings(false, false, Set.of(), SortKey.SWAPIN)).rows())
                .extracting(Row::id).containsExactly(3, 1, 2);
    }

    @Test
    void eitherDirectionKeepsTiesInAscendingIdOrder() {
        // Writes per second: 1 → 2048, 2 → 0, 3 → 0 (more cancelled than written).
        assertThat(rowsBy(SortKey.WRITE, true)).containsExactly(1, 2, 3);
        assertThat(rowsBy(SortKey.WRITE, false)).containsExactly(2, 3, 1);
        assertThat(rowsBy(SortKey.READ, false)).containsExactly(2, 1, 3);
        assertThat(rowsBy(SortKey.IO, false)).containsExactly(2, 3, 1);
        assertThat(rowsBy(SortKey.ID, true)).containsExactly(3, 2, 1);
        assertThat(rowsBy(SortKey.ID, false)).containsExactly(1, 2, 3);
    }

    private static List<Integer> rowsBy(SortKey key, boolean descending) {
        return ReportBuilder.build(TWO_SECONDS, new ReportSettings(false, false, false, Set.of(), key, descending)).rows()
                .stream().map(Row::id).toList();
    }

    @Test
    void unknownBlockLayerTrafficIsNotANumber() {
        Interval noVm = new Interval(0, S, List.of(), -1, -1, false, -1);
        Report r = ReportBuilder.build(noVm, settings(false, false, Set.of(), SortKey.WRITE));
        assertThat(r.currentReadPerSecond()).isNaN();
        assertThat(r.delayAccounting()).isFalse();
    }

    /** Labels as the wiring gives them: commands "cp", "dd", "tar" for tasks 1, 2, 3; users by uid. */
    private static final LabelSource LABELS = (row, processes) -> {
        String command = switch (row.id()) {
            case 1 -> "cp";
            case 2 -> "dd";
            default -> "tar";
        };
        return new TaskLabels(TaskPriority.EXITED, row.uid() == 0 ? "root" : "alice", command + " -v", command);
    };

    private static ReportSettings labelled(RowFilter filter, SortKey key, boolean descending, boolean fullCommand) {
        return new ReportSettings(false, false, ReportSettings.Figures.BANDWIDTH, Set.of(), filter, key, descending,
                fullCommand);
    }

    private static Report buildLabelled(ReportSettings settings) {
        List<Row> rows = ReportBuilder.monitoredRows(TWO_SECONDS, settings);
        assertThat(rows).allMatch(r -> r.labels() == null);
        return ReportBuilder.build(TWO_SECONDS, settings, LABELS.label(new Report(0, 1, false, false, true, 0, 0, 0, 0,
                -1, rows)).rows());
    }

    @Test
    void aTextFilterMatchesTheLabelsHandedInAndLimitsTheTotals() {
        ReportSettings s = labelled(new RowFilter(null, Pattern.compile("^(cp|tar)$")), SortKey.ID, false, false);
        assertThat(s.filtersByLabel()).isTrue();
        assertThatThrownBy(() -> ReportBuilder.build(TWO_SECONDS, s)).isInstanceOf(IllegalArgumentException.class);
        Report r = buildLabelled(s);
        assertThat(r.rows()).extracting(Row::id).containsExactly(1, 3);
        assertThat(r.totalReadPerSecond()).isEqualTo(3072);
        // The ID matches too, and the full command as well as the short one.
        assertThat(buildLabelled(labelled(new RowFilter(null, Pattern.compile("^2$|-v")), SortKey.ID, false, false))
                .rows()).extracting(Row::id).containsExactly(1, 2, 3);
        assertThat(buildLabelled(labelled(new RowFilter(3, Pattern.compile("cp|tar")), SortKey.ID, false, false))
                .rows()).extracting(Row::id).containsExactly(3);
    }

    @Test
    void textColumnsSortByTheLabelsHandedIn() {
        assertThat(buildLabelled(labelled(RowFilter.NONE, SortKey.COMMAND, true, false)).rows())
                .extracting(Row::id).containsExactly(3, 2, 1);
        assertThat(buildLabelled(labelled(RowFilter.NONE, SortKey.USER, false, false)).rows())
                .extracting(Row::id).containsExactly(2, 3, 1);
        // Ties (the same priority everywhere) keep ascending IDs whichever the direction.
        assertThat(buildLabelled(labelled(RowFilter.NONE, SortKey.PRIO, true, false)).rows())
                .extracting(Row::id).containsExactly(1, 2, 3);
        assertThat(ReportBuilder.build(TWO_SECONDS, labelled(RowFilter.NONE, SortKey.ID, true, false)).rows())
                .extracting(Row::id).containsExactly(3, 2, 1);
    }

    @Test
    void aTextSortAloneLabelsOnlyTheRowsKeptThenSortsThem() {
        ReportSettings s = new ReportSettings(false, true, ReportSettings.Figures.BANDWIDTH, Set.of(), RowFilter.NONE,
                SortKey.COMMAND, true, false);
        Report numbers = ReportBuilder.build(TWO_SECONDS, s);
        // -o kept 1 and 3, unlabelled and in ID order until sorted.
        assertThat(numbers.rows()).extracting(Row::id).containsExactly(1, 3);
        assertThat(numbers.rows()).allMatch(r -> r.labels() == null);
        assertThat(ReportBuilder.sorted(LABELS.label(numbers), s).rows()).extracting(Row::id).containsExactly(3, 1);
    }
}
