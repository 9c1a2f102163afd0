package org.jiotop.view;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The key table: what the handler does and what the help screen lists are the same keys. */
class KeyBindingTest {
    /** Every key the decoder can produce: each char below 128 and each special key. */
    private static List<Key> everyKey() {
        List<Key> keys = new ArrayList<>();
        for (char c = 0; c < 128; c++) {
            keys.add(Key.ch(c));
        }
        for (Key.Kind kind : Key.Kind.values()) {
            if (kind != Key.Kind.CHAR) {
                keys.add(Key.of(kind));
            }
        }
        return keys;
    }

    private static LiveState state() {
        LiveState s = new LiveState();
        s.scroll = 5;
        s.hidden.add(org.jiotop.output.Column.USER);
        // Among groups, so that Enter has a group to open and Esc one to close.
        s.kind = org.jiotop.model.GroupKind.CONTAINER;
        s.groupRows = List.of("a", "b", "c", "d", "e", "f");
        return s;
    }

    /** What a key can change, as text. A state some way in, so that every key has something to change. */
    private static String snapshot(LiveState s) {
        return s.sortKey + " " + s.descending + " " + s.only + " " + s.kind + " " + s.openGroup + " " + s.figures + " "
                + s.fullCommand + " " + s.hidden + " " + s.scroll + " " + s.dialog + " " + s.search + " " + s.filterPid + " "
                + s.devices + " " + s.graphSource;
    }

    @Test
    void aKeyDoesSomethingExactlyWhenTheTableHasItAndEachKeyIsInOneBinding() {
        String untouched = snapshot(state());
        Set<KeyBinding> pressed = EnumSet.noneOf(KeyBinding.class);
        for (Key k : everyKey()) {
            LiveState s = state();
            Command c = KeyHandler.handle(s, k, 10, 0);
            boolean acts = !c.equals(Command.REDRAW) || !snapshot(s).equals(untouched);
            KeyBinding b = KeyBinding.of(k);
            // Ctrl-L is carried out by the view itself (LiveViewTerminalTest): here it only redraws.
            assertThat(acts).as("%s acts, bound to %s", k, b).isEqualTo(b != null && b != KeyBinding.REPAINT);
            if (b != null) {
                pressed.add(b);
                assertThat(EnumSet.allOf(KeyBinding.class).stream().filter(x -> x.presses(k))).as("%s", k).hasSize(1);
            }
        }
        // Ctrl-Z is the terminal's: it never reaches the handler as a key.
        assertThat(EnumSet.complementOf(EnumSet.copyOf(pressed))).containsExactly(KeyBinding.SUSPEND);
    }

    @Test
    void theHelpScreenListsEveryBindingOnceInTableOrder() {
        List<String> help = HelpScreen.text();
        List<String> entries = help.subList(2, help.subList(2, help.size()).indexOf("") + 2);
        assertThat(entries).hasSize(KeyBinding.values().length);
        for (int i = 0; i < entries.size(); i++) {
            KeyBinding b = KeyBinding.values()[i];
            assertThat(entries.get(i)).startsWith("  " + b.keyNames + " ").endsWith(" " + b.help);
        }
        // Then the replay's keys, under their heading.
        List<String> replay = help.subList(help.indexOf(ReplayKey.HEADING) + 1, help.size() - 2);
        assertThat(replay).hasSize(ReplayKey.values().length);
        for (int i = 0; i < replay.size(); i++) {
            ReplayKey r = ReplayKey.values()[i];
            assertThat(replay.get(i)).startsWith("  " + r.keyNames + " ").endsWith(" " + r.help);
        }
    }

    @Test
    void theGroupAndSortHelpNameWhatTheModelHas() {
        assertThat(KeyBinding.GROUP.help).isEqualTo("one row per thread, process, user, cgroup, unit, container, pod:"
                + " the next").contains(String.join(", ", org.jiotop.model.GroupKind.words()));
        assertThat(KeyBinding.SORT.help).endsWith("(SWAPIN and IO need delay accounting)");
    }

    @Test
    void theColumnKeysComeFromTheColumnSchema() {
        assertThat(KeyBinding.COLUMN.keyNames).isEqualTo("1-9, k-m, x-y");
        assertThat(KeyBinding.COLUMN.help).endsWith("1 ID, 2 PRIO, 3 USER, 4 READ, 5 WRITE, 6 SWAPIN, 7 IO, 8 GRAPH,"
                + " 9 COMMAND, k CGROUP, l READ_CHARS, m WRITE_CHARS, x READ_SYSCALLS, y WRITE_SYSCALLS");
        assertThat(KeyBinding.of(Key.ch('k'))).isEqualTo(KeyBinding.COLUMN);
        assertThat(KeyBinding.of(Key.ch('8'))).isEqualTo(KeyBinding.COLUMN);
    }

    @Test
    void withTheSortColumnHiddenTheHintsNameWhereLeftAndRightGo() {
        for (String key : List.of("left", "right")) {
            LiveState s = new LiveState();
            s.sortKey = org.jiotop.model.SortKey.IO;
            s.hidden.add(org.jiotop.output.Column.IO);
            String hinted = KeyBinding.SORT.hint(s, key);
            KeyHandler.handle(s, Key.of(key.equals("left") ? Key.Kind.LEFT : Key.Kind.RIGHT), 10, 0);
            assertThat(hinted).as(key).isNotEqualTo("-")
                    .isEqualTo(org.jiotop.output.Column.of(s.sortKey).title(s.kind));
        }
    }
}
