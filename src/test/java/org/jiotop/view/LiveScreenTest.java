package org.jiotop.view;

import org.jiotop.linux.IoPriority;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.Visibility;
import org.jiotop.linux.CgroupHierarchy;
import org.jiotop.linux.IoCounts;
import org.jiotop.model.DeviceRates;
import org.jiotop.model.Group;
import org.jiotop.model.GroupKind;
import org.jiotop.model.IoDelta;
import org.jiotop.model.LabelSource;
import org.jiotop.model.Report;
import org.jiotop.model.Row;
import org.jiotop.model.TaskActivity;
import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.TaskPriority;
import org.jiotop.output.DisplayWidth;
import org.jiotop.output.SizeStyle;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden screens of the live view (src/test/resources/golden/live-*.txt). */
class LiveScreenTest {
    private static TaskActivity activity(int id, boolean exited) {
        return new TaskActivity(new TaskSample(id, id, 1, 0, 0, false, 0, 0, 0, 0, 0), IoDelta.ZERO, IoDelta.ZERO, 0,
                exited ? "dd".getBytes(StandardCharsets.UTF_8) : null);
    }

    private static final Map<Integer, TaskLabels> LABELS = Map.of(
            8961, new TaskLabels(TaskPriority.IDLE, "nobody", "python3 load.py 1500", "python3"),
            8970, new TaskLabels(TaskPriority.of(new IoPriority(IoPriority.CLASS_BE, 3)), "nobody", "python3 load.py 1500 [rdthread]", "python3 [rdthread]"),
            1, new TaskLabels(TaskPriority.of(new IoPriority(IoPriority.CLASS_BE, 4)), "root",
                    "some-daemon --config /etc/some-daemon/some-daemon.conf --log-level info --foreground",
                    "some-daemon"),
            4242, new TaskLabels(TaskPriority.EXITED, "root", "dd", "dd"));
    private static final LabelSource SOURCE = (row, processes) -> LABELS.get(row.id());

    private static Report report(boolean delay) {
        List<Row> rows = List.of(
                new Row(8970, 8961, 65534, 49_115_000, 0, 0, 55.5, activity(8970, false)),
                new Row(8961, 8961, 65534, 0, 91_960_000, 0, 15.05, activity(8961, false)),
                new Row(1, 1, 0, 0, 0, 0, 0, activity(1, false)),
                new Row(4242, 4242, 0, 0, 4_194_304, 0, 0, activity(4242, true)));
        return new Report(0, 1_000_000_000L, false, false, delay, 49_115_000, 96_154_304, 65_900_000, 108_970_000,
                -1, rows);
    }

    /** The SGR codes (1 bold, 2 faint, 7 inverse, 3x colours) in effect at column {@code i}. */
    private static List<String> sgr(AttributedString line, int i) {
        String ansi = line.subSequence(i, i + 1).toAnsi();
        if (!ansi.startsWith("\u001b[")) {
            return List.of();
        }
        return List.of(ansi.substring(2, ansi.indexOf('m')).split(";"));
    }

    /**
     * The golden screen {@code name}. With {@code -Dgolden.write=true} the actual screen is written
     * to target/golden-actual/ to be reviewed and copied over.
     */
    private static void assertGolden(String actual, String name) throws IOException {
        if (Boolean.getBoolean("golden.write")) {
            java.nio.file.Path out = java.nio.file.Path.of("target", "golden-actual", name);
            java.nio.file.Files.createDirectories(out.getParent());
            java.nio.file.Files.writeString(out, actual);
        }
        try (InputStream in = LiveScreenTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String text(LiveScreen.Frame f) {
        StringBuilder b = new StringBuilder();
        for (AttributedString line : f.lines()) {
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    /** Draws a frame and keeps its scroll position, as the live view does. */
    private static LiveScreen.Frame render(LiveState s, int width, int height, Report r, boolean delay) {
        s.delayAccounting(delay);
        s.record(r);
        LiveScreen.Frame f = new LiveScreen(s, new LiveScreen.Geometry(width, height, 5), SizeStyle.IOTOP, 1.0, 0)
                .render(SOURCE.label(r));
        s.drawn(f);
        return f;
    }

    @Test
    void threadsWithDelayAccounting() throws IOException {
        LiveState s = new LiveState();
        LiveScreen.Frame f = render(s, 100, 12, report(true), true);
        assertGolden(text(f), "live-threads.txt");
        assertThat(f.pageRows()).isEqualTo(7);
        // The title bar is in reverse video, the sorted column bold, an exited task faint.
        AttributedString title = f.lines().get(2);
        assertThat(sgr(title, 0)).contains("7");
        int io = title.toString().indexOf("IO\u25bd");
        assertThat(sgr(title, io)).contains("1", "7");
        assertThat(sgr(f.lines().get(6), 0)).contains("2");
    }

    /** Five devices: the panel shows the busiest that fit in half the lines below the summary, then the tasks. */
    @Test
    void devicePanelAboveTheTasks() throws IOException {
        LiveState s = new LiveState();
        assertThat(KeyHandler.handle(s, Key.ch('d'), 10, 0)).isInstanceOf(Command.ToggleDevices.class);
        s.showDevices(true);
        assertThat(text(render(s, 100, 16, report(true), true))).contains("  devices: measuring\u2026");
        s.devicesMeasured(List.of(
                new DeviceRates("sda", false, false, 100, 200, 819_200, 104_857_600, 5, 10, 2.5, 75),
                new DeviceRates("sdb", false, false, 0, 1, 0, 4096, 0, 1, 0.01, 0.5),
                new DeviceRates("nvme0n1", false, true, 0, 500, 0, 2_048_000, 0, 0.5, 0.5, 100),
                new DeviceRates("dm-0", false, true, 5, 0, 20_480, 0, 3, 0, 0.015, 1.5),
                new DeviceRates("loop0", false, false, 0, 0, 0, 0, 0, 0, 0, 0)));
        LiveScreen.Frame f = render(s, 100, 16, report(true), true);
        assertGolden(text(f), "live-devices.txt");
        assertThat(f.pageRows()).isEqualTo(6);
        s.showDevices(false);
        assertThat(text(render(s, 100, 16, report(true), true))).doesNotContain("%util");
    }

    @Test
    void fullCommandsCutInTheMiddleOnANarrowScreenWithoutDelayAccounting() throws IOException {
        LiveState s = new LiveState();
        s.fullCommand = true;
        assertGolden(text(render(s, 72, 10, report(false), false)), "live-narrow-nodelay.txt");
    }

    @Test
    void aRecordingWithoutDelayFiguresSaysSoAndOffersNoCtrlT() {
        LiveState live = new LiveState();
        assertThat(text(render(live, 110, 12, report(false), false))).contains("Delay accounting off")
                .contains("Ctrl-T: turn on");
        LiveState replay = new LiveState();
        replay.replaying();
        assertThat(text(render(replay, 110, 12, report(false), false)))
                .contains("Recorded without delay accounting (kernel.task_delayacct=0): no SWAPIN, IO")
                .doesNotContain("Ctrl-T");
    }

    @Test
    void procfsSaysWhatItCannotReadAndHidesSwapin() throws IOException {
        LiveState s = new LiveState();
        s.swapinKnown(false);
        Report r = report(true).withVisibility(new Visibility(Visibility.Source.PROCFS, 153, 412));
        assertGolden(text(render(s, 100, 12, r, true)), "live-procfs.txt");
    }

    /** p and g cannot make a recording's threads into processes: the screen and its key help stay with threads. */
    @Test
    void aRecordingKeepsTheKindOfRowItHolds() {
        LiveState s = new LiveState();
        s.replaying();
        KeyHandler.handle(s, Key.ch('g'), 10, 0);
        KeyHandler.handle(s, Key.ch('g'), 10, 0);
        s.listed(report(false));
        assertThat(s.kind()).isEqualTo(GroupKind.THREAD);
        assertThat(text(render(s, 110, 12, report(false), false))).contains("p: procs").contains("  TID ");
        // A recording of processes: p finds no threads, and g goes from the last group kind to processes.
        s.kind = GroupKind.POD;
        KeyHandler.handle(s, Key.ch('g'), 10, 0);
        s.listed(report(false).withKind(GroupKind.PROCESS));
        assertThat(s.kind()).isEqualTo(GroupKind.PROCESS);
        KeyHandler.handle(s, Key.ch('p'), 10, 0);
        s.listed(report(false).withKind(GroupKind.PROCESS));
        assertThat(s.kind()).isEqualTo(GroupKind.PROCESS);
        assertThat(text(render(s, 110, 12, report(false).withKind(GroupKind.PROCESS), false))).contains("p: threads");
    }

    @Test
    void measuringBeforeTheFirstInterval() throws IOException {
        assertGolden(text(render(new LiveState(), 80, 8, null, true)), "live-measuring.txt");
    }

    /** Containers, one with its cgroup's own counters; the processes of the one opened. */
    private static Report containers() {
        Group counted = new Group("0123456789ab", 3, 65534).withDevice(CgroupHierarchy.BLKIO,
                new IoCounts(0, 96_000_000, 0, 900, 0, 0), 1.0);
        List<Row> rows = List.of(
                new Row(0, 0, 65534, 49_115_000, 91_960_000, 0, 170.55, activity(0, false), null, counted),
                new Row(0, 0, -1, 0, 4_194_304, 0, 0, activity(0, false), null, new Group("-", 2, -1)));
        return new Report(0, 1_000_000_000L, true, false, true, 49_115_000, 96_154_304, 65_900_000, 108_970_000,
                -1, rows, GroupKind.CONTAINER);
    }

    @Test
    void containersWithTheirCgroupsCountersShownAndOneOpened() throws IOException {
        LiveState s = new LiveState();
        s.kind = GroupKind.CONTAINER;
        KeyHandler.handle(s, Key.ch('k'), 10, 0);
        LabelSource groups = (row, processes) -> new TaskLabels(TaskPriority.GROUP,
                row.group().oneUser() ? "nobody" : "*", row.group().tasks() + " processes");
        s.delayAccounting(true);
        Report r = groups.label(containers());
        s.listed(r);
        LiveScreen.Frame f = new LiveScreen(s, new LiveScreen.Geometry(110, 9, 5), SizeStyle.IOTOP, 1.0, 0).render(r);
        assertGolden(text(f), "live-containers.txt");
        KeyHandler.handle(s, Key.of(Key.Kind.ENTER), 10, 0);
        assertThat(s.openGroup()).isEqualTo("0123456789ab");
        assertGolden(text(render(s, 110, 9, report(true), true)), "live-container-opened.txt");
        KeyHandler.handle(s, Key.of(Key.Kind.ESCAPE), 10, 0);
        assertThat(s.openGroup()).isNull();
    }

    @Test
    void helpWindow() throws IOException {
        LiveState s = new LiveState();
        KeyHandler.handle(s, Key.ch('?'), 10, 0);
        assertGolden(text(render(s, 110, 34, report(true), true)), "live-help.txt");
    }

    @Test
    void aHelpScreenTooLongForTheTerminalShowsWhereItIs() {
        LiveState s = new LiveState();
        KeyHandler.handle(s, Key.ch('?'), 10, 0);
        LiveScreen.Frame f = render(s, 110, 14, report(true), true);
        List<String> help = HelpScreen.text(110);
        List<String> lines = f.lines().stream().map(AttributedString::toString).toList();
        assertThat(lines).hasSize(14);
        int first = lines.indexOf(help.getFirst());
        assertThat(first).isPositive();
        int shown = f.pageRows();
        assertThat(lines.subList(first, first + shown)).isEqualTo(help.subList(0, shown));
        assertThat(lines.get(first + shown)).isEqualTo("lines 1-" + shown + " of " + help.size()
                + ": up/down, PgUp/PgDn, Home/End scroll; any other key closes");
        KeyHandler.handle(s, Key.of(Key.Kind.END), f.pageRows(), 0);
        lines = render(s, 110, 14, report(true), true).lines().stream().map(AttributedString::toString).toList();
        assertThat(lines.get(first + shown - 1)).as("the last help line").isEqualTo(help.getLast());
        assertThat(lines.get(first + shown)).startsWith("lines " + (help.size() - shown + 1) + "-" + help.size());
    }

    @Test
    void withEveryColumnHiddenTheTitleSaysHowToShowThem() {
        LiveState s = new LiveState();
        for (org.jiotop.output.Column c : org.jiotop.output.Column.values()) {
            s.hidden.add(c);
        }
        assertThat(render(s, 100, 12, report(true), true).lines().stream().map(Object::toString))
                .anyMatch(l -> l.startsWith(" every column hidden: 0 shows them"));
        KeyHandler.handle(s, Key.ch('0'), 10, 0);
        assertThat(render(s, 100, 12, report(true), true).lines().stream().map(Object::toString))
                .noneMatch(l -> l.contains("every column hidden"));
    }

    @Test
    void ioniceDialogsReplaceTheCurrentLine() {
        LiveState s = new LiveState();
        KeyHandler.handle(s, Key.ch('i'), 10, 0);
        KeyHandler.handle(s, Key.ch('8'), 10, 0);
        assertThat(render(s, 100, 12, report(true), true).lines().get(1).toString())
                .isEqualTo("TID to ionice: 8_");
        KeyHandler.handle(s, Key.of(Key.Kind.ENTER), 10, 0);
        AttributedString picker = render(s, 100, 12, report(true), true).lines().get(1);
        assertThat(picker.toString())
                .isEqualTo("I/O class for 8:   Real-time   Best-effort   Idle   (arrows, Enter, Esc)");
        int chosen = picker.toString().indexOf("Best-effort");
        assertThat(sgr(picker, chosen)).contains("7");
        LiveState wide = new LiveState();
        KeyHandler.handle(wide, Key.ch('i'), 10, 0);
        for (char digit : "4194304".toCharArray()) {
            KeyHandler.handle(wide, Key.ch(digit), 10, 0);
        }
        KeyHandler.handle(wide, Key.of(Key.Kind.ENTER), 10, 0);
        assertThat(render(wide, 80, 12, report(true), true).lines().get(1).toString()).as("the largest TID at 80")
                .endsWith("(arrows, Enter, Esc)");
    }

    @Test
    void typedTextIsShownWithoutHalfCharactersOrControls() {
        LiveState s = new LiveState();
        KeyHandler.handle(s, Key.ch('/'), 10, 0);
        KeyHandler.handle(s, Key.ch('x'), 10, 0);
        KeyHandler.handle(s, Key.ch('\uD83D'), 10, 0);
        assertThat(render(s, 100, 12, report(true), true).lines().get(1).toString()).endsWith(": x_");
        KeyHandler.handle(s, Key.ch('\uDE00'), 10, 0);
        assertThat(render(s, 100, 12, report(true), true).lines().get(1).toString()).endsWith(": x\uD83D\uDE00_");
        KeyHandler.handle(s, Key.ch('\u009b'), 10, 0);
        assertThat(render(s, 100, 12, report(true), true).lines().get(1).toString())
                .endsWith(": x\uD83D\uDE00\\u009b_");
    }

    /** A regular expression longer than the room its prompt leaves: its end and the cursor stay in sight. */
    @Test
    void theEndOfLongTypedTextStaysOnScreen() {
        LiveState s = new LiveState();
        KeyHandler.handle(s, Key.ch('/'), 10, 0);
        for (char c : "kworker|jbd2|java|postgres".toCharArray()) {
            KeyHandler.handle(s, Key.ch(c), 10, 0);
        }
        for (int width : new int[]{80, 40, 20}) {
            String line = render(s, width, 12, report(true), true).lines().get(1).toString();
            assertThat(line).as("%d columns", width).endsWith("postgres_").startsWith("Filter");
            assertThat(DisplayWidth.of(line)).as("%d columns", width).isLessThanOrEqualTo(width);
        }
        assertThat(render(s, 100, 12, report(true), true).lines().get(1).toString())
                .isEqualTo("Filter by regular expression over TID and command (empty for none): "
                        + "kworker|jbd2|java|postgres_");
        assertThat(render(s, 80, 12, report(true), true).lines().get(1).toString())
                .isEqualTo("Filter by regular expression over TID and command: kworker|jbd2|java|postgres_");
        assertThat(render(s, 40, 12, report(true), true).lines().get(1).toString())
                .isEqualTo("Filter by regular: \u2026|jbd2|java|postgres_");
    }

    /** The key help never cuts a hint, and keeps the one that leads to all the others, at any width. */
    @Test
    void theKeyHelpLeavesOutWholeHintsAndKeepsH() {
        LiveState s = new LiveState();
        for (String keys : new String[]{"", "oapc"}) {
            for (char c : keys.toCharArray()) {
                KeyHandler.handle(s, Key.ch(c), 10, 0);
            }
            for (int width = 40; width <= 130; width++) {
                List<String> lines = render(s, width, 12, report(false), false).lines().stream()
                        .map(AttributedString::toString).toList();
                String keyLine = lines.get(lines.size() - 2);
                assertThat(keyLine).as("%d columns", width).startsWith("  keys:  q: quit").endsWith(" h: help");
                assertThat(lines.getLast()).as("%d columns", width).matches("  sort: ( [^ ]+: [a-zA-Z -]*[a-zA-Z])+");
            }
        }
    }

    @Test
    void scrollingStopsAtTheLastPage() {
        LiveState s = new LiveState();
        s.scroll = 100;
        LiveScreen.Frame f = render(s, 100, 8, report(true), true);
        assertThat(s.scroll).isEqualTo(4 - f.pageRows());
        assertThat(f.lines().get(3).toString()).startsWith(" 8961 ");
    }

    @Test
    void coloursFollowTheWaitingShareAndCanBeTurnedOff() {
        LiveState s = new LiveState();
        AttributedString busy = render(s, 100, 12, report(true), true).lines().get(3);
        int io = busy.toString().indexOf("55.50");
        assertThat(sgr(busy, io)).anyMatch(code -> code.startsWith("3"));
        s.color = false;
        busy = render(s, 100, 12, report(true), true).lines().get(3);
        assertThat(sgr(busy, io)).noneMatch(code -> code.startsWith("3"));
    }

    @Test
    void middleCut() {
        assertThat(LiveScreen.middleCut("abcdefghij", 20)).isEqualTo("abcdefghij");
        assertThat(LiveScreen.middleCut("abcdefghij", 5)).isEqualTo("ab~ij");
        assertThat(LiveScreen.middleCut("abcdefghij", 6)).isEqualTo("abc~ij");
        // Wide characters stay whole; a space makes up the column they could not fill.
        assertThat(LiveScreen.middleCut("甲乙丙丁戊己庚辛", 8)).isEqualTo("甲乙~辛 ");
        assertThat(LiveScreen.middleCut("甲乙丙丁戊己庚辛", 9)).isEqualTo("甲乙~庚辛");
        assertThat(LiveScreen.middleCut("甲乙丙丁戊己庚辛", 10)).isEqualTo("甲乙~庚辛 ");
    }

    @Test
    void middleCutKeepsClustersWholeAtEveryWidth() {
        for (String text : WideRows.COMMANDS) {
            for (int width = 8; width < DisplayWidth.of(text); width++) {
                String cut = LiveScreen.middleCut(text, width);
                assertThat(DisplayWidth.of(cut)).as("%s at %d", text, width).isEqualTo(width);
                WideRows.assertNoLoneSurrogate(cut);
                String head = cut.substring(0, cut.indexOf('~'));
                String tail = cut.substring(cut.indexOf('~') + 1).stripTrailing();
                assertThat(text).startsWith(head).endsWith(tail);
                assertThat(WideRows.isClusterBoundary(text, head.length())).as("head of %s at %d", text, width).isTrue();
                assertThat(WideRows.isClusterBoundary(text, text.length() - tail.length()))
                        .as("tail of %s at %d", text, width).isTrue();
            }
        }
    }

    @Test
    void wideCharactersAreCutByColumnsAtSeveralWidths() throws IOException {
        StringBuilder screens = new StringBuilder();
        for (int width : new int[]{72, 80, 81, 99, 110}) {
            LiveState s = new LiveState();
            s.fullCommand = true;
            LiveScreen.Frame f = new LiveScreen(s, new LiveScreen.Geometry(width, 12, 5), SizeStyle.IOTOP, 1.0, 0)
                    .render(WideRows.SOURCE.label(WideRows.report()));
            screens.append("--- ").append(width).append(" columns\n").append(text(f));
            for (AttributedString line : f.lines()) {
                WideRows.assertNoLoneSurrogate(line.toString());
            }
            // The title bar and every row (each command is too long for any of these widths) end at the edge.
            for (AttributedString line : f.lines().subList(2, 3 + WideRows.COMMANDS.size())) {
                assertThat(DisplayWidth.of(line)).as("%d columns: %s", width, line).isEqualTo(width);
            }
        }
        assertGolden(screens.toString(), "live-wide.txt");
    }

    @Test
    void sevenDigitIdsStayInLine() throws IOException {
        LiveState s = new LiveState();
        s.sortKey = org.jiotop.model.SortKey.ID;
        List<Row> rows = List.of(
                new Row(4194303, 4194303, 0, 0, 1_048_576, 0, 0, activity(4194303, false)),
                new Row(8961, 8961, 65534, 0, 91_960_000, 0, 15.05, activity(8961, false)),
                new Row(1, 1, 0, 0, 0, 0, 0, activity(1, false)));
        Report r = new Report(0, 1_000_000_000L, false, false, true, 0, 92_000_000, 0, 92_000_000, -1, rows);
        LabelSource labels = (row, processes) -> row.id() == 4194303
                ? new TaskLabels(TaskPriority.of(new IoPriority(IoPriority.CLASS_BE, 4)), "root", "kworker/u16:3", "kworker/u16:3") : SOURCE.labels(row, processes);
        LiveScreen.Frame f = new LiveScreen(s, new LiveScreen.Geometry(100, 9, 7), SizeStyle.IOTOP, 1.0, 0)
                .render(labels.label(r));
        assertGolden(text(f), "live-pidmax7.txt");
        int prio = f.lines().get(2).toString().indexOf("PRIO");
        for (AttributedString row : f.lines().subList(3, 6)) {
            assertThat(row.toString().substring(prio - 1, prio + 5)).matches(" [ a-z/0-9-]{4} ");
        }
        // pid_max raised since the start: the column grows to the longest ID.
        LiveScreen.Frame raised = new LiveScreen(s, new LiveScreen.Geometry(100, 9, 5), SizeStyle.IOTOP, 1.0, 0)
                .render(labels.label(r));
        assertThat(text(raised)).isEqualTo(text(f));
    }

    /** A writer (8961) that writes for 4 intervals, stops for 3 and writes again, beside a steady reader (8970). */
    private static List<Report> startStopStart() {
        long[] written = {0, 8, 8, 8, 8, 0, 0, 0, 4, 8, 8};
        List<Report> reports = new java.util.ArrayList<>();
        for (int i = 0; i < written.length; i++) {
            long w = written[i] * 1_048_576;
            IoDelta writes = new IoDelta(0, w, 0, 0, 0);
            IoDelta reads = new IoDelta(2_097_152, 0, 0, 0, 0);
            List<Row> rows = List.of(
                    new Row(8961, 8961, 65534, 0, w, 0, 0, new TaskActivity(
                            new TaskSample(8961, 8961, 1, 0, 0, false, 0, 0, 0, 0, 0), writes, writes, 0)),
                    new Row(8970, 8961, 65534, 2_097_152, 0, 0, 0, new TaskActivity(
                            new TaskSample(8970, 8961, 1, 0, 0, false, 0, 0, 0, 0, 0), reads, reads, 0)));
            reports.add(new Report((i + 1) * 1_000_000_000L, 1_000_000_000L, false, false, false, 2_097_152, w,
                    2_097_152, w, -1, rows));
        }
        return reports;
    }

    @Test
    void graphsShowAWriterThatStartsStopsAndStartsAgain() throws IOException {
        StringBuilder screens = new StringBuilder();
        for (boolean ascii : new boolean[]{false, true}) {
            LiveState s = new LiveState();
            s.ascii = ascii;
            LiveScreen.Frame f = null;
            for (Report r : startStopStart()) {
                f = render(s, 110, 8, r, false);
            }
            screens.append("--- ").append(ascii ? "ascii" : "unicode").append('\n').append(text(f));
            KeyHandler.handle(s, Key.ch('s'), 10, 0);
            screens.append("--- s: read only\n").append(text(render(s, 110, 8, startStopStart().getLast(), false)));
        }
        assertGolden(screens.toString(), "live-graph.txt");
    }

    @Test
    void theGraphsTitleShowsItsScaleWholeOrNotAtAll() {
        List<SizeStyle> styles = List.of(SizeStyle.IOTOP, new SizeStyle(true, 1024, 2), new SizeStyle(false, 1000, 2),
                new SizeStyle(false, 1024, 10));
        int shown = 0;
        for (SizeStyle sizes : styles) {
            for (List<Report> reports : List.of(List.of(report(false)), startStopStart())) {
                LiveState s = new LiveState();
                for (int source = 0; source < 3; source++) {
                    for (int width = 60; width <= 200; width++) {
                        LiveScreen.Frame f = null;
                        for (Report r : reports) {
                            s.record(r);
                            f = new LiveScreen(s, new LiveScreen.Geometry(width, 8, 5), sizes, 1.0, 0)
                                    .render(SOURCE.label(r));
                        }
                        String title = f.lines().stream().map(AttributedString::toString)
                                .filter(l -> l.contains(" USER ")).findFirst().orElseThrow();
                        // The scale is the title line's only figure: any digit outside a whole one is a cut.
                        assertThat(title.replaceAll("\\d+(\\.\\d\\d)? [BKMGTPE]/s", ""))
                                .as("%s at %d columns", sizes, width).doesNotContainPattern("\\d");
                        shown += title.matches(".* (R\\+W|R|W) \\d+ [BKMGTPE]/s .*") ? 1 : 0;
                    }
                    KeyHandler.handle(s, Key.ch('s'), 10, 0);
                }
            }
        }
        assertThat(shown).as("titles with a whole-number scale").isPositive();
    }

    @Test
    void theGraphColumnHidesWithItsKeyAndWhenTheScreenIsTooNarrow() {
        LiveState s = new LiveState();
        assertThat(render(s, 110, 8, report(false), false).lines().get(3).toString()).contains("R+W");
        KeyHandler.handle(s, Key.ch('8'), 10, 0);
        assertThat(render(s, 110, 8, report(false), false).lines().get(3).toString()).doesNotContain("R+W");
        KeyHandler.handle(s, Key.ch('8'), 10, 0);
        assertThat(render(s, 60, 8, report(false), false).lines().get(3).toString()).doesNotContain("R+W");
    }
}
