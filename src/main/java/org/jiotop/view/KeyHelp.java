package org.jiotop.view;

import org.jiotop.output.DisplayWidth;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.ArrayList;
import java.util.List;

/**
 * The key help at the bottom of the live view. A line too wide for the screen leaves out whole
 * hints from its end rather than cut one in the middle, and never the help key's, which lists
 * them all: on an 80-column terminal {@code h: help} would otherwise be the first to go.
 */
final class KeyHelp {
    private KeyHelp() {
    }

    static List<AttributedString> lines(LiveState s, int width) {
        return List.of(line(s, "keys: ", KeyBinding.KEYS_LINE, width), line(s, "sort: ", KeyBinding.SORT_LINE, width));
    }

    private static AttributedString line(LiveState s, String lead, List<KeyBinding.Hint> hints, int width) {
        List<KeyBinding.Hint> shown = new ArrayList<>(hints);
        AttributedString line = draw(s, lead, shown);
        for (int i = shown.size() - 1; i >= 0 && DisplayWidth.of(line) > width; i--) {
            if (shown.get(i).binding() != KeyBinding.HELP) {
                shown.remove(i);
                line = draw(s, lead, shown);
            }
        }
        return line;
    }

    private static AttributedString draw(LiveState s, String lead, List<KeyBinding.Hint> hints) {
        AttributedStringBuilder b = new AttributedStringBuilder().append("  ").append(lead);
        for (KeyBinding.Hint h : hints) {
            b.append(" ").append(h.key(), AttributedStyle.DEFAULT.underline()).append(": ")
                    .append(h.binding().hint(s, h.key()));
        }
        return b.toAttributedString();
    }
}
