package org.jiotop.view;

import org.jiotop.output.Align;
import org.jiotop.output.DisplayWidth;
import org.jiotop.output.Text;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

import java.util.ArrayList;
import java.util.List;

/**
 * The live view's help screen: the key table, its lines wrapped to the screen's width, scrolled
 * when the terminal is too short for it.
 */
final class HelpScreen {
    private static final int KEY_NAMES_WIDTH = 18;
    /** Where a key's description starts: its wrapped lines go on there, under it. */
    private static final int TEXT_COLUMN = 2 + KEY_NAMES_WIDTH;
    /** The least room the wrapped lines of a description keep beside the key names. */
    private static final int MIN_TEXT_WIDTH = 30;
    /** Screens narrower than this have no room to spare for indenting. */
    private static final int NARROW = 16;
    private static final List<String> TEXT = text();

    private HelpScreen() {
    }

    /** The help screen's text: the key table, a key's names padded to {@value #KEY_NAMES_WIDTH} columns. */
    static List<String> text() {
        List<String> out = new ArrayList<>();
        out.add("Keys (any key closes this help)");
        out.add("");
        for (KeyBinding b : KeyBinding.values()) {
            out.add("  " + Text.aligned(b.keyNames, KEY_NAMES_WIDTH, Align.LEFT) + b.help);
        }
        out.add("");
        out.add(ReplayKey.HEADING);
        for (ReplayKey r : ReplayKey.values()) {
            out.add("  " + Text.aligned(r.keyNames, KEY_NAMES_WIDTH, Align.LEFT) + r.help);
        }
        out.add("");
        out.add("Figures change only once per interval; keys redraw without measuring.");
        return out;
    }

    /**
     * The help screen's text in lines at most {@code width} columns wide: a longer line goes on in
     * more lines, broken between words and indented, so that what every key does can be read.
     */
    static List<String> text(int width) {
        List<String> out = new ArrayList<>();
        for (String line : TEXT) {
            wrap(line, Math.max(1, width), out);
        }
        return out;
    }

    private static void wrap(String line, int width, List<String> out) {
        // A key's description goes on under itself, or on a narrow screen further in than the keys.
        boolean key = line.startsWith("  ");
        int indent = width < NARROW ? 0 : !key ? 2 : width >= TEXT_COLUMN + MIN_TEXT_WIDTH ? TEXT_COLUMN : 4;
        String rest = line;
        String margin = "";
        int room = width;
        while (DisplayWidth.of(rest) > room) {
            int end = DisplayWidth.prefixEnd(rest, room);
            int cut = breakAt(rest, end);
            if (cut <= 0 || rest.substring(0, cut).isBlank()) {
                // One word longer than the line: cut inside it rather than lose the rest.
                cut = Math.max(end, rest.offsetByCodePoints(0, 1));
            }
            out.add(margin + rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
            margin = " ".repeat(indent);
            room = width - indent;
        }
        out.add(margin + rest);
    }

    /**
     * The last space at or before {@code end} to break {@code text} at, -1 when there is none; not
     * after a word of one character when there is another: a column's key stays with its name.
     */
    private static int breakAt(String text, int end) {
        int any = -1;
        for (int i = end; i > 0; i--) {
            if (text.charAt(i) == ' ' && text.charAt(i - 1) != ' ') {
                if (i < 2 || text.charAt(i - 2) != ' ') {
                    return i;
                }
                any = any < 0 ? i : any;
            }
        }
        return any;
    }

    /**
     * The first line that can be on top in {@code lines} lines of {@code width} columns: 0 when
     * all of it fits, else so that the last line shows above the line that says where the screen is.
     */
    static int topMax(int lines, int width) {
        int size = text(width).size();
        return size <= lines ? 0 : Math.max(0, size - Math.max(1, lines - 1));
    }

    /**
     * The help screen in {@code lines} lines of {@code width} columns from its line {@code top},
     * with where it is when it does not fit.
     */
    static List<AttributedString> lines(int lines, int top, int width) {
        List<String> text = text(width);
        List<AttributedString> out = new ArrayList<>();
        boolean fits = text.size() <= lines;
        int from = fits ? 0 : Math.clamp(top, 0, topMax(lines, width));
        int to = fits ? text.size() : Math.min(text.size(), from + Math.max(0, lines - 1));
        for (String line : text.subList(from, to)) {
            out.add(line.startsWith("Keys") || line.equals(ReplayKey.HEADING)
                    ? new AttributedString(line, AttributedStyle.BOLD)
                    : new AttributedString(line));
        }
        if (!fits && lines > 0) {
            out.add(new AttributedString("lines " + (from + 1) + "-" + to + " of " + text.size()
                    + ": up/down, PgUp/PgDn, Home/End scroll; any other key closes", AttributedStyle.INVERSE));
        }
        return out;
    }
}
