package org.jiotop.view;

import org.jiotop.linux.IoPriority;

import java.text.BreakIterator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What each key does to the live view's state: in a dialog the dialog's keys, else those of the
 * {@link KeyBinding} table. Pure: anything that needs the kernel or the file
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
                s.dialog = help(h, k, pageRows + 1, s.width);
                yield Command.REDRAW;
            }
            case Dialog.Prompt p -> prompt(s, p, k, now);
            case Dialog.ClassPicker c -> classPicker(s, c, k);
            case null -> plain(s, k, pageRows);
        };
    }

    /**
     * The help screen after key {@code k}, {@code lines} lines high and {@code width} columns wide:
     * scrolled by the arrows, PgUp/PgDn, space, Home and End when it does not fit; closed (null) by
     * any other key.
     */
    private static Dialog help(Dialog.Help h, Key k, int lines, int width) {
        int last = HelpScreen.topMax(lines, width);
        if (last == 0) {
            return null;
        }
        int page = Math.max(1, lines - 1);
        Integer top = switch (k.kind()) {
            case DOWN -> h.top() + 1;
            case UP -> h.top() - 1;
            case PAGE_DOWN -> h.top() + page;
            case PAGE_UP -> h.top() - page;
            case HOME -> 0;
            case END -> last;
            case CHAR -> k.ch() == ' ' ? h.top() + page : null;
            default -> null;
        };
        return top == null ? null : new Dialog.Help(Math.clamp(top, 0, last));
    }

    private static Command plain(LiveState s, Key k, int pageRows) {
        KeyBinding b = KeyBinding.of(k);
        return b == null ? Command.REDRAW : b.act(s, k, pageRows);
    }

    private static Command prompt(LiveState s, Dialog.Prompt p, Key k, long now) {
        boolean numeric = p.purpose() == Dialog.Purpose.IONICE_ID || p.purpose() == Dialog.Purpose.IONICE_LEVEL;
        // Idle has no level: its step only waits for Enter or Esc, and a digit typed there stays in it.
        boolean typing = !(p.purpose() == Dialog.Purpose.IONICE_LEVEL && p.ioClass() == IoPriority.CLASS_IDLE);
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
                if (accept && typing && p.text().length() < MAX_INPUT) {
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
                    s.tell(s.processes() ? "Invalid process id!" : "Invalid thread id!", now);
                } else {
                    s.dialog = new Dialog.ClassPicker(id, 1);
                }
            }
            case IONICE_LEVEL -> {
                int level = p.ioClass() == IoPriority.CLASS_IDLE ? 0 : text.length() == 1 ? text.charAt(0) - '0' : -1;
                if (level < 0 || level > 7) {
                    s.tell("Invalid I/O priority level (0-7)!", now);
                } else {
                    return new Command.Ionice(p.id(), s.processes(), new IoPriority(p.ioClass(), level));
                }
            }
            case FILTER -> {
                if (text.isEmpty()) {
                    s.filterUid = null;
                    s.filterUser = null;
                    s.filterPid = null;
                    s.openGroup = null;
                } else if (s.kind.grouped() && positive(text) <= 0) {
                    // Among groups, a name that is no PID is a group's label: its processes show.
                    s.openGroup = text;
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
