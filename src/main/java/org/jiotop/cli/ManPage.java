package org.jiotop.cli;

import org.jiotop.view.KeyLines;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * jiotop(8) in roff, its options from the {@link Option} table (grouped as {@code --help} groups
 * them, with the README's fuller texts) and its keys from the live view's key table; the rest is
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
                Tasks that exit between two reports are counted from the kernel's exit reports and
                marked <exited>. The first report comes after one full interval, so every figure is a
                real rate. It needs root or the CAP_NET_ADMIN capability.
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
        b.append("""
                .SH COLUMNS
                .TP
                .B TID
                the thread's ID (PID with \\-P; the group's label with \\-\\-group)
                .TP
                .B PRIO
                the I/O scheduling class and priority, as ionice sets them
                .TP
                .B USER
                the owner of the task
                .TP
                .BR "DISK READ" ", " "DISK WRITE"
                the block I/O bandwidth during the interval (with \\-a, bytes since first seen)
                .TP
                .B SWAPIN
                the share of the interval the task spent swapping in (needs delay accounting)
                .TP
                .B IO
                the share of the interval the task spent waiting on I/O (needs delay accounting)
                .TP
                .B COMMAND
                the command line, or the program name in the live view without \\-c
                .SH KEYS
                In the live view:
                """);
        for (KeyLines k : KeyLines.all()) {
            b.append(".TP\n.B ").append(quoted(k.keys())).append('\n').append(escape(k.help())).append('\n');
        }
        b.append("""
                .SH FILES
                .TP
                .I $XDG_CONFIG_HOME/jiotop/config
                the live view's settings saved with the key W, one option a line
                .RI ( ~/.config/jiotop/config
                when XDG_CONFIG_HOME is not set); batch mode reads it only with \\-\\-use\\-config
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
                .TP
                .B 0
                done
                .TP
                .B 1
                cannot run (privileges, kernel, unknown user) or cannot write the output (a full disk)
                .TP
                .B 2
                a bad option
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
        String text = codeSpans(escape(s.description.replaceAll(" \\(see [A-Z a-z]+\\)", "")));
        b.append(text).append(s.defaultText == null ? "" : " [" + escape(s.defaultText) + "]").append('\n');
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
