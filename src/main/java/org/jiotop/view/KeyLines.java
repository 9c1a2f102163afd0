package org.jiotop.view;

import java.util.ArrayList;
import java.util.List;

/** The live view's keys as its help screen lists them, for documents made outside the view (the man page). */
public record KeyLines(String keys, String help) {
    public static List<KeyLines> all() {
        List<KeyLines> lines = new ArrayList<>();
        for (KeyBinding b : KeyBinding.values()) {
            lines.add(new KeyLines(b.keyNames, b.help));
        }
        return lines;
    }

    /** The keys a replay takes besides those of {@link #all()}. */
    public static List<KeyLines> replay() {
        List<KeyLines> lines = new ArrayList<>();
        for (ReplayKey r : ReplayKey.values()) {
            lines.add(new KeyLines(r.keyNames, r.help));
        }
        return lines;
    }
}
