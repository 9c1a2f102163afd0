package org.jiotop.view;

import org.jiotop.output.DisplayWidth;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The help screen wrapped to the screen's width: nothing of it lost, nothing wider than the screen. */
class HelpScreenTest {
    private static List<String> words(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.addAll(Arrays.stream(line.strip().split(" +")).filter(w -> !w.isEmpty()).toList());
        }
        return out;
    }

    @Test
    void atEveryWidthEveryWordIsThereInOrderAndNoLineIsWider() {
        List<String> words = words(HelpScreen.text());
        for (int width = 8; width <= 200; width++) {
            List<String> wrapped = HelpScreen.text(width);
            for (String line : wrapped) {
                assertThat(DisplayWidth.of(line)).as("%d: %s", width, line).isLessThanOrEqualTo(width);
            }
            // A word longer than the room a line has is cut in two, not lost.
            assertThat(String.join("", words(wrapped))).as("at %d columns", width)
                    .isEqualTo(String.join("", words));
            if (width >= 40) {
                assertThat(words(wrapped)).as("at %d columns", width).isEqualTo(words);
            }
        }
    }

    @Test
    void aLongLineGoesOnUnderItsDescriptionWithAColumnsKeyNextToItsName() {
        List<String> help = HelpScreen.text(80);
        int at = help.indexOf("  1-9, k-m, x-y     hide or show a column: 1 ID, 2 PRIO, 3 USER, 4 READ,");
        assertThat(at).isPositive();
        assertThat(help.subList(at + 1, at + 4)).containsExactly(
                " ".repeat(20) + "5 WRITE, 6 SWAPIN, 7 IO, 8 GRAPH, 9 COMMAND, k CGROUP,",
                " ".repeat(20) + "l READ_CHARS, m WRITE_CHARS, x READ_SYSCALLS,",
                " ".repeat(20) + "y WRITE_SYSCALLS");
        assertThat(help.get(at + 4)).startsWith("  s ");
        // Lines that fit are as they were.
        assertThat(HelpScreen.text(200)).isEqualTo(HelpScreen.text());
    }

    @Test
    void scrollingGoesByTheWrappedLines() {
        int width = 60;
        int lines = 10;
        List<String> help = HelpScreen.text(width);
        assertThat(help.size()).isGreaterThan(HelpScreen.text().size());
        int last = HelpScreen.topMax(lines, width);
        assertThat(last).isEqualTo(help.size() - (lines - 1));
        List<AttributedString> end = HelpScreen.lines(lines, Integer.MAX_VALUE, width);
        assertThat(end).hasSize(lines);
        assertThat(end.get(lines - 2).toString()).isEqualTo(help.getLast());
        assertThat(end.getLast().toString()).startsWith("lines " + (last + 1) + "-" + help.size() + " of " + help.size());
        assertThat(HelpScreen.topMax(help.size(), width)).isZero();
    }
}
