package org.jiotop.view;

import org.jiotop.linux.IoPriority;
import org.jiotop.linux.TaskSample;
import org.jiotop.model.IoDelta;
import org.jiotop.model.LabelSource;
import org.jiotop.model.Report;
import org.jiotop.model.Row;
import org.jiotop.model.TaskActivity;
import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.TaskPriority;
import org.jiotop.output.Column;
import org.jiotop.output.DisplayWidth;
import org.jiotop.output.SizeStyle;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random key bytes into the decoder and the key handler, each followed by a frame as the live view
 * draws it: the view stays within its bounds whatever is typed.
 */
class KeyFuzzTest {
    private static final int ROWS = 40;
    private static final int WIDTH = 90;
    private static final int HEIGHT = 16;

    private static Report report() {
        List<Row> rows = new ArrayList<>();
        for (int id = 1; id <= ROWS; id++) {
            TaskActivity a = new TaskActivity(new TaskSample(id, id, 1, 0, 0, false, 0, 0, 0, 0, 0), IoDelta.ZERO,
                    IoDelta.ZERO, 0, null);
            rows.add(new Row(id, id, id % 3, id * 1000.0, (ROWS - id) * 500.0, id % 7, id % 11, a));
        }
        return new Report(0, 1_000_000_000L, false, false, true, 1, 1, 1, 1, -1, rows);
    }

    private static final LabelSource LABELS = (row, processes) -> new TaskLabels(
            TaskPriority.of(new IoPriority(IoPriority.CLASS_BE, row.id() % 8)), "user" + row.uid(),
            "command-" + row.id() + " --with arguments", "command-" + row.id());

    @Test
    void randomKeysKeepTheViewInBounds() {
        SplittableRandom random = new SplittableRandom(7);
        LiveState state = new LiveState();
        Report report = report();
        int pageRows = HEIGHT;
        for (int i = 0; i < 5_000; i++) {
            int[] bytes = random.ints(1 + random.nextInt(8), 0, 128).toArray();
            int[] at = {1};
            Key key = KeyDecoder.decode(bytes[0], () -> at[0] < bytes.length ? bytes[at[0]++] : KeyDecoder.TIMEOUT);
            Command c = KeyHandler.handle(state, key, pageRows, i);
            assertThat(c).isNotNull();
            assertThat(state.scroll).as("after %s", key).isNotNegative();
            // A remeasure starts without a report, as the live view does. Like the live view, only
            // the rows a frame can draw get labels: drawing one without them would throw.
            int height = 1 + random.nextInt(HEIGHT);
            int[] drawable = LiveScreen.drawable(state.scroll, ROWS, height);
            Report shown = c instanceof Command.Remeasure ? null : LABELS.label(report, drawable[0], drawable[1]);
            LiveScreen.Frame f = new LiveScreen(state, new LiveScreen.Geometry(WIDTH, height, 5), SizeStyle.IOTOP,
                    1.0, i).render(shown);
            state.drawn(f);
            pageRows = f.pageRows();
            assertThat(f.lines()).as("after %s", key).hasSize(height);
            for (AttributedString line : f.lines()) {
                assertThat(DisplayWidth.of(line)).as("after %s: %s", key, line).isLessThanOrEqualTo(WIDTH);
            }
            assertThat(pageRows).isBetween(0, height);
            assertThat(state.scroll).as("after %s", key).isBetween(0, Math.max(0, ROWS - pageRows));
        }
    }
}
