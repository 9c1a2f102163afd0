package org.jiotop.view;

import org.jiotop.linux.IoPriority;
import org.jiotop.linux.TaskSample;
import org.jiotop.model.IoDelta;
import org.jiotop.model.LabelSource;
import org.jiotop.model.Report;
import org.jiotop.model.ReportBuilder;
import org.jiotop.model.Row;
import org.jiotop.model.SortKey;
import org.jiotop.model.TaskActivity;
import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.TaskPriority;
import org.jiotop.output.BatchFormat;
import org.jiotop.output.Cells;
import org.jiotop.output.Column;
import org.jiotop.output.SizeStyle;
import org.jiotop.output.Text;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Batch text and the live view write each column from its one entry in the schema. */
class ColumnSchemaTest {
    private static final TaskPriority BE0 = TaskPriority.of(new IoPriority(IoPriority.CLASS_BE, 0));
    private static final TaskPriority BE7 = TaskPriority.of(new IoPriority(IoPriority.CLASS_BE, 7));
    private static final TaskPriority RT0 = TaskPriority.of(new IoPriority(IoPriority.CLASS_RT, 0));
    private static final TaskPriority RT7 = TaskPriority.of(new IoPriority(IoPriority.CLASS_RT, 7));
    private static final Map<Integer, TaskPriority> PRIORITIES = Map.of(11, TaskPriority.IDLE, 12, BE7, 13, RT7,
            14, TaskPriority.EXITED, 15, BE0, 16, RT0, 17, TaskPriority.UNKNOWN);
    private static final LabelSource LABELS = (row, processes) -> new TaskLabels(PRIORITIES.get(row.id()),
            "user" + row.id(), "cmd" + row.id() + " --arg", "cmd" + row.id());

    private static Report report() {
        List<Row> rows = new ArrayList<>();
        for (int id = 11; id <= 17; id++) {
            TaskActivity a = new TaskActivity(new TaskSample(id, id, 1, 0, 0, false, 0, 0, 0, 0, 0), IoDelta.ZERO,
                    IoDelta.ZERO, 0, null);
            rows.add(new Row(id, id, 0, id * 4096.0, id * 1024.0, id / 10.0, id / 5.0, a));
        }
        return new Report(0, 1_000_000_000L, false, false, true, 0, 0, 0, 0, -1, rows);
    }

    @Test
    void eachCellIsTheColumnsTextAlignedInItsWidthInBothViews() {
        Report r = report();
        Row row = r.rows().getFirst();
        TaskLabels l = LABELS.labels(row, false);
        int idWidth = Column.idWidth(5, r);
        String batch = new BatchFormat(5, SizeStyle.IOTOP, false, 2).lines(LABELS.label(r), 0, LocalTime::now).get(2);
        LiveState s = new LiveState();
        s.sortKey = SortKey.ID;
        s.descending = false;
        s.fullCommand = true;
        // GRAPH draws from the view's history, not from a cell of the schema.
        s.hidden.add(Column.GRAPH);
        LiveScreen.Frame f = new LiveScreen(s, new LiveScreen.Geometry(120, 20, 5), SizeStyle.IOTOP, 1, 0)
                .render(LABELS.label(r));
        String title = f.lines().get(2).toString();
        String live = f.lines().get(3).toString();
        Cells cells = new Cells(SizeStyle.IOTOP, true, true);
        int at = 0;
        for (Column c : Column.values()) {
            if (c.batch() != Column.Batch.ALWAYS) {
                assertThat(c.hiddenByDefault() || c == Column.GRAPH).as("%s: a column python iotop lacks starts hidden"
                        + " (GRAPH, iotop-c's, shows)", c).isTrue();
                continue;
            }
            String cell = Text.aligned(c.text(row, l, cells), c.width(idWidth), c.align);
            assertThat(batch.substring(at, at + cell.length())).as("batch %s", c).isEqualTo(cell);
            assertThat(live.substring(at, at + cell.length())).as("live %s", c).isEqualTo(cell);
            int titleWidth = c.takesTheRest() ? cell.length() : c.width(idWidth);
            String marked = c.title(false) + (c == Column.ID ? "\u25b3" : "");
            assertThat(title.substring(at, at + titleWidth).strip()).as("title %s", c).isEqualTo(marked);
            at += cell.length() + 1;
        }
        assertThat(at - 1).isEqualTo(batch.length()).isEqualTo(live.stripTrailing().length());
    }

    @Test
    void prioSortsByClassThenLevelWithRowsWithoutOneLast() {
        LiveState s = new LiveState();
        s.sortKey = SortKey.PRIO;
        s.descending = false;
        List<String> shown = new ArrayList<>();
        LiveScreen.Frame f = new LiveScreen(s, new LiveScreen.Geometry(120, 20, 5), SizeStyle.IOTOP, 1, 0)
                .render(sorted(SortKey.PRIO, false));
        for (var line : f.lines().subList(3, 10)) {
            shown.add(line.toString().substring(6, 10).strip());
        }
        // The two without a single priority tie, and ties go by ID: ?err (17) after - (14).
        assertThat(shown).containsExactly("rt/0", "rt/7", "be/0", "be/7", "idle", "-", "?err");
        s.descending = true;
        shown.clear();
        f = new LiveScreen(s, new LiveScreen.Geometry(120, 20, 5), SizeStyle.IOTOP, 1, 0).render(sorted(SortKey.PRIO, true));
        for (var line : f.lines().subList(3, 10)) {
            shown.add(line.toString().substring(6, 10).strip());
        }
        assertThat(shown).containsExactly("-", "?err", "idle", "be/7", "be/0", "rt/7", "rt/0");
    }

    /** The report's rows with their labels, in the order the report builder gives them for {@code key}. */
    private static Report sorted(SortKey key, boolean descending) {
        Report r = LABELS.label(report());
        List<Row> rows = new ArrayList<>(r.rows());
        rows.sort(ReportBuilder.order(key, descending, false));
        return r.withRows(rows);
    }
}
