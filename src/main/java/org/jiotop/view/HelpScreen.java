package org.jiotop.view;

import org.jiotop.output.Align;
import org.jiotop.output.Text;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

import java.util.ArrayList;
import java.util.List;

/** The live view's help screen: the key table, scrolled when the terminal is too short for it. */
final class HelpScreen {
    private static final int KEY_NAMES_WIDTH = 18;
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
        out.add("Figures change only once per interval; keys redraw without measuring.");
        return out;
    }

    /**
     * The first line that can be on top in {@code lines} lines: 0 when all of it fits, else so
     * that the last line shows above the line that says where the screen is.
     */
    static int topMax(int lines) {
        return TEXT.size() <= lines ? 0 : Math.max(0, TEXT.size() - Math.max(1, lines - 1));
    }

    /** The help screen in {@code lines} lines from its line {@code top}, with where it is when it does not fit. */
    static List<AttributedString> lines(int lines, int top) {
        List<AttributedString> out = new ArrayList<>();
        boolean fits = TEXT.size() <= lines;
        int from = fits ? 0 : Math.clamp(top, 0, topMax(lines));
        int to = fits ? TEXT.size() : Math.min(TEXT.size(), from + Math.max(0, lines - 1));
        for (String line : TEXT.subList(from, to)) {
            out.add(line.startsWith("Keys") ? new AttributedString(line, AttributedStyle.BOLD)
                    : new AttributedString(line));
        }
        if (!fits && lines > 0) {
            out.add(new AttributedString("lines " + (from + 1) + "-" + to + " of " + TEXT.size()
                    + ": up/down, PgUp/PgDn, Home/End scroll; any other key closes", AttributedStyle.INVERSE));
        }
        return out;
    }
}
