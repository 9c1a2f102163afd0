package org.jiotop.view;

import org.jiotop.linux.IoPriority;
import org.jiotop.model.ReportSettings.Figures;
import org.jiotop.model.SortKey;
import org.jiotop.output.Column;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What each key does to the live view's state. Pure: anything that needs the kernel or the file
 * system comes back as a {@link Command}. Keys never trigger a new sample: figures change only on
 * the refresh clock.
 */
public final class KeyHandler {
    private static final int[] IONICE_CLASSES = {IoPriority.CLASS_RT, IoPriority.CLASS_BE, IoPriority.CLASS_IDLE};
    private static final int MAX_INPUT = 256;

    private KeyHandler() {
    }

    /**
     * @param pageRows how many rows one page holds (for PgUp/PgDn)
     * @param now      monotonic time, for how long messages stay
     */
    public static Command handle(LiveState s, Key k, int pageRows, long now) {
        if (k.is(Key.CTRL_C)) {
            return new Command.Quit();
        }
        return switch (s.dialog) {
            case Dialog.Help h -> {
                s.dialog = null;
                yield Command.REDRAW;
            }
            case Dialog.Prompt p -> prompt(s, p, k, now);
            case Dialog.ClassPicker c -> classPicker(s, c, k);
            case null -> plain(s, k, pageRows);
        };
    }

    private static Command plain(LiveState s, Key k, int pageRows) {
        switch (k.kind()) {
            case LEFT, RIGHT -> moveSort(s, k.kind() == Key.Kind.RIGHT ? 1 : -1);
            case UP -> s.scroll = Math.max(0, s.scroll - 1);
            case DOWN -> s.scroll++;
            case PAGE_UP -> s.scroll = Math.max(0, s.scroll - Math.max(1, pageRows));
            case PAGE_DOWN -> s.scroll += Math.max(1, pageRows);
            case HOME -> s.scroll = 0;
            case END -> s.scroll = Integer.MAX_VALUE / 2;
            case CHAR -> {
                return character(s, k.ch());
            }
            default -> {
                // other keys do nothing
            }
        }
        return Command.REDRAW;
    }

    private static Command character(LiveState s, char c) {
        switch (c) {
            case 'q', 'Q' -> {
                return new Command.Quit();
            }
            case 'r', 'R' -> s.descending = !s.descending;
            case 'o', 'O' -> s.only = !s.only;
            case 'p', 'P' -> {
                s.processes = !s.processes;
                s.scroll = 0;
                return new Command.Remeasure();
            }
            case 'a' -> s.figures = s.figures == Figures.ACCUMULATED ? Figures.BANDWIDTH : Figures.ACCUMULATED;
            case 'A' -> s.figures = s.figures == Figures.ACCUMULATED_BANDWIDTH ? Figures.BANDWIDTH
                    : Figures.ACCUMULATED_BANDWIDTH;
            case 'c', 'C' -> s.fullCommand = !s.fullCommand;
            case '0' -> s.hidden.clear();
            case 'h', 'H', '?' -> s.dialog = new Dialog.Help();
            case 'f', 'F' -> s.dialog = new Dialog.Prompt(Dialog.Purpose.FILTER, "", 0, 0);
            case '/' -> s.dialog = new Dialog.Prompt(Dialog.Purpose.SEARCH,
                    s.search == null ? "" : s.search.pattern(), 0, 0);
            case 'i', 'I' -> s.dialog = new Dialog.Prompt(Dialog.Purpose.IONICE_ID, "", 0, 0);
            case Key.CTRL_T -> {
                return new Command.ToggleDelayAccounting();
            }
            case 'W' -> {
                return new Command.SaveSettings();
            }
            default -> {
                if (c >= '1' && c <= '9' && c != '8') {
                    int n = c - '0';
                    if (!s.hidden.remove(n)) {
                        s.hidden.add(n);
                    }
                }
            }
        }
        return Command.REDRAW;
    }

    /** Left/right over the visible columns, stopping at the ends; a new column sorts its own way. */
    private static void moveSort(LiveState s, int step) {
        List<SortKey> keys = new ArrayList<>();
        for (Column c : Column.values()) {
            if (s.shows(c)) {
                keys.add(c.key);
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        int at = keys.indexOf(s.effectiveSort());
        if (at < 0) {
            at = step > 0 ? -1 : keys.size();
        }
        SortKey next = keys.get(Math.clamp(at + step, 0, keys.size() - 1));
        if (next != s.effectiveSort()) {
            s.sortKey = next;
            s.descending = next.descendingByDefault();
        }
    }

    private static Command prompt(LiveState s, Dialog.Prompt p, Key k, long now) {
        boolean numeric = p.purpose() == Dialog.Purpose.IONICE_ID || p.purpose() == Dialog.Purpose.IONICE_LEVEL;
        switch (k.kind()) {
            case ESCAPE -> s.dialog = null;
            case BACKSPACE -> s.dialog = p.withText(withoutLastCharacter(p.text()));
            case ENTER -> {
                s.dialog = null;
                return complete(s, p, now);
            }
            case CHAR -> {
                char c = k.ch();
                boolean accept = numeric ? c >= '0' && c <= '9' : c >= ' ' && c != 127;
                if (accept && p.text().length() < MAX_INPUT) {
                    s.dialog = p.withText(p.text() + c);
                }
            }
            default -> {
                // arrows and the like do nothing in a text prompt
            }
        }
        return Command.REDRAW;
    }

    private static Command complete(LiveState s, Dialog.Prompt p, long now) {
        String text = p.text().strip();
        switch (p.purpose()) {
            case IONICE_ID -> {
                int id = positive(text);
                if (id <= 0) {
                    s.tell(s.processes ? "Invalid process id!" : "Invalid thread id!", now);
                } else {
                    s.dialog = new Dialog.ClassPicker(id, 1);
                }
            }
            case IONICE_LEVEL -> {
                int level = text.length() == 1 ? text.charAt(0) - '0' : -1;
                if (level < 0 || level > 7) {
                    s.tell("Invalid I/O priority level (0-7)!", now);
                } else {
                    return new Command.Ionice(p.id(), s.processes, new IoPriority(p.ioClass(), level));
                }
            }
            case FILTER -> {
                if (text.isEmpty()) {
                    s.filterUid = null;
                    s.filterUser = null;
                    s.filterPid = null;
                } else if (positive(text) > 0) {
                    s.filterPid = positive(text);
                    s.filterUid = null;
                    s.filterUser = null;
                } else {
                    return new Command.FilterUser(text);
                }
            }
            case SEARCH -> {
                try {
                    s.search = text.isEmpty() ? null : Pattern.compile(text);
                } catch (PatternSyntaxException e) {
                    s.tell("Invalid regular expression: " + e.getDescription(), now);
                }
            }
        }
        s.scroll = 0;
        return Command.REDRAW;
    }

    private static Command classPicker(LiveState s, Dialog.ClassPicker c, Key k) {
        switch (k.kind()) {
            case LEFT -> s.dialog = new Dialog.ClassPicker(c.id(), Math.max(0, c.index() - 1));
            case RIGHT, TAB -> s.dialog = new Dialog.ClassPicker(c.id(), Math.min(2, c.index() + 1));
            case ESCAPE -> s.dialog = null;
            case ENTER -> {
                int ioClass = IONICE_CLASSES[c.index()];
                if (ioClass == IoPriority.CLASS_IDLE) {
                    s.dialog = null;
                    return new Command.Ionice(c.id(), s.processes, new IoPriority(ioClass, 0));
                }
                s.dialog = new Dialog.Prompt(Dialog.Purpose.IONICE_LEVEL, "", c.id(), ioClass);
            }
            case CHAR -> {
                if (k.is('q')) {
                    s.dialog = null;
                }
            }
            default -> {
                // nothing
            }
        }
        return Command.REDRAW;
    }

    /** {@code text} without its last grapheme cluster: a character typed as two chars goes as one. */
    static String withoutLastCharacter(String text) {
        if (text.isEmpty()) {
            return text;
        }
        BreakIterator clusters = BreakIterator.getCharacterInstance();
        clusters.setText(text);
        return text.substring(0, clusters.preceding(text.length()));
    }

    private static int positive(String text) {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        long v = Long.parseLong(text);
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }
}
