package org.jiotop.model;

import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.TaskPriority;
import org.jiotop.linux.TaskSample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiotop.model.Samples.S;

/** Process rows summed into group rows by labels handed over as data, then filtered and sorted as rows are. */
class GroupsTest {
    /** The label of each process, as the wiring would read it from its cgroup. */
    private static final Map<Integer, String> CONTAINER = Map.of(10, "0123456789ab", 11, "0123456789ab",
            12, "-", 13, "?", 14, "fedcba987654");

    private static TaskActivity process(int pid, int uid, long read, long write, long blkio, boolean exited) {
        IoDelta d = new IoDelta(read, write, 0, blkio, 0);
        return new TaskActivity(new TaskSample(pid, pid, 1, 0, uid, false, 0, 0, 0, 0, 0), d, d.plus(d), 0,
                exited ? "dd".getBytes() : null);
    }

    /** Two seconds: a container of two processes (one of them exited), one outside any, one unreadable, one idle. */
    private static final Interval INTERVAL = new Interval(10 * S, 12 * S, List.of(
            process(10, 1000, 2048, 4096, 2 * S, false),
            process(11, 1000, 0, 8192, 2 * S, true),
            process(12, 0, 1024, 0, 0, false),
            process(13, 0, 0, 2048, 0, false),
            process(14, 1000, 0, 0, 0, false)), 0, 0, true, -1);

    private static ReportSettings settings(boolean only, Set<Integer> uids, RowFilter filter, SortKey key) {
        return new ReportSettings(true, only, ReportSettings.Figures.BANDWIDTH, uids, filter, key,
                key.descendingByDefault(), false);
    }

    /** What the wiring does: the monitored processes, their labels, the sums, then the report of the groups. */
    private static Report groups(ReportSettings settings) {
        ReportSettings processes = new ReportSettings(true, settings.onlyActive(), settings.figures(), settings.uids(),
                new RowFilter(settings.filter().pid(), null), settings.sortKey(), settings.descending(), false);
        List<Row> rows = ReportBuilder.monitoredRows(INTERVAL, processes);
        List<Row> groups = Groups.sum(rows, labels(rows));
        List<Row> labelled = new ArrayList<>();
        for (Row g : groups) {
            labelled.add(g.labelled(new TaskLabels(TaskPriority.GROUP, "u", g.group().tasks() + " processes")));
        }
        ReportSettings shown = new ReportSettings(true, settings.onlyActive(), settings.figures(), Set.of(),
                new RowFilter(null, settings.filter().search()), settings.sortKey(), settings.descending(), false);
        return ReportBuilder.build(INTERVAL, shown, labelled).withKind(GroupKind.CONTAINER);
    }

    private static List<String> labels(List<Row> rows) {
        List<String> labels = new ArrayList<>();
        for (Row r : rows) {
            labels.add(CONTAINER.get(r.id()));
        }
        return labels;
    }

    private static Row row(Report r, String label) {
        return r.rows().stream().filter(x -> x.group().label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void aGroupSumsItsProcessesExitedOnesIncluded() {
        Report r = groups(settings(false, Set.of(), RowFilter.NONE, SortKey.ID));
        Row container = row(r, "0123456789ab");
        assertThat(container.read()).isEqualTo(1024);
        assertThat(container.write()).isEqualTo(6144);
        assertThat(container.activity().delta().writeBytes()).isEqualTo(12288);
        assertThat(container.activity().accumulated().writeBytes()).isEqualTo(24576);
        assertThat(container.group().tasks()).isEqualTo(2);
        assertThat(container.group().uid()).isEqualTo(1000);
        assertThat(container.activity().exited()).as("a group lives on when one of its processes ends").isFalse();
        assertThat(r.kind()).isEqualTo(GroupKind.CONTAINER);
    }

    @Test
    void aProcessThatCancelledMoreThanItWroteTakesNothingOffTheTotalAsNotOffItsGroupsRow() {
        IoDelta wrote = new IoDelta(0, 8192, 0, 0, 0);
        IoDelta cancelled = new IoDelta(0, 0, 16384, 0, 0);
        Interval interval = new Interval(10 * S, 12 * S, List.of(
                new TaskActivity(new TaskSample(10, 10, 1, 0, 0, false, 0, 0, 0, 0, 0), wrote, wrote, 0),
                new TaskActivity(new TaskSample(11, 11, 1, 0, 0, false, 0, 0, 0, 0, 0), cancelled, cancelled, 0)),
                0, 0, true, -1);
        ReportSettings each = settings(false, Set.of(), RowFilter.NONE, SortKey.ID);
        List<Row> groups = Groups.sum(ReportBuilder.monitoredRows(interval, each), List.of("web", "web"));
        Report r = ReportBuilder.build(interval, each, groups);
        assertThat(r.rows()).hasSize(1);
        assertThat(r.rows().getFirst().write()).isEqualTo(4096);
        assertThat(r.totalWritePerSecond()).isEqualTo(4096);
    }

    @Test
    void groupIoIsTheMeanOfItsProcessesWaiting() {
        Row container = row(groups(settings(false, Set.of(), RowFilter.NONE, SortKey.IO)), "0123456789ab");
        // Both processes waited the whole interval.
        assertThat(container.ioPercent()).isEqualTo(100.0);
    }

    @Test
    void processesWithoutAnOwnerOrWithAnUnreadableOneHaveRowsOfTheirOwnAndTheTotalIsEveryByte() {
        Report r = groups(settings(false, Set.of(), RowFilter.NONE, SortKey.ID));
        assertThat(r.rows()).extracting(x -> x.group().label())
                .as("by label, as the ID sort orders groups").containsExactly("-", "0123456789ab", "?", "fedcba987654");
        assertThat(row(r, "-").read()).isEqualTo(512);
        assertThat(row(r, "?").write()).isEqualTo(1024);
        assertThat(r.totalReadPerSecond()).isEqualTo((2048 + 1024) / 2.0);
        assertThat(r.totalWritePerSecond()).isEqualTo((4096 + 8192 + 2048) / 2.0);
    }

    @Test
    void groupsSortByTheirSumsTiesByLabel() {
        Report r = groups(settings(false, Set.of(), RowFilter.NONE, SortKey.WRITE));
        assertThat(r.rows()).extracting(x -> x.group().label())
                .containsExactly("0123456789ab", "?", "-", "fedcba987654");
    }

    @Test
    void onlyActiveHidesIdleGroupsAndUserAndPidChooseTheProcessesSummed() {
        Report active = groups(settings(true, Set.of(), RowFilter.NONE, SortKey.ID));
        assertThat(active.rows()).extracting(x -> x.group().label()).doesNotContain("fedcba987654");
        Report user = groups(settings(false, Set.of(0), RowFilter.NONE, SortKey.ID));
        assertThat(user.rows()).extracting(x -> x.group().label()).containsExactly("-", "?");
        Report pid = groups(settings(false, Set.of(), new RowFilter(11, null), SortKey.ID));
        assertThat(pid.rows()).singleElement().satisfies(g -> {
            assertThat(g.group().label()).isEqualTo("0123456789ab");
            assertThat(g.group().tasks()).isEqualTo(1);
        });
    }

    @Test
    void theSearchMatchesTheLabelNotTheCountShownAsCommandAndTotalCountsOnlyWhatMatches() {
        Report r = groups(settings(false, Set.of(), new RowFilter(null, Pattern.compile("^0123")), SortKey.ID));
        assertThat(r.rows()).extracting(x -> x.group().label()).containsExactly("0123456789ab");
        assertThat(r.totalWritePerSecond()).isEqualTo(6144);
        Report none = groups(settings(false, Set.of(), new RowFilter(null, Pattern.compile("processes")),
                SortKey.ID));
        assertThat(none.rows()).isEmpty();
    }

    @Test
    void aGroupsMembersAreItsProcessRows() {
        List<Row> rows = ReportBuilder.monitoredRows(INTERVAL, settings(false, Set.of(), RowFilter.NONE, SortKey.ID));
        assertThat(Groups.members(rows, labels(rows), "0123456789ab")).extracting(Row::id).containsExactly(10, 11);
        assertThat(Groups.members(rows, labels(rows), "?")).extracting(Row::id).containsExactly(13);
    }

    @Test
    void usersOfAGroupAreMixedWhenItsProcessesDiffer() {
        List<Row> rows = ReportBuilder.monitoredRows(INTERVAL, settings(false, Set.of(), RowFilter.NONE, SortKey.ID));
        Row all = Groups.sum(rows, List.of("x", "x", "x", "x", "x")).getFirst();
        assertThat(all.group().oneUser()).isFalse();
        assertThat(all.group().tasks()).isEqualTo(5);
    }
}
