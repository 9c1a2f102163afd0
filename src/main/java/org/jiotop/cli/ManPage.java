package org.jiotop.cli;

import org.jiotop.output.Column;
import org.jiotop.view.KeyLines;
import org.jiotop.view.ReplayKey;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * jiotop(8) in roff, its options from the {@link Option} table (grouped as {@code --help} groups
 * them, with the README's fuller texts), its columns from the column schema, its keys from the live
 * view's key table and the paragraphs it shares with {@code --help} from {@link Help}; the rest is
 * written here.
 */
final class ManPage {
    private ManPage() {
    }

    static String roff() {
        StringBuilder b = new StringBuilder();
        b.append(".TH JIOTOP 8 \"\" \"").append(Help.VERSION).append("\" \"System Administration\"\n");
        b.append("""
                .SH NAME
                jiotop \\- top\\-like disk I/O monitor per thread, process, user or cgroup
                .SH SYNOPSIS
                .B jiotop
                .RI [ OPTIONS ]
                .br
                """);
        b.append(".B \"").append(escape(ReportCommand.SYNOPSIS)).append("\"\n");
        b.append("""
                .SH DESCRIPTION
                .B jiotop
                shows the disk I/O of the tasks on the machine, as iotop does: the kernel's taskstats
                counters of each thread, read every interval, summed by process or by a group when
                asked. On a terminal it draws a live view; with
                .B \\-b
                it writes reports to standard output as text, JSON Lines or CSV; with
                .B \\-\\-serve
                it serves the same figures as Prometheus metrics, and with
                .B \\-\\-otlp
                pushes them to an OpenTelemetry collector.
                .PP
                """);
        b.append(escape(Help.SOURCES)).append('\n');
        b.append(".PP\n.B \"").append(escape(ReportCommand.SYNOPSIS)).append("\"\n.br\n")
                .append(escape(ReportCommand.ABOUT)).append('\n');
        b.append("""
                .SH OPTIONS
                An option given where it does not apply is an error. Long options may be shortened to
                an unambiguous prefix; values may be attached
                .RB ( \\-n5 ", " \\-\\-iter=5 )
                or separate.
                """);
        for (Map.Entry<Set<Mode>, List<Option>> section : Help.sections().entrySet()) {
            String where = Mode.describe(section.getKey());
            if (where != null) {
                b.append(".SS \"").append(escape("Only for " + where)).append("\"\n");
            }
            for (Option o : section.getValue()) {
                option(b, o);
            }
        }
        b.append(".SH COLUMNS\n");
        for (Column c : Column.values()) {
            column(b, c);
        }
        b.append("""
                .SH KEYS
                In the live view:
                """);
        keys(b, KeyLines.all());
        b.append(".PP\n").append(escape(ReplayKey.HEADING)).append('\n');
        keys(b, KeyLines.replay());
        b.append("""
                .SH FILES
                .TP
                .I $XDG_CONFIG_HOME/jiotop/config
                the live view's settings saved with the key W, one option a line
                """);
        b.append('(').append(escape(ConfigFile.FALLBACK)).append("); batch mode reads it only with ")
                .append(escape("--use-config")).append('\n');
        b.append("""
                .TP
                .I /usr/lib/jiotop
                the package's Java runtime, jar, libraries and AOT cache
                .SH ENVIRONMENT
                .TP
                .B NO_COLOR
                set and not empty: no colours in the live view
                .TP
                .B XDG_CONFIG_HOME
                where the config file lives
                .SH EXIT STATUS
                """);
        for (int status = 0; status < Help.EXIT_STATUS.size(); status++) {
            b.append(".TP\n.B ").append(status).append('\n').append(escape(Help.EXIT_STATUS.get(status))).append('\n');
        }
        b.append("""
                .SH EXAMPLES
                .TP
                .B jiotop \\-o
                the live view of the tasks doing I/O
                .TP
                .B jiotop \\-b \\-o \\-n 5 \\-d 2
                five text reports, two seconds apart, of the tasks doing I/O
                .TP
                .B jiotop \\-\\-group=unit \\-b \\-n 1
                the I/O of each systemd unit
                .TP
                .B jiotop \\-\\-format=json \\-P \\-n 10
                ten reports per process as JSON Lines
                .TP
                .B jiotop \\-\\-serve=9256
                Prometheus metrics on 127.0.0.1:9256
                .TP
                .B jiotop \\-\\-otlp=http://collector:4318/v1/metrics
                the same counters pushed to an OpenTelemetry collector every second, no port opened
                .SH DIFFERENCES FROM IOTOP
                The options and batch text are iotop's. jiotop adds rows per user, cgroup, systemd unit,
                container and pod, JSON Lines and CSV output, a Prometheus exporter and a saved live
                view; it counts the I/O of tasks that exit between two reports, which iotop loses, and
                an option given where it does not apply is an error instead of being ignored.
                .SH SEE ALSO
                .BR iotop (8),
                .BR ionice (1)
                """);
        return b.toString();
    }

    /** {@code .TP} with {@code -d SEC, --delay=SEC} in bold and italics, then the README's text and default. */
    private static void option(StringBuilder b, Option o) {
        OptionSpec s = o.spec;
        String value = s.valueName == null ? "" : "\\fI" + escape(s.valueName) + "\\fR";
        b.append(".TP\n");
        if (s.shortName != 0) {
            b.append("\\fB\\-").append(s.shortName).append("\\fR").append(value.isEmpty() ? "" : " " + value)
                    .append(", ");
        }
        b.append("\\fB\\-\\-").append(escape(s.longName)).append("\\fR").append(value.isEmpty() ? "" : "=" + value)
                .append('\n');
        // "(see above)" and "(see Grouping)" point into the README, which the page is not.
        String text = codeSpans(escape(s.doc().replaceAll(" \\(see [A-Z a-z/]+\\)", "")));
        b.append(text).append(s.defaultText == null ? "" : " [" + escape(s.defaultText) + "]").append('\n');
    }

    /**
     * {@code .TP}, the title in bold, then what the cells say and what the schema tells of where the
     * column is shown.
     */
    private static void keys(StringBuilder b, List<KeyLines> keys) {
        for (KeyLines k : keys) {
            b.append(".TP\n.B ").append(quoted(k.keys())).append('\n').append(escape(k.help())).append('\n');
        }
    }

    private static void column(StringBuilder b, Column c) {
        b.append(".TP\n.B ").append(quoted(c.title(false))).append('\n').append(escape(Help.column(c)));
        b.append('\n');
    }

    /** Markdown's `code` as bold. */
    private static String codeSpans(String text) {
        return text.replaceAll("`([^`]*)`", "\\\\fB$1\\\\fR");
    }

    private static String quoted(String text) {
        return "\"" + escape(text).replace("\"", "\\(dq") + "\"";
    }

    /** Roff text: backslashes and hyphens escaped, no line starting with a control character. */
    static String escape(String text) {
        String s = text.replace("\\", "\\e").replace("-", "\\-");
        return s.startsWith(".") || s.startsWith("'") ? "\\&" + s : s;
    }
}
