package org.jiotop.cli;

import org.jiotop.output.Column;
import org.jiotop.output.Version;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The text of {@code --help}, from the {@link Option} table, and of {@code --version}. */
final class Help {
    /** What --version prints: a compile-time constant, so that printing it loads no class. */
    static final String VERSION = "jiotop " + Version.NUMBER;
    private static final int WIDTH = 80;
    /** Where the help of each option starts. */
    private static final int INDENT = 24;
    /** What the figures are and whose tasks they cover: the help's words and the man page's. */
    static final String SOURCES = "The first report comes after one full interval, so every figure is a real rate."
            + " Tasks that exit are counted from the kernel's exit reports and marked <exited>. jiotop reads the"
            + " kernel's taskstats interface as root or with CAP_NET_ADMIN; any other user gets the processes /proc"
            + " lets them read (their own; all with both CAP_SYS_PTRACE and CAP_DAC_READ_SEARCH), no SWAPIN, exited"
            + " tasks only through their parents, and a line counting the processes it could not read.";
    /** What each exit status means, the status being the index: the help's words and the man page's. */
    static final List<String> EXIT_STATUS = List.of("done", "cannot run (/proc unreadable, kernel, unknown user) or"
            + " cannot write the output (a full disk)", "a bad option");

    private Help() {
    }

    static String text() {
        StringBuilder b = new StringBuilder("Usage: jiotop [OPTIONS]\n       " + ReportCommand.SYNOPSIS
                + "  (a recording as HTML)\n");
        for (Map.Entry<Set<Mode>, List<Option>> section : sections().entrySet()) {
            String where = Mode.describe(section.getKey());
            b.append('\n').append(where == null ? "Options" : capitalized(where) + " only").append(":\n");
            for (Option o : section.getValue()) {
                option(b, o);
            }
        }
        b.append("\nColumns:\n");
        for (Column c : Column.values()) {
            String title = "  " + c.title(false);
            b.append(title);
            wrap(b, column(c), title.length(), INDENT);
        }
        b.append('\n');
        wrap(b, "Without -b on a terminal, jiotop shows a live view (h or ? lists its keys); its settings"
                + " saved with W live in $XDG_CONFIG_HOME/jiotop/config (or " + ConfigFile.FALLBACK + ") and apply"
                + " to batch mode only with --use-config. An option given where it does not apply is an error.", 0, 0);
        wrap(b, SOURCES, 0, 0);
        StringBuilder status = new StringBuilder("Exit status:");
        for (int i = 0; i < EXIT_STATUS.size(); i++) {
            status.append(i == 0 ? " " : ", ").append(i).append(' ').append(EXIT_STATUS.get(i));
        }
        wrap(b, status.append('.').toString(), 0, 0);
        return b.toString();
    }

    /** What a column shows, and where: the help's words and the man page's. */
    static String column(Column c) {
        StringBuilder b = new StringBuilder(c.description);
        if (c.needsDelayAccounting()) {
            b.append(" (needs delay accounting)");
        }
        switch (c.batch()) {
            case NEVER -> b.append("; live view only").append(c.hiddenByDefault() ? ", shown with key " + c.key : "");
            case ON_REQUEST -> b.append("; the live view shows it with key ").append(c.key)
                    .append(", batch text with --show=").append(c.optionName());
            case ALWAYS -> {
            }
        }
        return b.toString();
    }

    /** The options by where they apply, each group in the table's order, groups as they first come. */
    static Map<Set<Mode>, List<Option>> sections() {
        Map<Set<Mode>, List<Option>> sections = new LinkedHashMap<>();
        for (Option o : Option.values()) {
            sections.computeIfAbsent(o.spec.modes, k -> new ArrayList<>()).add(o);
        }
        return sections;
    }

    /** {@code  -d SEC, --delay=SEC   seconds between reports [1]}, wrapped to the width. */
    private static void option(StringBuilder b, Option o) {
        String names = "  " + o.synopsis();
        String text = o.spec.help() + (o.spec.defaultText == null ? "" : " [" + o.spec.defaultText + "]");
        b.append(names);
        int column = names.length();
        if (column > INDENT - 2) {
            b.append('\n');
            column = 0;
        }
        wrap(b, text, column, INDENT);
    }

    /** {@code text} as lines filled to the width. */
    static String wrapped(String text) {
        StringBuilder b = new StringBuilder();
        wrap(b, text, 0, 0);
        return b.toString();
    }

    /** {@code text} from {@code column} on, its lines filled to the width and continued at {@code indent}. */
    private static void wrap(StringBuilder b, String text, int column, int indent) {
        for (String word : text.split(" ")) {
            if (column > indent && column + 1 + word.length() > WIDTH) {
                b.append('\n');
                column = 0;
            }
            if (column <= indent) {
                b.repeat(' ', indent - column);
                column = indent;
            } else {
                b.append(' ');
                column++;
            }
            b.append(word);
            column += word.length();
        }
        b.append('\n');
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
