package org.jiotop.output;

import org.jiotop.model.Report;
import org.jiotop.model.Row;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * CSV (RFC 4180): the {@link #HEADER} once, then one line per row and report, with the same
 * fields and schema version as the JSON format. Fields holding a comma, a quote or a line break are quoted (command
 * lines are escaped already and hold no line breaks); empty IO/SWAPIN means no delay accounting.
 * A user, command or group label that starts with {@code = + - @} gets a leading {@code '}, as common CSV
 * guidance says, so that a spreadsheet does not run a process's arguments as a formula.
 */
public final class CsvFormat {
    public static final String HEADER = "version,timestamp,interval_seconds,mode,source,unreadable_processes,"
            + RowField.csvHeader();

    public List<String> lines(Report report, Instant at) {
        List<String> out = new ArrayList<>(report.rows().size());
        write(report, at, out::add);
        return out;
    }

    /** The same lines, each handed over as soon as it is made: a report is never held as text. */
    public void write(Report report, Instant at, Consumer<String> out) {
        String prefix = stamp(at, report.durationNanos()) + "," + (report.processes() ? "processes" : "threads") + ","
                + report.visibility().source().label() + "," + report.visibility().unreadable() + ",";
        StringBuilder line = new StringBuilder(256);
        RowField.Sink fields = new RowField.Sink() {
            @Override
            public void number(RowField f, long v) {
                field(f).append(v);
            }

            @Override
            public void number(RowField f, double v) {
                field(f).append(JsonLinesFormat.plain(v));
            }

            @Override
            public void none(RowField f) {
                field(f);
            }

            @Override
            public void absent(RowField f) {
                field(f);
            }

            @Override
            public void bool(RowField f, boolean v) {
                field(f).append(v);
            }

            @Override
            public void word(RowField f, String v) {
                field(f).append(quote(v));
            }

            @Override
            public void freeText(RowField f, String v) {
                field(f).append(text(v));
            }

            private StringBuilder field(RowField f) {
                return f.ordinal() == 0 ? line : line.append(',');
            }
        };
        for (Row row : report.rows()) {
            line.setLength(0);
            line.append(prefix);
            RowField.write(row, row.shownLabels(), report, fields);
            out.accept(line.toString());
        }
    }

    /** {@code version,timestamp,interval_seconds}: how every CSV line begins. */
    static String stamp(Instant at, long durationNanos) {
        return JsonLinesFormat.VERSION + "," + java.math.BigDecimal.valueOf(at.toEpochMilli(), 3).toPlainString()
                + "," + JsonLinesFormat.plain(durationNanos / 1e9);
    }

    /** A free-text field: neutralised when a spreadsheet would take it for a formula, then quoted. */
    static String text(String field) {
        boolean formula = !field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0;
        return quote(formula ? "'" + field : field);
    }

    static String quote(String field) {
        boolean needs = false;
        for (int i = 0; i < field.length() && !needs; i++) {
            char c = field.charAt(i);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
