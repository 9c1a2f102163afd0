package org.jiotop.view;

import org.jiotop.linux.IoPriority;
import org.jiotop.model.DeviceRates;
import org.jiotop.model.DeviceTracker;
import org.jiotop.model.GroupKind;
import org.jiotop.model.Report;
import org.jiotop.model.Row;
import org.jiotop.linux.SafeText;
import org.jiotop.model.SortKey;
import org.jiotop.linux.TaskLabels;
import org.jiotop.output.Cells;
import org.jiotop.output.Column;
import org.jiotop.output.DevicePanel;
import org.jiotop.output.DisplayWidth;
import org.jiotop.output.SizeStyle;
import org.jiotop.output.SourceNote;
import org.jiotop.output.SummaryLines;
import org.jiotop.output.Text;
import org.jiotop.output.Units;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws one frame of the live view, python iotop's screen: the Total and Current lines (or the
 * prompt of a dialog in place of Current), notes, the title bar with the sort column marked, the
 * rows cut to the width (long commands shortened in the middle, so start and end stay readable),
 * and the key help at the bottom. Pure: what it shows comes from its arguments.
 */
public final class LiveScreen {
    private static final AttributedStyle TITLE = AttributedStyle.INVERSE;
    private static final AttributedStyle EXITED = AttributedStyle.DEFAULT.faint();

    /**
     * The lines to show, how many rows fit on one page, and the scroll position it drew them from
     * (the state's, kept within the rows; unchanged while no rows are drawn), for the caller to keep;
     * and the width it was drawn at.
     */
    public record Frame(List<AttributedString> lines, int pageRows, int scroll, int width) {
    }

    /** The size of the screen, and the digits of kernel.pid_max (the least width of the ID column). */
    public record Geometry(int width, int height, int idWidth) {
    }

    private final LiveState s;
    private final Geometry g;
    private final SizeStyle sizes;
    private final double delaySeconds;
    private final long now;
    /** The visible columns, fixed for one frame (set when rendering starts). */
    private List<Column> columns;
    /** The ID column's width in this frame. */
    private int idWidth;
    /** The first row drawn in this frame. */
    private int scroll;
    /** The GRAPH column's width in this frame (0 when it is not drawn). */
    private int graphWidth;
    /** The graphs of the rows drawn in this frame, or null. */
    private Graphs graphs;

    public LiveScreen(LiveState state, Geometry geometry, SizeStyle sizes, double delaySeconds, long nowNanos) {
        this.s = state;
        this.g = geometry;
        this.sizes = sizes;
        this.delaySeconds = delaySeconds;
        this.now = nowNanos;
    }

    /** @param report the latest report, or null while the first interval is being measured */
    public Frame render(Report report) {
        scroll = s.scroll;
        idWidth = Column.idWidth(g.idWidth(), report);
        columns = framedColumns();
        String[] summary = {SummaryLines.total(report, sizes), SummaryLines.current(report, sizes)};
        if (report != null) {
            summary = Graphs.header(summary[0], summary[1], s, g.width(), sizes);
        }
        List<AttributedString> top = new ArrayList<>();
        top.add(plain(summary[0]));
        top.add(s.dialog instanceof Dialog.Prompt || s.dialog instanceof Dialog.ClassPicker
                ? dialogLine() : plain(summary[1]));
        if (report != null && report.lostExitReports() > 0) {
            top.add(plain(SummaryLines.lostExitReports(report.lostExitReports())));
        }
        String note = report == null ? null : SourceNote.of(report.visibility(), report.processes());
        if (note != null) {
            top.add(plain(note));
        }
        if (!s.delayAccounting) {
            top.add(new AttributedString(s.replaying
                    ? "Recorded without delay accounting (kernel.task_delayacct=0): no SWAPIN, IO"
                    : "Delay accounting off (kernel.task_delayacct=0): no SWAPIN, IO. Ctrl-T: turn on",
                    AttributedStyle.BOLD));
        }
        String filters = filters();
        if (filters != null) {
            top.add(plain(filters));
        }
        List<AttributedString> bottom = new ArrayList<>();
        String message = s.message(now);
        if (message != null) {
            bottom.add(new AttributedString(message, AttributedStyle.INVERSE));
        }
        if (s.keyHelp) {
            bottom.addAll(KeyHelp.lines(s, g.width()));
        }
        // Small screens keep the rows: notes and key help go first.
        while (top.size() + bottom.size() + 2 > g.height() && !bottom.isEmpty()) {
            bottom.removeLast();
        }
        while (top.size() + 2 > g.height() && top.size() > 1) {
            top.removeLast();
        }
        if (s.devices) {
            // The tasks keep at least half of what is left below the title.
            top.addAll(devicePanel((g.height() - top.size() - bottom.size() - 1) / 2));
        }
        int pageRows = Math.max(0, g.height() - top.size() - bottom.size() - 1);
        List<AttributedString> lines = new ArrayList<>(top);
        if (s.dialog instanceof Dialog.Help h) {
            lines.addAll(HelpScreen.lines(pageRows + 1, h.top(), g.width()));
        } else {
            List<AttributedString> rows = rows(report, pageRows);
            lines.add(title(report == null ? s.kind : report.kind()));
            lines.addAll(rows);
        }
        while (lines.size() < g.height() - bottom.size()) {
            lines.add(AttributedString.EMPTY);
        }
        lines.addAll(bottom);
        List<AttributedString> cut = new ArrayList<>(lines.size());
        for (AttributedString line : lines.subList(0, Math.min(lines.size(), g.height()))) {
            cut.add(fit(line, g.width()));
        }
        return new Frame(cut, pageRows, scroll, g.width());
    }

    /**
     * The visible columns, less GRAPH when the screen has too little room for it; sets the graph's
     * width for this frame.
     */
    private List<Column> framedColumns() {
        List<Column> shown = new ArrayList<>(s.visibleColumns());
        int fixed = 0;
        for (Column c : shown) {
            if (c != Column.GRAPH && !c.takesTheRest()) {
                fixed += c.width(idWidth) + 1;
            }
        }
        graphWidth = shown.contains(Column.GRAPH) ? Graphs.width(g.width(), fixed) : 0;
        if (graphWidth == 0) {
            shown.remove(Column.GRAPH);
        }
        return shown;
    }

    /**
     * {@code line} cut to {@code width} columns in whole clusters; when a wide character does not
     * fit in the last column, a space takes its place so that the line still ends at the edge.
     */
    static AttributedString fit(AttributedString line, int width) {
        if (DisplayWidth.of(line) <= width) {
            return line;
        }
        AttributedString head = line.subSequence(0, DisplayWidth.prefixEnd(line, width));
        int missing = width - DisplayWidth.of(head);
        if (missing == 0) {
            return head;
        }
        AttributedStyle style = head.length() > 0 ? head.styleAt(head.length() - 1) : AttributedStyle.DEFAULT;
        return new AttributedStringBuilder().append(head).append(" ".repeat(missing), style).toAttributedString();
    }

    /** The device panel in at most {@code max} lines, busiest devices first. */
    private List<AttributedString> devicePanel(int max) {
        if (max < 1) {
            return List.of();
        }
        if (s.deviceRows == null) {
            return List.of(plain("  devices: measuring" + (s.ascii ? "..." : "\u2026")));
        }
        List<DeviceRates> busiest = new ArrayList<>(s.deviceRows);
        busiest.sort(DeviceTracker.BUSIEST);
        List<AttributedString> out = new ArrayList<>();
        for (String line : DevicePanel.lines(busiest, max)) {
            out.add(out.isEmpty() ? new AttributedString(line, AttributedStyle.BOLD) : plain(line));
        }
        return out;
    }

    private static AttributedString plain(String s) {
        return new AttributedString(s);
    }

    private AttributedString dialogLine() {
        AttributedStringBuilder b = new AttributedStringBuilder();
        switch (s.dialog) {
            case Dialog.Prompt p -> {
                String label = switch (p.purpose()) {
                    case IONICE_ID -> (s.processes() ? "PID" : "TID") + " to ionice: ";
                    case IONICE_LEVEL -> p.ioClass() == IoPriority.CLASS_IDLE
                            ? "Idle has no level (Enter sets it, Esc cancels): "
                            : "I/O priority level (0-7, 0 is highest): ";
                    case FILTER -> "Filter by user or PID (empty for none): ";
                    case SEARCH -> "Filter by regular expression over TID and command (empty for none): ";
                };
                promptLine(b, label, typed(p.text()));
            }
            case Dialog.ClassPicker c -> {
                // Short enough for 80 columns with a 7-digit TID (pid_max up to 4194304).
                b.append("I/O class for " + c.id() + ": ", AttributedStyle.BOLD);
                String[] names = {"Real-time", "Best-effort", "Idle"};
                for (int i = 0; i < names.length; i++) {
                    b.append(' ').append(" " + names[i] + " ", i == c.index() ? AttributedStyle.INVERSE
                            : AttributedStyle.DEFAULT);
                }
                b.append("  (arrows, Enter, Esc)");
            }
            default -> throw new IllegalStateException(String.valueOf(s.dialog));
        }
        return b.toAttributedString();
    }

    /**
     * A prompt and the text typed after it, kept in sight with the cursor however long it grows:
     * the label gives way to half the line first, then the text loses its start.
     */
    private void promptLine(AttributedStringBuilder b, String label, String text) {
        int room = Math.max(0, g.width() - 1);
        int textRoom = Math.max(room - DisplayWidth.of(label), (room + 1) / 2);
        if (DisplayWidth.of(text) > textRoom) {
            String more = s.ascii ? "..." : "\u2026";
            text = more.concat(text.substring(DisplayWidth.suffixStart(text, textRoom - DisplayWidth.of(more))));
        }
        int labelRoom = room - DisplayWidth.of(text);
        if (DisplayWidth.of(label) > labelRoom) {
            // Cut at a word, its colon kept, so that the label still reads as one apart from the text.
            String head = DisplayWidth.head(label, labelRoom - 2);
            int word = label.charAt(head.length()) == ' ' ? head.length() : head.lastIndexOf(' ');
            label = labelRoom < 3 ? "" : head.substring(0, word > 0 ? word : head.length()) + ": ";
        }
        b.append(label, AttributedStyle.BOLD).append(text).append("_");
    }

    /**
     * Typed text as it can be shown: a character outside the BMP arrives as two keys, and until
     * the second has come the first is held back rather than sent alone to the terminal; control
     * characters (pasted, say) are escaped as command lines are.
     */
    private static String typed(String text) {
        boolean halfTyped = !text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1));
        return SafeText.escape(halfTyped ? text.substring(0, text.length() - 1) : text);
    }

    private String filters() {
        List<String> parts = new ArrayList<>();
        if (s.filterUid != null) {
            parts.add("user " + s.filterUser);
        }
        if (s.filterPid != null) {
            parts.add((s.processes() ? "PID " : "process ") + s.filterPid);
        }
        if (s.openGroup != null) {
            parts.add(s.kind.word() + " " + s.openGroup);
        }
        if (s.search != null) {
            parts.add("/" + s.search.pattern() + "/");
        }
        return parts.isEmpty() ? null : "Showing only: " + typed(String.join(", ", parts))
                + (s.openGroup != null ? "  (Esc: back to the groups)" : "  (f, / to change)");
    }

    private AttributedString title(GroupKind kind) {
        AttributedStringBuilder b = new AttributedStringBuilder().style(TITLE);
        SortKey sorted = s.effectiveSort();
        String marker = s.ascii ? (s.descending ? ">" : "<") : (s.descending ? "\u25bd" : "\u25b3");
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String text = c == Column.GRAPH ? graphTitle() : c.title(kind);
            int w = c.takesTheRest() ? text.length() + 1 : c == Column.GRAPH ? graphWidth : c.width(idWidth);
            if (c.sortKey == sorted) {
                text = text + marker;
            }
            b.append(Text.aligned(text, w, c.align(kind)), c.sortKey == sorted ? TITLE.bold() : TITLE);
            if (i < columns.size() - 1) {
                b.append(" ", TITLE);
            }
        }
        if (columns.isEmpty()) {
            b.append(" every column hidden: 0 shows them", TITLE);
        }
        int used = DisplayWidth.of(b);
        if (used < g.width()) {
            b.append(" ".repeat(g.width() - used), TITLE);
        }
        return b.toAttributedString();
    }

    private List<AttributedString> rows(Report report, int pageRows) {
        if (report == null) {
            return List.of(plain("  measuring: the first figures come after one full interval ("
                    + Units.fixed2(delaySeconds) + " s)" + (s.ascii ? "..." : "\u2026")));
        }
        List<Row> rows = report.rows();
        scroll = firstShown(s.scroll, rows.size(), pageRows);
        List<AttributedString> out = new ArrayList<>(pageRows);
        Cells cells = new Cells(sizes, !report.accumulated(), s.fullCommand);
        List<Row> page = rows.subList(scroll, Math.min(rows.size(), scroll + pageRows));
        graphs = graphWidth > 0 ? Graphs.of(s, report.kind(), page, graphWidth, sizes) : null;
        for (Row r : page) {
            out.add(row(r, r.shownLabels(), cells, report.kind()));
        }
        if (rows.isEmpty()) {
            out.add(plain(s.only ? "  (no task did any I/O in this interval; o shows all)" : "  (no tasks)"));
        }
        return out;
    }

    /**
     * The rows a frame of {@code height} lines can draw from {@code scroll} among {@code rows}, as
     * {@code [from, to)}: those to label before drawing. A page is never taller than the screen,
     * and scrolling stops where the last page begins.
     */
    public static int[] drawable(int scroll, int rows, int height) {
        return new int[]{Math.max(0, Math.min(scroll, rows - height)), Math.min(rows, scroll + height)};
    }

    /** The first row shown: the scroll position, kept within the rows of a page. */
    static int firstShown(int scroll, int rows, int pageRows) {
        return Math.clamp(scroll, 0, Math.max(0, rows - pageRows));
    }

    private AttributedString row(Row r, TaskLabels l, Cells cells, GroupKind kind) {
        AttributedStyle base = r.activity().exited() ? EXITED : AttributedStyle.DEFAULT;
        AttributedStringBuilder b = new AttributedStringBuilder().style(base);
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String text = c.text(r, l, cells);
            if (c.takesTheRest()) {
                b.append(middleCut(text, Math.max(8, g.width() - DisplayWidth.of(b))), base);
            } else if (c == Column.GRAPH) {
                b.append(graphs.cell(r), base);
            } else {
                double share = c.waitShare(r);
                b.append(Text.aligned(text, c.width(idWidth), c.align(kind)),
                        Double.isNaN(share) ? base : percentStyle(base, share));
            }
            if (i < columns.size() - 1) {
                b.append(" ", base);
            }
        }
        return b.toAttributedString();
    }

    /** GRAPH's title: its source and scale once the rows are drawn, else only its name. */
    private String graphTitle() {
        return graphs != null ? graphs.title() : Column.GRAPH.title(false);
    }

    /** iotop-c's colours for a waiting share: green up to 40 %, magenta to 80 %, red above. */
    private AttributedStyle percentStyle(AttributedStyle base, double percent) {
        if (!s.color || percent <= 10) {
            return base;
        }
        int colour = percent <= 40 ? AttributedStyle.GREEN
                : percent <= 80 ? AttributedStyle.MAGENTA : AttributedStyle.RED;
        return base.foreground(colour);
    }

    /**
     * Cuts the middle out of {@code text} to fit {@code width} columns ({@link DisplayWidth#middle});
     * when wide characters leave the cut text a column short, a space at the end makes the width
     * up, so that a cut command always ends at the screen's edge.
     */
    static String middleCut(String text, int width) {
        if (DisplayWidth.of(text) <= width) {
            return text;
        }
        String cut = DisplayWidth.middle(text, width);
        return cut + " ".repeat(Math.max(0, width - DisplayWidth.of(cut)));
    }
}
