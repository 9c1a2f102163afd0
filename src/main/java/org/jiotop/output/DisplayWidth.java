package org.jiotop.output;

import org.jline.utils.WCWidth;

import java.text.BreakIterator;

/**
 * How many terminal columns text takes, and where it may be cut. Text is measured and cut in whole
 * grapheme clusters (a base with its combining marks, an emoji with its skin tone or variation
 * selector, emoji joined by ZWJ, the two regional indicators of a flag), so a cut never splits a
 * surrogate pair or separates a mark from its base.
 *
 * <p>A code point is as wide as JLine's Unicode tables say (East Asian wide and fullwidth 2,
 * combining marks 0), which is also how JLine's {@code Display} counts the cursor. Terminals draw
 * emoji sequences differently: tmux and glibc give a skin tone modifier two columns of its own,
 * terminals that honour emoji presentation draw a character with VS16 two columns wide, and some
 * join a ZWJ sequence or a flag into one double-width glyph. A cluster is therefore counted as wide
 * as the widest of these (its code points side by side, a skin tone 2, a VS16 cluster at least 2):
 * a row that fits by this count never runs past the right edge, where the terminal would wrap it
 * and scroll the screen; on a terminal that joins the sequence it ends a column or two short.
 */
public final class DisplayWidth {
    private DisplayWidth() {
    }

    /** The columns {@code text} takes. */
    public static int of(CharSequence text) {
        if (simple(text)) {
            return text.length();
        }
        BreakIterator clusters = clusters(text);
        int width = 0;
        for (int start = clusters.first(), end = clusters.next(); end != BreakIterator.DONE;
             start = end, end = clusters.next()) {
            width += clusterWidth(text, start, end);
        }
        return width;
    }

    /** The end (a char index) of the longest start of {@code text}, in whole clusters, at most {@code columns} wide. */
    public static int prefixEnd(CharSequence text, int columns) {
        if (simple(text)) {
            return Math.clamp(columns, 0, text.length());
        }
        BreakIterator clusters = clusters(text);
        int width = 0;
        int start = clusters.first();
        for (int end = clusters.next(); end != BreakIterator.DONE; start = end, end = clusters.next()) {
            width += clusterWidth(text, start, end);
            if (width > columns) {
                return start;
            }
        }
        return text.length();
    }

    /** The start (a char index) of the longest end of {@code text}, in whole clusters, at most {@code columns} wide. */
    public static int suffixStart(CharSequence text, int columns) {
        if (simple(text)) {
            return text.length() - Math.clamp(columns, 0, text.length());
        }
        BreakIterator clusters = clusters(text);
        int width = 0;
        int end = clusters.last();
        for (int start = clusters.previous(); start != BreakIterator.DONE; end = start, start = clusters.previous()) {
            width += clusterWidth(text, start, end);
            if (width > columns) {
                return end;
            }
        }
        return 0;
    }

    /** The longest start of {@code text} at most {@code columns} wide. */
    public static String head(String text, int columns) {
        return text.substring(0, prefixEnd(text, columns));
    }

    /**
     * {@code text} at most {@code columns} wide: when wider, its start and its end with {@code ~}
     * between them, the start taking half the width, so that texts that differ only at their end (a
     * cgroup's path, a command's last argument) still read apart. Wide characters are kept whole,
     * so a cut text can fall a column short.
     */
    public static String middle(String text, int columns) {
        if (of(text) <= columns) {
            return text;
        }
        String head = head(text, columns / 2);
        return head + "~" + text.substring(suffixStart(text, columns - 1 - of(head)));
    }

    /**
     * Whether every char is a cluster of its own one column wide: printable ASCII and Latin-1, and
     * the Latin letters up to U+02FF (combining marks start at U+0300). Most text is, and needs no
     * cluster breaking.
     */
    private static boolean simple(CharSequence text) {
        // A String's own charAt, which the compiler inlines; the interface's it calls for each char.
        if (text instanceof String s) {
            for (int i = 0, n = s.length(); i < n; i++) {
                if (!simple(s.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            if (!simple(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code c} takes one column and starts a cluster of its own. */
    private static boolean simple(char c) {
        return c >= 0x20 && (c < 0x7f || c >= 0xa0) && c < 0x300;
    }

    private static BreakIterator clusters(CharSequence text) {
        BreakIterator clusters = BreakIterator.getCharacterInstance();
        clusters.setText(text.toString());
        return clusters;
    }

    private static int clusterWidth(CharSequence text, int start, int end) {
        int width = 0;
        boolean emojiPresentation = false;
        for (int i = start; i < end; ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (cp == 0xfe0f) {
                emojiPresentation = true;
            } else if (cp >= 0x1f3fb && cp <= 0x1f3ff) {
                width += 2; // a skin tone modifier
            } else {
                width += Math.max(0, WCWidth.wcwidth(cp));
            }
        }
        return emojiPresentation ? Math.max(2, width) : width;
    }
}
