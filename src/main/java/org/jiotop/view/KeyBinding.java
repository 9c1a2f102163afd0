package org.jiotop.view;

import org.jiotop.model.GroupKind;
import org.jiotop.model.ReportSettings.Figures;
import org.jiotop.model.SortKey;
import org.jiotop.output.Column;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The live view's key table, each key once: the keys that press it, its line on the help screen,
 * its word in the key help at the bottom, and what it does. The help screen and {@link KeyHandler}
 * both come from here. Ctrl-C, which quits from within dialogs too, Ctrl-L, which repaints under
 * dialogs too, and Ctrl-Z, which the terminal turns into a signal, are listed here but carried out
 * before the table is asked.
 */
enum KeyBinding {
    QUIT("q Q Ctrl-C", "quit", "qQ" + Key.CTRL_C) {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            return new Command.Quit();
        }

        @Override
        String hint(LiveState s, String key) {
            return "quit";
        }
    },
    SORT("left right", "sort by the previous / next column (" + delayColumns() + " need delay accounting)", "",
            Key.Kind.LEFT, Key.Kind.RIGHT) {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            moveSort(s, k.kind() == Key.Kind.RIGHT ? 1 : -1);
            return Command.REDRAW;
        }

        /** The column a step left or right would sort by, {@code -} at an end. */
        @Override
        String hint(LiveState s, String key) {
            List<Column> cols = s.sortableColumns();
            int at = cols.indexOf(Column.of(s.effectiveSort()));
            boolean left = key.equals("left");
            // A hidden sort column: a step goes to the last or first shown column, as moveSort does.
            int next = at < 0 ? (left ? cols.size() - 1 : 0) : left ? at - 1 : at + 1;
            return next >= 0 && next < cols.size() ? cols.get(next).title(s.kind) : "-";
        }
    },
    REVERSE("r", "reverse the sort order", "rR") {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            s.descending = !s.descending;
            return Command.REDRAW;
        }

        @Override
        String hint(LiveState s, String key) {
            return s.descending ? "asc" : "desc";
        }
    },
    ONLY("o", "only tasks doing I/O / all tasks", "oO") {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            s.only = !s.only;
            return Command.REDRAW;
        }

        @Override
        String hint(LiveState s, String key) {
            return s.only ? "all" : "active";
        }
    },
    PROCESSES("p", "one row per process / per thread (measures afresh)", "pP") {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            s.kind = s.kind.processes() ? GroupKind.THREAD : GroupKind.PROCESS;
            s.openGroup = null;
            s.scroll = 0;
            return new Command.Remeasure();
        }

        @Override
        String hint(LiveState s, String key) {
            return s.kind.processes() ? "threads" : "procs";
        }
    },
    GROUP("g", "one row per " + String.join(", ", GroupKind.words()) + ": the next", "gG") {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            s.kind = s.kind.next();
            s.openGroup = null;
            s.scroll = 0;
            return new Command.Remeasure();
        }
    },
    OPEN_GROUP("Enter", "show the processes of the group on the top line", "", Key.Kind.ENTER) {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            if (s.openGroup == null && s.scroll < s.groupRows.size()) {
                s.openGroup = s.groupRows.get(s.scroll);
                s.scroll = 0;
            }
            return Command.REDRAW;
        }
    },
    CLOSE_GROUP("Esc Backspace", "back from a group's processes to the groups", "", Key.Kind.ESCAPE,
            Key.Kind.BACKSPACE) {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            s.openGroup = null;
            s.scroll = 0;
            return Command.REDRAW;
        }
    },
    ACCUMULATED("a", "I/O accumulated since first seen / bandwidth", "a") {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            s.figures = s.figures == Figures.ACCUMULATED ? Figures.BANDWIDTH : Figures.ACCUMULATED;
            return Command.REDRAW;
        }

        @Override
        String hint(LiveState s, String key) {
            return s.figures == Figures.BANDWIDTH ? "accum" : "bandwidth";
        }
    },
    ACCUMULATED_BANDWIDTH("A", "accumulated I/O per second since first seen / bandwidth", "A") {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            s.figures = s.figures == Figures.ACCUMULATED_BANDWIDTH ? Figures.BANDWIDTH : Figures.ACCUMULATED_BANDWIDTH;
            return Command.REDRAW;
        }
    },
    FULL_COMMAND("c", "full command lines / short names", "cC") {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            s.fullCommand = !s.fullCommand;
            return Command.REDRAW;
        }

        @Override
        String hint(LiveState s, String key) {
            return s.fullCommand ? "short names" : "full command";
        }
    },
    COLUMN(columnKeys(), "hide or show a column: " + columnNames(), columnChars()) {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            Column c = Column.ofKey(k.ch());
            if (!s.hidden.remove(c)) {
                s.hidden.add(c);
            }
            return Command.REDRAW;
        }

        @Override
        String hint(LiveState s, String key) {
            return "columns";
        }
    },
    GRAPH_SOURCE("s", "graph read and written bytes, read, or written: the next", "sS") {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            s.graphSource = s.graphSource.next();
            return Command.REDRAW;
        }
    },
    ALL_COLUMNS("0", "show all columns", "0") {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            s.hidden.clear();
            return Command.REDRAW;
        }
    },
    DEVICES("d", "show or hide the block devices' panel (iostat -x figures, busiest first)", "dD") {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            return new Command.ToggleDevices();
        }
    },
    LINE("up down", "scroll by a line", "", Key.Kind.UP, Key.Kind.DOWN) {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            s.scroll = k.kind() == Key.Kind.UP ? Math.max(0, s.scroll - 1) : s.scroll + 1;
            return Command.REDRAW;
        }
    },
    PAGE("PgUp PgDn", "scroll by a page", "", Key.Kind.PAGE_UP, Key.Kind.PAGE_DOWN) {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            int page = Math.max(1, pageRows);
            s.scroll = k.kind() == Key.Kind.PAGE_UP ? Math.max(0, s.scroll - page) : s.scroll + page;
            return Command.REDRAW;
        }
    },
    ENDS("Home End", "go to the first / last row", "", Key.Kind.HOME, Key.Kind.END) {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            s.scroll = k.kind() == Key.Kind.HOME ? 0 : Integer.MAX_VALUE / 2;
            return Command.REDRAW;
        }
    },
    FILTER("f", "show only the tasks of a user, or of a process (PID)", "fF") {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            s.dialog = new Dialog.Prompt(Dialog.Purpose.FILTER, s.filterText(), 0, 0);
            return Command.REDRAW;
        }

        @Override
        String hint(LiveState s, String key) {
            return "filter";
        }
    },
    SEARCH("/", "show only tasks whose TID or command matches a regular expression", "/") {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            s.dialog = new Dialog.Prompt(Dialog.Purpose.SEARCH, s.search == null ? "" : s.search.pattern(), 0, 0);
            return Command.REDRAW;
        }

        @Override
        String hint(LiveState s, String key) {
            return "search";
        }
    },
    IONICE("i", "ionice: set the I/O priority of a thread (in process mode: of all its threads)", "iI") {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            s.dialog = new Dialog.Prompt(Dialog.Purpose.IONICE_ID, "", 0, 0);
            return Command.REDRAW;
        }

        @Override
        String hint(LiveState s, String key) {
            return "ionice";
        }
    },
    DELAY_ACCOUNTING("Ctrl-T", "turn delay accounting (kernel.task_delayacct) on or off (root)",
            String.valueOf(Key.CTRL_T)) {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            return new Command.ToggleDelayAccounting();
        }
    },
    SAVE("W", "save the current settings to the config file", "W") {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            return new Command.SaveSettings();
        }
    },
    /** {@link LiveView} repaints every cell on the next frame, whatever it believes is on screen. */
    REPAINT("Ctrl-L", "redraw the whole screen", String.valueOf(Key.CTRL_L)) {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            return Command.REDRAW;
        }
    },
    /** The terminal raises SIGTSTP for it; {@link LiveView} suspends. */
    SUSPEND("Ctrl-Z", "suspend to the shell (fg comes back)", "") {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            return Command.REDRAW;
        }
    },
    HELP("h ?", "this help", "hH?") {
        @Override
        Command act(LiveState s, Key k, int pageRows) {
            s.dialog = new Dialog.Help(0);
            return Command.REDRAW;
        }

        @Override
        String hint(LiveState s, String key) {
            return "help";
        }
    };

    /** The key help at the bottom of the screen: a binding and the key word it is shown with. */
    record Hint(KeyBinding binding, String key) {
    }

    static final List<Hint> KEYS_LINE = List.of(new Hint(QUIT, "q"), new Hint(IONICE, "i"), new Hint(ONLY, "o"),
            new Hint(PROCESSES, "p"), new Hint(ACCUMULATED, "a"), new Hint(FILTER, "f"), new Hint(SEARCH, "/"),
            new Hint(HELP, "h"));
    static final List<Hint> SORT_LINE = List.of(new Hint(REVERSE, "r"), new Hint(SORT, "left"),
            new Hint(SORT, "right"), new Hint(COLUMN, "1-9"), new Hint(FULL_COMMAND, "c"));

    private static final KeyBinding[] ALL = values();

    /** As the help screen names the keys. */
    final String keyNames;
    final String help;
    /** The characters that press it. */
    private final String chars;
    private final Key.Kind[] kinds;

    KeyBinding(String keyNames, String help, String chars, Key.Kind... kinds) {
        this.keyNames = keyNames;
        this.help = help;
        this.chars = chars;
        this.kinds = kinds;
    }

    abstract Command act(LiveState s, Key k, int pageRows);

    /** Its word in the key help at the bottom, shown with {@code key}; only for those in a hint line. */
    String hint(LiveState s, String key) {
        throw new UnsupportedOperationException(name() + " has no hint");
    }

    boolean presses(Key k) {
        return k.kind() == Key.Kind.CHAR ? chars.indexOf(k.ch()) >= 0 : List.of(kinds).contains(k.kind());
    }

    /** The binding {@code k} presses, or null for a key that does nothing. */
    static KeyBinding of(Key k) {
        for (KeyBinding b : ALL) {
            if (b.presses(k)) {
                return b;
            }
        }
        return null;
    }

    /** Left/right over the visible columns, stopping at the ends; a new column sorts its own way. */
    private static void moveSort(LiveState s, int step) {
        List<Column> cols = s.sortableColumns();
        if (cols.isEmpty()) {
            return;
        }
        int at = cols.indexOf(Column.of(s.effectiveSort()));
        if (at < 0) {
            at = step > 0 ? -1 : cols.size();
        }
        SortKey next = cols.get(Math.clamp(at + step, 0, cols.size() - 1)).sortKey;
        if (next != s.effectiveSort()) {
            s.sortKey = next;
            s.descending = next.descendingByDefault();
        }
    }

    /** The keys of the columns, which toggle them. */
    private static String columnChars() {
        StringBuilder b = new StringBuilder();
        for (Column c : Column.values()) {
            b.append(c.key);
        }
        return b.toString();
    }

    /** The columns in the order of their keys, digits first. */
    private static List<Column> byKey() {
        return Stream.of(Column.values()).sorted(Comparator.comparing(c -> c.key)).toList();
    }

    /** The column keys, runs as ranges: {@code 1-9, k-m, x-y}. */
    private static String columnKeys() {
        List<Column> cols = byKey();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cols.size(); ) {
            int j = i;
            while (j + 1 < cols.size() && cols.get(j + 1).key == cols.get(j).key + 1) {
                j++;
            }
            b.append(b.isEmpty() ? "" : ", ").append(cols.get(i).key).append(j > i ? "-" + cols.get(j).key : "");
            i = j + 1;
        }
        return b.toString();
    }

    /** The titles of the columns that need delay accounting: {@code SWAPIN and IO}. */
    private static String delayColumns() {
        List<String> titles = new ArrayList<>();
        for (Column c : Column.values()) {
            if (c.needsDelayAccounting()) {
                titles.add(c.title(false));
            }
        }
        String last = titles.removeLast();
        return titles.isEmpty() ? last : String.join(", ", titles) + " and " + last;
    }

    /** The columns by key: {@code 1 ID, …, 9 COMMAND, k CGROUP}. */
    private static String columnNames() {
        StringBuilder b = new StringBuilder();
        for (Column c : byKey()) {
            b.append(b.isEmpty() ? "" : ", ").append(c.key).append(' ').append(c.name());
        }
        return b.toString();
    }
}
