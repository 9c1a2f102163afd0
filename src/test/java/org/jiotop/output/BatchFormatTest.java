package org.jiotop.output;

import org.jiotop.linux.IoPriority;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.Visibility;
import org.jiotop.model.Group;
import org.jiotop.model.GroupKind;
import org.jiotop.model.IoDelta;
import org.jiotop.model.LogicalRates;
import org.jiotop.model.LabelSource;
import org.jiotop.model.Report;
import org.jiotop.model.Row;
import org.jiotop.model.TaskActivity;
import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.TaskPriority;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden batch output (src/test/resources/golden), in python iotop's format. */
class BatchFormatTest {
    private static final TaskActivity NONE = new TaskActivity(new TaskSample(0, 0, 0, 0, 0, false, 0, 0, 0, 0, 0),
            IoDelta.ZERO, IoDelta.ZERO, 0);
    private static final Map<Integer, TaskLabels> LABELS = Map.of(
            8961, new TaskLabels(TaskPriority.IDLE, "nobody", "python3 load.py 1500"),
            8970, new TaskLabels(TaskPriority.of(new IoPriority(IoPriority.CLASS_BE, 3)), "nobody", "python3 load.py 1500 [rdthread]"),
            1, new TaskLabels(TaskPriority.DIFFERENT, "a-very-long-user-name", "systemd \\x1b[31m"));
    private static final LabelSource SOURCE = (row, processes) -> LABELS.get(row.id());
    private static final LocalTime AT = LocalTime.of(3, 33, 53);

    private static Report report(boolean processes, boolean accumulated, boolean delay) {
        List<Row> rows = List.of(
                new Row(8961, 8961, 65534, 0, accumulated ? 91_226_112 : 91_960_000, 0, 8.63, NONE),
                new Row(8970, 8961, 65534, accumulated ? 49_283_072 : 49_115_000, 0, 0, 7.06, NONE),
                new Row(1, 1, 0, 2047, 2048, 100, 0.004, NONE));
        return new Report(0, 1_000_000_000L, processes, accumulated, delay, 49_115_000, 91_960_000, 65_900_000,
                108_970_000, -1, rows);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = BatchFormatTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String render(BatchFormat f, Report r, int reports) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            lines.addAll(f.lines(SOURCE.label(r), i, () -> AT));
        }
        return String.join("\n", lines) + "\n";
    }

    @Test
    void threads() throws IOException {
        assertThat(render(new BatchFormat(5, SizeStyle.IOTOP, false, 0), report(false, false, true), 1))
                .isEqualTo(golden("threads.txt"));
    }

    /**
     * {@code --show} adds the logical I/O columns, in schema order before COMMAND, titled aligned
     * (python iotop has no piece of title line for them); the columns it leaves out are as before.
     */
    @Test
    void showAddsTheLogicalColumnsBeforeTheCommand() throws IOException {
        Report r = report(false, false, true);
        List<Row> rows = new ArrayList<>();
        for (Row row : r.rows()) {
            rows.add(row.id() == 8961 ? row.withLogical(new LogicalRates(0.5, 22_451.25, 0, 91_960_000))
                    : row.id() == 8970 ? row.withLogical(new LogicalRates(11_991, 0, 49_115_000, 0)) : row);
        }
        Report shown = new Report(0, 1_000_000_000L, false, false, true, 49_115_000, 91_960_000, 65_900_000,
                108_970_000, -1, rows);
        assertThat(render(new BatchFormat(5, SizeStyle.IOTOP, false, 0, java.util.EnumSet.of(Column.READ_SYSCALLS,
                Column.WRITE_SYSCALLS, Column.READ_CHARS, Column.WRITE_CHARS)), shown, 1))
                .isEqualTo(golden("threads-show-logical.txt"));
        assertThat(render(new BatchFormat(5, SizeStyle.IOTOP, false, 0), shown, 1)).isEqualTo(golden("threads.txt"));
    }

    /** Without delay accounting a shown column stays under its title, after the narrower ?unavailable? cell. */
    @Test
    void shownColumnsStayUnderTheirTitlesWithoutDelayAccounting() {
        Report shown = withLogical(false, new LogicalRates(0.5, 22_451.25, 0, 91_960_000));
        List<String> lines = render(new BatchFormat(5, SizeStyle.IOTOP, false, 0,
                java.util.EnumSet.of(Column.READ_SYSCALLS, Column.WRITE_CHARS)), shown, 1).lines().toList();
        assertThat(lines.get(3)).contains("?unavailable? ");
        assertThat(underTitle(lines, "RD SYSCALLS")).endsWith("0.50/s");
        assertThat(underTitle(lines, "LOGICAL WR")).endsWith("87.70 M/s");
        assertThat(render(new BatchFormat(5, SizeStyle.IOTOP, false, 0), shown, 1).lines().toList().get(3))
                .as("python iotop's row is left as it is").contains("?unavailable?  ");
    }

    /** The rows of {@link #report} with {@code logical} rates, with or without delay accounting. */
    private static Report withLogical(boolean delayAccounting, LogicalRates logical) {
        List<Row> rows = new ArrayList<>();
        for (Row row : report(false, false, delayAccounting).rows()) {
            rows.add(row.withLogical(logical));
        }
        return new Report(0, 1_000_000_000L, false, false, delayAccounting, 49_115_000, 91_960_000, 65_900_000,
                108_970_000, -1, rows);
    }

    /** A million calls a second and more (a busy group) still end under the column's title. */
    @Test
    void millionsOfCallsASecondStayUnderTheirTitle() {
        Report shown = withLogical(true, new LogicalRates(2_345_678.9, 999_999.99, 0, 0));
        List<String> lines = render(new BatchFormat(5, SizeStyle.IOTOP, false, 0,
                java.util.EnumSet.of(Column.READ_SYSCALLS, Column.WRITE_SYSCALLS)), shown, 1).lines().toList();
        assertThat(underTitle(lines, "RD SYSCALLS")).endsWith(" 2345679/s");
        assertThat(underTitle(lines, "WR SYSCALLS")).endsWith(" 999999.99/s");
    }

    /** The first row up to where {@code column}'s title ends (line 2 is the title line): its cell ends there. */
    private static String underTitle(List<String> lines, String column) {
        return lines.get(3).substring(0, lines.get(2).indexOf(column) + column.length());
    }

    private static Report groups(GroupKind kind, String... labels) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            rows.add(new Row(0, 0, i == 0 ? 65534 : Group.MIXED_USERS, 1024.0 * i, 91_960_000 / (i + 1), 0, 150 - 60 * i,
                    NONE, null, new Group(labels[i], i + 1, i == 0 ? 65534 : Group.MIXED_USERS)));
        }
        return new Report(0, 1_000_000_000L, true, false, true, 49_115_000, 91_960_000, 65_900_000,
                108_970_000, -1, rows, kind);
    }

    /** Group rows are labelled by the wiring: their user if one, and how many processes they sum. */
    private static String renderGroups(Report r) {
        LabelSource groups = (row, processes) -> new TaskLabels(TaskPriority.GROUP,
                row.group().oneUser() ? "nobody" : "*", row.group().tasks() + (row.group().tasks() == 1 ? " process" : " processes"));
        return String.join("\n", new BatchFormat(5, SizeStyle.IOTOP, false, 0).lines(groups.label(r), 0, () -> AT))
                + "\n";
    }

    @Test
    void containersAreTitledByTheirKindAndLabelledInTheIdColumn() throws IOException {
        assertThat(renderGroups(groups(GroupKind.CONTAINER, "0123456789ab", "-", "?")))
                .isEqualTo(golden("groups-container.txt"));
    }

    @Test
    void aLongCgroupLabelIsCutAndTheColumnStopsGrowing() throws IOException {
        assertThat(renderGroups(groups(GroupKind.CGROUP, "/system.slice/foo.service",
                "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod0_1.slice/cri-containerd-\\x1b[31m.scope",
                "/user.slice/user-1000.slice/session-3.scope")))
                .isEqualTo(golden("groups-cgroup.txt"));
    }

    @Test
    void cgroupsThatDifferOnlyPastTheLabelWidthStillReadApart() {
        String pod = "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod7c0b5a1e_3f2d.slice/";
        String first = pod + "cri-containerd-" + "a".repeat(64) + ".scope";
        String second = pod + "cri-containerd-" + "b".repeat(64) + ".scope";
        List<String> rows = renderGroups(groups(GroupKind.CGROUP, first, second)).lines().skip(3).toList();
        String cell = rows.get(0).substring(0, Column.LABEL_COLUMNS);
        assertThat(cell).startsWith("/kubepods.slice/kube").endsWith("aaaa.scope").contains("~");
        assertThat(rows.get(1).substring(0, Column.LABEL_COLUMNS)).isNotEqualTo(cell).endsWith("bbbb.scope");
    }

    @Test
    void processesInKilobytesWithWidePidColumn() throws IOException {
        assertThat(render(new BatchFormat(7, new SizeStyle(true, 1024, 2), false, 0), report(true, false, true), 1))
                .isEqualTo(golden("processes-k-pidmax7.txt"));
    }

    @Test
    void idsOfOneAndSevenDigitsAlignWhenPidMaxHasSevenDigits() throws IOException {
        List<Row> rows = List.of(
                new Row(4194303, 4194303, 0, 0, 1_048_576, 0, 0.5, NONE),
                new Row(8961, 8961, 65534, 0, 91_960_000, 0, 8.63, NONE),
                new Row(1, 1, 0, 2047, 2048, 100, 0.004, NONE));
        Report r = new Report(0, 1_000_000_000L, false, false, true, 2047, 93_010_048, 2047, 93_010_048, -1, rows);
        LabelSource labels = (row, processes) -> row.id() == 4194303
                ? new TaskLabels(TaskPriority.of(new IoPriority(IoPriority.CLASS_BE, 4)), "root", "kworker/u16:3") : SOURCE.labels(row, processes);
        List<String> lines = new ArrayList<>();
        lines.addAll(new BatchFormat(7, SizeStyle.IOTOP, false, 0).lines(labels.label(r), 0, () -> AT));
        assertThat(String.join("\n", lines) + "\n").isEqualTo(golden("threads-pidmax7.txt"));
        assertThat(lines.subList(3, 6)).allMatch(l -> l.matches(" *\\d+ [ a-z/0-9?-]{4} .*") && l.indexOf(' ', 7) == 7);
        // pid_max raised since the start: the column grows to the longest ID.
        assertThat(new BatchFormat(5, SizeStyle.IOTOP, false, 0).lines(labels.label(r), 0, () -> AT)).isEqualTo(lines);
    }

    @Test
    void wideUserNamesArePaddedAndCutByColumns() {
        TaskActivity none = NONE;
        List<Row> rows = List.of(new Row(1, 1, 0, 0, 0, 0, 0, none), new Row(2, 2, 0, 0, 0, 0, 0, none),
                new Row(3, 3, 0, 0, 0, 0, 0, none));
        Map<Integer, TaskLabels> users = Map.of(
                1, new TaskLabels(TaskPriority.of(new IoPriority(IoPriority.CLASS_BE, 4)), "用户名字", "甲乙丙"),
                2, new TaskLabels(TaskPriority.of(new IoPriority(IoPriority.CLASS_BE, 4)), "管理者ユーザー", "x"),
                3, new TaskLabels(TaskPriority.of(new IoPriority(IoPriority.CLASS_BE, 4)), "jose\u0301", "y"));
        Report r = new Report(0, 1_000_000_000L, false, false, true, 0, 0, 0, 0, -1, rows);
        List<String> lines = new BatchFormat(5, SizeStyle.IOTOP, false, 3)
                .lines(((LabelSource) (row, processes) -> users.get(row.id())).label(r), 0, () -> AT);
        assertThat(lines).containsExactly(
                "    1 be/4 用户名字    0.00 B/s    0.00 B/s  0.00 %  0.00 % 甲乙丙",
                "    2 be/4 管理者ユ    0.00 B/s    0.00 B/s  0.00 %  0.00 % x",
                "    3 be/4 jose\u0301        0.00 B/s    0.00 B/s  0.00 %  0.00 % y");
        assertThat(lines).allMatch(l -> DisplayWidth.of(l.substring(0, l.indexOf("B/s") + 3)) == 31);
    }

    @Test
    void timestampsOnEveryLine() throws IOException {
        assertThat(render(new BatchFormat(5, SizeStyle.IOTOP, true, 0), report(false, false, true), 1))
                .isEqualTo(golden("time.txt"));
    }

    @Test
    void accumulatedWithoutDelayAccounting() throws IOException {
        assertThat(render(new BatchFormat(5, SizeStyle.IOTOP, false, 0), report(false, true, false), 1))
                .isEqualTo(golden("accumulated-nodelay.txt"));
    }

    @Test
    void procfsSaysWhatItCannotReadAndHasNoSwapin() throws IOException {
        Report r = report(false, false, true).withVisibility(new Visibility(Visibility.Source.PROCFS, 153, 412));
        assertThat(render(new BatchFormat(5, SizeStyle.IOTOP, false, 0), r, 1)).isEqualTo(golden("procfs.txt"));
    }

    @Test
    void procfsAskedForAsRootSaysSo() {
        Report r = report(false, false, true).withVisibility(new Visibility(Visibility.Source.PROCFS, 1, 412, Visibility.Why.ASKED));
        assertThat(render(new BatchFormat(5, SizeStyle.IOTOP, false, 0), r, 1).lines().toList().get(2))
                .isEqualTo("--procfs: 1 of 412 processes not readable; run without --procfs for all");
    }

    /** Per thread, a thread's last I/O leaves with it: only /proc/PID/io keeps what exited. */
    @Test
    void theNoteSaysExitedTasksCountThroughTheirParentsOnlyPerProcess() {
        Visibility all = new Visibility(Visibility.Source.PROCFS, 0, 412);
        BatchFormat text = new BatchFormat(5, SizeStyle.IOTOP, false, 0);
        assertThat(render(text, report(true, false, false).withVisibility(all), 1).lines().toList().get(2))
                .isEqualTo("not root: all 412 processes readable (exited tasks count through their parents)");
        assertThat(render(text, report(false, false, false).withVisibility(all), 1).lines().toList().get(2))
                .isEqualTo("not root: all 412 processes readable"
                        + " (exited tasks count only with -P, through their parents)");
    }

    @Test
    void procfsWithoutDelayAccountingKeepsPythonIotopsCell() throws IOException {
        Report r = report(false, false, false).withVisibility(new Visibility(Visibility.Source.PROCFS, 0, 412));
        assertThat(render(new BatchFormat(5, SizeStyle.IOTOP, false, 0), r, 1))
                .isEqualTo(golden("procfs-nodelay.txt"));
    }

    @Test
    void quietLevels() throws IOException {
        Report r = report(false, false, true);
        assertThat(render(new BatchFormat(5, SizeStyle.IOTOP, false, 1), r, 2)).isEqualTo(golden("quiet1-two-reports.txt"));
        String q2 = render(new BatchFormat(5, SizeStyle.IOTOP, false, 2), r, 2);
        assertThat(q2).doesNotContain("TID").contains("Total DISK READ");
        assertThat(q2.lines()).hasSize(10);
        String q3 = render(new BatchFormat(5, SizeStyle.IOTOP, false, 3), r, 2);
        assertThat(q3.lines()).hasSize(6).noneMatch(l -> l.contains("DISK"));
    }

    @Test
    void exitedTasksAreMarkedAndLostReportsNoted() {
        TaskActivity gone = new TaskActivity(new TaskSample(4242, 4242, 1, 0, 0, false, 0, 0, 0, 0, 0),
                IoDelta.ZERO, IoDelta.ZERO, 0, "dd".getBytes(StandardCharsets.UTF_8));
        Report r = new Report(0, 1_000_000_000L, false, false, false, 0, 4_194_304, 0, 0, 3,
                List.of(new Row(4242, 4242, 0, 0, 4_194_304, 0, 0, gone)));
        LabelSource dd = (row, processes) -> new TaskLabels(TaskPriority.EXITED, "root", "dd");
        List<String> lines = new BatchFormat(5, SizeStyle.IOTOP, false, 0).lines(dd.label(r), 0, () -> AT);
        assertThat(lines.get(2)).isEqualTo(
                "Lost exit reports: 3 times (reports of exited tasks were dropped; their last I/O is missing)");
        assertThat(lines.get(4)).isEqualTo(" 4242    - root        0.00 B/s    4.00 M/s ?unavailable?  dd <exited>");
        assertThat(new BatchFormat(5, SizeStyle.IOTOP, false, 3).lines(dd.label(r), 0, () -> AT)).hasSize(1);
    }

    @Test
    void theClockIsReadOnlyWhenLinesCarryTheTime() {
        Report r = new Report(0, 1_000_000_000L, false, false, false, 0, 0, 0, 0, 0, List.of());
        LabelSource none = (row, processes) -> new TaskLabels(TaskPriority.EXITED, "root", "x");
        List<String> lines = new BatchFormat(5, SizeStyle.IOTOP, false, 0).lines(none.label(r), 0, () -> {
            throw new AssertionError("clock read without -t");
        });
        assertThat(lines).hasSize(3);
        assertThat(new BatchFormat(5, SizeStyle.IOTOP, true, 0).lines(none.label(r), 0, () -> AT).getFirst())
                .startsWith("03:33:53 Total DISK READ");
    }
}
