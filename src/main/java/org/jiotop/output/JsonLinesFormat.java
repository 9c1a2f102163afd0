package org.jiotop.output;

import org.jiotop.model.LabelSource;
import org.jiotop.model.Report;
import org.jiotop.model.Row;
import org.jiotop.model.TaskLabels;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * JSON Lines: one object per report, schema version {@value #VERSION} (README, "Machine-readable
 * output"). Numbers are numbers, in bytes and seconds; IO and SWAPIN percentages are null without
 * delay accounting; rates cover the interval, whatever -a says.
 */
public final class JsonLinesFormat {
    public static final int VERSION = 1;
    /** Closing a generator must not close standard output under it. */
    private final JsonFactory factory = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    /** One report as one line of JSON, without the line terminator. */
    public String line(Report report, LabelSource labels, Instant at) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + report.rows().size() * 320);
        write(report, labels, at, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The same line, in UTF-8, written to {@code out} as it is made (without the terminator): a
     * report is never held as text.
     */
    public void write(Report report, LabelSource labels, Instant at, OutputStream out) {
        try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeNumberProperty("version", VERSION);
            g.writeName("timestamp");
            g.writeNumber(java.math.BigDecimal.valueOf(at.toEpochMilli(), 3));
            g.writeStringProperty("time", at.toString());
            g.writeNumberProperty("interval_seconds", report.durationNanos() / 1e9);
            g.writeStringProperty("mode", report.processes() ? "processes" : "threads");
            g.writeBooleanProperty("delay_accounting", report.delayAccounting());
            g.writeName("total");
            g.writeStartObject();
            g.writeNumberProperty("read_bytes_per_second", report.totalReadPerSecond());
            g.writeNumberProperty("write_bytes_per_second", report.totalWritePerSecond());
            g.writeEndObject();
            g.writeName("current");
            g.writeStartObject();
            number(g, "read_bytes_per_second", report.currentReadPerSecond());
            number(g, "write_bytes_per_second", report.currentWritePerSecond());
            g.writeEndObject();
            g.writeNumberProperty("lost_exit_reports", Math.max(0, report.lostExitReports()));
            g.writeName("rows");
            g.writeStartArray();
            for (Row row : report.rows()) {
                row(g, row, labels.labels(row, report.processes()), report);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void row(JsonGenerator g, Row row, TaskLabels l, Report report) {
        RowFields f = RowFields.of(row, report);
        g.writeStartObject();
        g.writeNumberProperty(report.processes() ? "pid" : "tid", row.id());
        g.writeNumberProperty("tgid", row.tgid());
        g.writeNumberProperty("uid", Integer.toUnsignedLong(row.uid()));
        g.writeStringProperty("user", l.user());
        g.writeStringProperty("priority", l.priority().text());
        g.writeBooleanProperty("exited", row.activity().exited());
        g.writeStringProperty("command", l.command());
        g.writeNumberProperty("read_bytes", f.readBytes());
        g.writeNumberProperty("write_bytes", f.writeBytes());
        g.writeNumberProperty("cancelled_write_bytes", f.cancelledWriteBytes());
        g.writeNumberProperty("read_bytes_per_second", f.readPerSecond());
        g.writeNumberProperty("write_bytes_per_second", f.writePerSecond());
        g.writeNumberProperty("blkio_delay_seconds", f.blkioDelaySeconds());
        g.writeNumberProperty("swapin_delay_seconds", f.swapinDelaySeconds());
        percent(g, "io_percent", f.ioPercent());
        percent(g, "swapin_percent", f.swapinPercent());
        g.writeNumberProperty("accumulated_read_bytes", f.accumulatedReadBytes());
        g.writeNumberProperty("accumulated_write_bytes", f.accumulatedWriteBytes());
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, double v) {
        if (Double.isNaN(v)) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, v);
        }
    }

    private static void percent(JsonGenerator g, String name, Double v) {
        if (v == null) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, v);
        }
    }
}
