package org.jiotop.view;

import org.jiotop.linux.IoPriority;
import org.jiotop.model.ReportSettings.Figures;
import org.jiotop.model.SortKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyHandlerTest {
    private final LiveState s = new LiveState();

    private Command press(Key k) {
        return KeyHandler.handle(s, k, 10, 0);
    }

    private Command type(String text) {
        Command last = null;
        for (char c : text.toCharArray()) {
            last = press(c == '\n' ? Key.of(Key.Kind.ENTER) : Key.ch(c));
        }
        return last;
    }

    @Test
    void backspaceTakesAWholeCharacterTypedAsTwoChars() {
        type("/a\uD83D\uDE00");
        assertThat(((Dialog.Prompt) s.dialog()).text()).isEqualTo("a\uD83D\uDE00");
        press(Key.of(Key.Kind.BACKSPACE));
        assertThat(((Dialog.Prompt) s.dialog()).text()).isEqualTo("a");
        type("e\u0301");
        press(Key.of(Key.Kind.BACKSPACE));
        assertThat(((Dialog.Prompt) s.dialog()).text()).isEqualTo("a");
        press(Key.of(Key.Kind.BACKSPACE));
        press(Key.of(Key.Kind.BACKSPACE));
        assertThat(((Dialog.Prompt) s.dialog()).text()).isEmpty();
    }

    @Test
    void leftAndRightWalkTheColumnsAndStopAtTheEnds() {
        assertThat(s.sortKey()).isEqualTo(SortKey.IO);
        press(Key.of(Key.Kind.RIGHT));
        assertThat(s.sortKey()).isEqualTo(SortKey.COMMAND);
        assertThat(s.descending()).isFalse();
        press(Key.of(Key.Kind.RIGHT));
        assertThat(s.sortKey()).isEqualTo(SortKey.COMMAND);
        for (int i = 0; i < 10; i++) {
            press(Key.of(Key.Kind.LEFT));
        }
        assertThat(s.sortKey()).isEqualTo(SortKey.ID);
    }

    @Test
    void withoutDelayAccountingSwapinAndIoAreSkipped() {
        s.delayAccounting = false;
        assertThat(s.effectiveSort()).isEqualTo(SortKey.WRITE);
        press(Key.of(Key.Kind.RIGHT));
        assertThat(s.sortKey()).isEqualTo(SortKey.COMMAND);
        press(Key.of(Key.Kind.LEFT));
        assertThat(s.sortKey()).isEqualTo(SortKey.WRITE);
        press(Key.of(Key.Kind.LEFT));
        assertThat(s.sortKey()).isEqualTo(SortKey.READ);
    }

    @Test
    void hiddenColumnsAreSkippedToo() {
        press(Key.ch('9'));
        press(Key.of(Key.Kind.RIGHT));
        assertThat(s.sortKey()).isEqualTo(SortKey.IO);
        press(Key.ch('0'));
        assertThat(s.hidden()).isEmpty();
    }

    @Test
    void togglesAndQuit() {
        press(Key.ch('r'));
        assertThat(s.descending()).isFalse();
        press(Key.ch('o'));
        assertThat(s.only()).isTrue();
        press(Key.ch('a'));
        assertThat(s.figures()).isEqualTo(Figures.ACCUMULATED);
        press(Key.ch('A'));
        assertThat(s.figures()).isEqualTo(Figures.ACCUMULATED_BANDWIDTH);
        press(Key.ch('c'));
        assertThat(s.fullCommand()).isTrue();
        press(Key.ch('3'));
        assertThat(s.hidden()).as("the columns python iotop lacks start hidden").containsExactlyInAnyOrder(
                org.jiotop.output.Column.USER, org.jiotop.output.Column.CGROUP, org.jiotop.output.Column.READ_SYSCALLS,
                org.jiotop.output.Column.WRITE_SYSCALLS, org.jiotop.output.Column.READ_CHARS,
                org.jiotop.output.Column.WRITE_CHARS);
        press(Key.ch('x'));
        assertThat(s.hidden()).as("x shows the read system calls").doesNotContain(org.jiotop.output.Column.READ_SYSCALLS);
        assertThat(press(Key.ch('p'))).isInstanceOf(Command.Remeasure.class);
        assertThat(s.processes()).isTrue();
        assertThat(press(Key.ch(Key.CTRL_T))).isInstanceOf(Command.ToggleDelayAccounting.class);
        assertThat(press(Key.ch('W'))).isInstanceOf(Command.SaveSettings.class);
        assertThat(press(Key.ch('q'))).isInstanceOf(Command.Quit.class);
        assertThat(press(Key.ch(Key.CTRL_C))).isInstanceOf(Command.Quit.class);
    }

    @Test
    void scrolling() {
        press(Key.of(Key.Kind.PAGE_DOWN));
        assertThat(s.scroll).isEqualTo(10);
        press(Key.of(Key.Kind.UP));
        assertThat(s.scroll).isEqualTo(9);
        press(Key.of(Key.Kind.HOME));
        assertThat(s.scroll).isZero();
        press(Key.of(Key.Kind.PAGE_UP));
        assertThat(s.scroll).isZero();
    }

    @Test
    void helpWindowClosesOnAnyKeyWithoutActing() {
        press(Key.ch('h'));
        assertThat(s.dialog()).isInstanceOf(Dialog.Help.class);
        assertThat(press(Key.ch('q'))).isEqualTo(Command.REDRAW);
        assertThat(s.dialog()).isNull();
    }

    @Test
    void aHelpScreenTooLongForTheTerminalScrollsThenCloses() {
        int lines = 8; // rows of 7 and the title line
        int size = HelpScreen.text(s.width).size();
        int last = size - (lines - 1);
        KeyHandler.handle(s, Key.ch('h'), lines - 1, 0);
        KeyHandler.handle(s, Key.of(Key.Kind.UP), lines - 1, 0);
        assertThat(s.dialog()).isEqualTo(new Dialog.Help(0));
        KeyHandler.handle(s, Key.of(Key.Kind.DOWN), lines - 1, 0);
        assertThat(s.dialog()).isEqualTo(new Dialog.Help(1));
        KeyHandler.handle(s, Key.ch(' '), lines - 1, 0);
        assertThat(s.dialog()).isEqualTo(new Dialog.Help(1 + lines - 1));
        KeyHandler.handle(s, Key.of(Key.Kind.END), lines - 1, 0);
        assertThat(s.dialog()).isEqualTo(new Dialog.Help(last));
        KeyHandler.handle(s, Key.of(Key.Kind.PAGE_DOWN), lines - 1, 0);
        assertThat(s.dialog()).isEqualTo(new Dialog.Help(last));
        KeyHandler.handle(s, Key.of(Key.Kind.HOME), lines - 1, 0);
        assertThat(s.dialog()).isEqualTo(new Dialog.Help(0));
        assertThat(KeyHandler.handle(s, Key.ch('q'), lines - 1, 0)).isEqualTo(Command.REDRAW);
        assertThat(s.dialog()).isNull();
    }

    @Test
    void aHelpScreenThatFitsClosesOnAnArrowToo() {
        KeyHandler.handle(s, Key.ch('h'), 100, 0);
        KeyHandler.handle(s, Key.of(Key.Kind.DOWN), 100, 0);
        assertThat(s.dialog()).isNull();
    }

    @Test
    void ioniceDialogAsksIdClassAndLevel() {
        press(Key.ch('i'));
        type("12x3");
        assertThat(((Dialog.Prompt) s.dialog()).text()).isEqualTo("123");
        press(Key.of(Key.Kind.BACKSPACE));
        type("4\n");
        assertThat(s.dialog()).isEqualTo(new Dialog.ClassPicker(124, 1));
        press(Key.of(Key.Kind.LEFT));
        press(Key.of(Key.Kind.ENTER));
        assertThat(s.dialog()).isEqualTo(new Dialog.Prompt(Dialog.Purpose.IONICE_LEVEL, "", 124, IoPriority.CLASS_RT));
        assertThat(type("3\n")).isEqualTo(new Command.Ionice(124, false, new IoPriority(IoPriority.CLASS_RT, 3)));
        assertThat(s.dialog()).isNull();
    }

    @Test
    void ioniceIdleNeedsNoLevelAndBadInputIsSaid() {
        press(Key.ch('i'));
        type("7\n");
        press(Key.of(Key.Kind.RIGHT));
        press(Key.of(Key.Kind.RIGHT));
        assertThat(press(Key.of(Key.Kind.ENTER))).isEqualTo(Command.REDRAW);
        assertThat(type("\n")).isEqualTo(new Command.Ionice(7, false, new IoPriority(IoPriority.CLASS_IDLE, 0)));
        press(Key.ch('i'));
        type("\n");
        assertThat(s.message(0)).isEqualTo("Invalid thread id!");
        press(Key.ch('i'));
        type("7\n");
        press(Key.of(Key.Kind.ENTER));
        type("9\n");
        assertThat(s.message(0)).isEqualTo("Invalid I/O priority level (0-7)!");
        press(Key.ch('i'));
        press(Key.of(Key.Kind.ESCAPE));
        assertThat(s.dialog()).isNull();
    }

    @Test
    void aDigitTypedAfterChoosingIdleStaysInTheDialog() {
        press(Key.ch('i'));
        type("7\n");
        press(Key.of(Key.Kind.RIGHT));
        press(Key.of(Key.Kind.RIGHT));
        press(Key.of(Key.Kind.ENTER));
        assertThat(type("6")).isEqualTo(Command.REDRAW);
        assertThat(s.hidden()).isEqualTo(new LiveState().hidden());
        assertThat(s.dialog()).isEqualTo(new Dialog.Prompt(Dialog.Purpose.IONICE_LEVEL, "", 7, IoPriority.CLASS_IDLE));
        assertThat(type("\n")).isEqualTo(new Command.Ionice(7, false, new IoPriority(IoPriority.CLASS_IDLE, 0)));
        assertThat(s.dialog()).isNull();
        press(Key.ch('W'));
        assertThat(s.hidden()).isEqualTo(new LiveState().hidden());
    }

    @Test
    void theFilterPromptOpensWithTheFilterInEffect() {
        press(Key.ch('f'));
        assertThat(((Dialog.Prompt) s.dialog()).text()).isEmpty();
        type("42\n");
        press(Key.ch('f'));
        assertThat(((Dialog.Prompt) s.dialog()).text()).isEqualTo("42");
        press(Key.of(Key.Kind.ESCAPE));
        s.filterByUser(65534, "nobody");
        press(Key.ch('f'));
        assertThat(((Dialog.Prompt) s.dialog()).text()).isEqualTo("nobody");
    }

    @Test
    void filterByPidOrUserAndSearch() {
        press(Key.ch('f'));
        type("42\n");
        assertThat(s.filterPid()).isEqualTo(42);
        press(Key.ch('f'));
        press(Key.of(Key.Kind.BACKSPACE));
        press(Key.of(Key.Kind.BACKSPACE));
        assertThat(type("nobody\n")).isEqualTo(new Command.FilterUser("nobody"));
        s.filterByUser(65534, "nobody");
        press(Key.ch('f'));
        for (int i = 0; i < 6; i++) {
            press(Key.of(Key.Kind.BACKSPACE));
        }
        type("\n");
        assertThat(s.filterPid()).isNull();
        press(Key.ch('/'));
        type("^py.*load\n");
        assertThat(s.search().pattern()).isEqualTo("^py.*load");
        press(Key.ch('/'));
        for (int i = 0; i < 20; i++) {
            press(Key.of(Key.Kind.BACKSPACE));
        }
        type("(\n");
        assertThat(s.message(0)).startsWith("Invalid regular expression");
        assertThat(s.search().pattern()).isEqualTo("^py.*load");
    }
}
