package org.jiotop.output;

import org.jiotop.linux.Visibility;

/**
 * The one wording, for batch text and the live view, of what counters read from /proc leave out:
 * the processes this user may not read (counted, never shown as idle rows), and the exited tasks
 * whose I/O reaches no readable parent.
 */
public final class SourceNote {
    private SourceNote() {
    }

    /** The note under the summary lines, or null when the counters come from taskstats. */
    public static String of(Visibility v) {
        if (!v.procfs()) {
            return null;
        }
        String readable = v.unreadable() == 0 ? "all " + v.processes() + " processes readable"
                : v.unreadable() + " of " + v.processes() + " processes not readable";
        return "not root: " + readable + "; exited tasks only through readable parents; run as root for all";
    }
}
