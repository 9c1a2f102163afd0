package org.jiotop.output;

import org.jiotop.model.LabelSource;
import org.jiotop.model.Report;
import org.jiotop.model.Row;
import org.jiotop.model.TaskLabels;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * CSV (RFC 4180): the {@link #HEADER} once, then one line per row and report, with the same
 * numbers as the JSON format. Fields holding a comma, a quote or a line break are quoted (command
 * lines are escaped already and hold no line breaks); empty IO/SWAPIN means no delay accounting.
 * A user or command that starts with {@code = + - @} gets a leading {@code '}, as common CSV
 * guidance says, so that a spreadsheet does not run a process's arguments as a formula.
 */
public final class CsvFormat {
    public static final String HEADER = "timestamp,interval_seconds,mode,id,tgid,uid,user,priority,exited,"
            + "read_bytes,write_bytes,cancelled_write_bytes,read_bytes_per_second,write_bytes_per_second,"
            + "blkio_delay_seconds,swapin_delay_seconds,io_percent,swapin_percent,accumulated_read_bytes,"
            + "accumulated_write_bytes,command";

    public List<String> lines(Report report, LabelSource labels, Instant at) {
        List<String> out = new ArrayList<>(report.rows().size());
        write(report, labels, at, out::add);
        return out;
    }

    /** The same lines, each handed over as soon as it is made: a report is never held as text. */
    public void write(Report report, LabelSource labels, Instant at, Consumer<String> out) {
        String prefix = java.math.BigDecimal.valueOf(at.toEpochMilli(), 3).toPlainString() + "," + report.durationNanos() / 1e9 + ","
                + (report.processes() ? "processes" : "threads") + ",";
        for (Row row : report.rows()) {
            TaskLabels l = labels.labels(row, report.processes());
            RowFields f = RowFields.of(row, report);
            out.accept(prefix + row.id() + "," + row.tgid() + "," + Integer.toUnsignedLong(row.uid()) + ","
                    + text(l.user()) + "," + quote(l.priority().text()) + "," + row.activity().exited() + ","
                    + f.readBytes() + "," + f.writeBytes() + "," + f.cancelledWriteBytes() + ","
                    + f.readPerSecond() + "," + f.writePerSecond() + "," + f.blkioDelaySeconds() + ","
                    + f.swapinDelaySeconds() + "," + (f.ioPercent() == null ? "" : f.ioPercent()) + ","
                    + (f.swapinPercent() == null ? "" : f.swapinPercent()) + "," + f.accumulatedReadBytes() + ","
                    + f.accumulatedWriteBytes() + "," + text(l.command()));
        }
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
