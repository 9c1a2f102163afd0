package org.jiotop.output;

import org.jiotop.linux.Visibility;

/**
 * The one wording, for batch text and the live view, of what counters read from /proc leave out:
 * the processes this user may not read (counted, never shown as idle rows). Exited tasks count
 * only through their parents' /proc/PID/io, which the README and --help say.
 */
public final class SourceNote {
    private SourceNote() {
    }

    /** The note under the summary lines, or null when the counters come from taskstats. */
    public static String of(Visibility v) {
        if (!v.procfs()) {
            return null;
        }
        String mode = v.asked() ? "--procfs: " : "not root: ";
        if (v.unreadable() == 0) {
            return mode + "all " + v.processes() + " processes readable (exited tasks count through their parents)";
        }
        return mode + v.unreadable() + " of " + v.processes() + " processes not readable; run "
                + (v.asked() ? "without --procfs" : "as root") + " for all";
    }
}
