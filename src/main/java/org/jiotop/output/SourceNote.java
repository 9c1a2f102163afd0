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
        String mode = switch (v.why()) {
            case REFUSED -> "not root: ";
            case ASKED -> "--procfs: ";
            case ABSENT -> "no taskstats: ";
        };
        String processes = v.processes() + (v.processes() == 1 ? " process" : " processes");
        if (v.unreadable() == 0) {
            return mode + (v.processes() == 1 ? "" : "all ") + processes
                    + " readable (exited tasks count through their parents)";
        }
        String unread = mode + v.unreadable() + " of " + processes + " not readable";
        return switch (v.why()) {
            case REFUSED -> unread + "; run as root for all";
            case ASKED -> unread + "; run without --procfs for all";
            case ABSENT -> unread;
        };
    }
}
