package org.jiotop.output;

import org.jiotop.linux.Visibility;

/**
 * The one wording, for batch text and the live view, of what counters read from /proc leave out:
 * the processes this user may not read (counted, never shown as idle rows). Exited tasks count
 * only through their parents' /proc/PID/io, which the README and --help say: per process or group,
 * not per thread, where a thread's last I/O leaves with it.
 */
public final class SourceNote {
    private SourceNote() {
    }

    /**
     * The note under the summary lines of a report per process or group ({@code processes}) or per
     * thread, or null when the counters come from taskstats.
     */
    public static String of(Visibility v, boolean processes) {
        if (!v.procfs()) {
            return null;
        }
        String mode = switch (v.why()) {
            case REFUSED -> "not root: ";
            case ASKED -> "--procfs: ";
            case ABSENT -> "no taskstats: ";
        };
        String counted = v.processes() + (v.processes() == 1 ? " process" : " processes");
        if (v.unreadable() == 0) {
            return mode + (v.processes() == 1 ? "" : "all ") + counted + " readable (exited tasks count "
                    + (processes ? "" : "only with -P, ") + "through their parents)";
        }
        String unread = mode + v.unreadable() + " of " + counted + " not readable";
        return switch (v.why()) {
            case REFUSED -> unread + "; run as root for all";
            case ASKED -> unread + "; run without --procfs for all";
            case ABSENT -> unread;
        };
    }
}
