package org.jiotop.cli;

import org.jiotop.linux.SafeText;
import org.jline.utils.InfoCmp;
import org.jline.utils.InfoCmp.Capability;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.function.Function;

/**
 * The terminal type the live view is drawn for, chosen from {@code TERM} before the terminal is
 * opened, or why there is no live view on this terminal.
 *
 * <p>A terminal that cannot move its cursor ({@code TERM=dumb}: Emacs' shell buffer, an editor's
 * output pane, a serial console) cannot show a screen that is redrawn in place; frames would
 * scroll past, colour codes and all, and keys would wait for Enter. jiotop then prints batch
 * output, as it does when its output is not a terminal: scrolling text is what such a terminal
 * shows well, and Ctrl-C or {@code -n} end it.
 *
 * <p>A type this machine has no description of is nearly always a terminal emulator whose own
 * entry was not installed here (kitty, Alacritty, Ghostty or foot over ssh), and all of them
 * understand xterm's sequences. Rather than refuse the live view, or let JLine print a warning with
 * a stack trace, the view is drawn for {@value #FALLBACK}, without a word: nothing the user needs
 * to act on.
 */
record TerminalType(String name, String refusal) {
    static final String FALLBACK = "xterm-256color";

    /**
     * @param term         the value of {@code TERM}, or null
     * @param capabilities the terminfo description of a type, or null when there is none
     */
    static TerminalType choose(String term, Function<String, String> capabilities) {
        if (term == null || term.isBlank()) {
            return new TerminalType(FALLBACK, null);
        }
        String caps = capabilities.apply(term);
        if (caps == null) {
            return new TerminalType(FALLBACK, null);
        }
        Map<Capability, String> strings = new HashMap<>();
        InfoCmp.parseInfoCmp(caps, new HashSet<>(), new HashMap<>(), strings);
        if (!strings.containsKey(Capability.cursor_address) && !strings.containsKey(Capability.cursor_up)) {
            return new TerminalType(term, "the terminal (TERM=" + SafeText.escape(term) + ") cannot move its cursor");
        }
        return new TerminalType(term, null);
    }
}
