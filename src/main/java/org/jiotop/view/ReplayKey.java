package org.jiotop.view;

/**
 * The keys a live view of a recording ({@code --replay}) takes besides the view's own, each once:
 * the character that presses it, its names and its line on the help screen and the man page. What
 * each does is the replay's (it reads the recording), not the view's.
 */
public enum ReplayKey {
    PLAY(' ', "space", "play or pause"),
    BACK('[', "[", "back one interval"),
    FORWARD(']', "]", "forward one interval"),
    FIRST('{', "{", "the first interval"),
    LAST('}', "}", "the last interval"),
    JUMP('t', "t", "jump to a time typed after it, then Enter: HH:MM[:SS] on the day shown, an ISO date and time,"
            + " or relative to the time shown such as -10m");

    /** What heads the replay's keys on the help screen and in the man page. */
    public static final String HEADING = "Replaying a recording (--replay):";

    final char ch;
    final String keyNames;
    final String help;

    ReplayKey(char ch, String keyNames, String help) {
        this.ch = ch;
        this.keyNames = keyNames;
        this.help = help;
    }

    /** The replay key {@code key} presses, or null. */
    public static ReplayKey of(Key key) {
        if (key.kind() != Key.Kind.CHAR) {
            return null;
        }
        for (ReplayKey r : values()) {
            if (r.ch == key.ch()) {
                return r;
            }
        }
        return null;
    }
}
