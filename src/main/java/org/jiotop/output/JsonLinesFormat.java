package org.jiotop.output;

import org.jiotop.model.DeviceRates;
import org.jiotop.model.DeviceReport;
import org.jiotop.model.Report;
import org.jiotop.model.Row;
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
 * output"); the fields of a row are {@link RowField}'s. Numbers are numbers, in bytes and seconds;
 * IO and SWAPIN percentages are null without delay accounting; rates cover the interval, whatever
 * -a says.
 */
public final class JsonLinesFormat {
    public static final int VERSION = 3;
    /** Closing a generator must not close standard output under it. */
    private final JsonFactory factory = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    /** One report as one line of JSON, without the line terminator. */
    public String line(Report report, Instant at) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + report.rows().size() * 320);
        write(report, at, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The same line, in UTF-8, written to {@code out} as it is made (without the terminator): a
     * report is never held as text.
     */
    public void write(Report report, Instant at, OutputStream out) {
        write(report, at, out, null);
    }

    /** The same, with the block devices' figures ({@code --devices}) when {@code devices} is not null. */
    public void write(Report report, Instant at, OutputStream out, DeviceReport devices) {
        try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeNumberProperty("version", VERSION);
            g.writeName("timestamp");
            g.writeNumber(java.math.BigDecimal.valueOf(at.toEpochMilli(), 3));
            g.writeStringProperty("time", at.toString());
            decimal(g, "interval_seconds", report.durationNanos() / 1e9);
            g.writeStringProperty("mode", report.processes() ? "processes" : "threads");
            g.writeBooleanProperty("delay_accounting", report.delayAccounting());
            g.writeStringProperty("source", report.visibility().source().label());
            g.writeNumberProperty("unreadable_processes", report.visibility().unreadable());
            g.writeName("total");
            g.writeStartObject();
            decimal(g, "read_bytes_per_second", report.totalReadPerSecond());
            // The Total line's figure: written bytes less those cancelled, unlike the rows' write_bytes.
            decimal(g, "net_write_bytes_per_second", report.totalWritePerSecond());
            g.writeEndObject();
            g.writeName("current");
            g.writeStartObject();
            number(g, "read_bytes_per_second", report.currentReadPerSecond());
            number(g, "write_bytes_per_second", report.currentWritePerSecond());
            g.writeEndObject();
            g.writeNumberProperty("lost_exit_reports", Math.max(0, report.lostExitReports()));
            g.writeName("rows");
            g.writeStartArray();
            RowField.Sink fields = fields(g, report.processes());
            for (Row row : report.rows()) {
                g.writeStartObject();
                RowField.write(row, row.shownLabels(), report, fields);
                g.writeEndObject();
            }
            g.writeEndArray();
            if (devices != null) {
                devices(g, devices);
            }
            g.writeEndObject();
        }
    }

    private static void devices(JsonGenerator g, DeviceReport devices) {
        g.writeName("devices");
        g.writeStartArray();
        for (DeviceRates r : devices.devices()) {
            g.writeStartObject();
            g.writeStringProperty(DeviceField.NAME_FIELD, r.name());
            for (DeviceField f : DeviceField.values()) {
                decimal(g, f.dataName, f.of(r));
            }
            for (DeviceField.Flag f : DeviceField.Flag.values()) {
                g.writeBooleanProperty(f.dataName, f.of(r));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static RowField.Sink fields(JsonGenerator g, boolean processes) {
        return new RowField.Sink() {
            @Override
            public void number(RowField f, long v) {
                g.writeNumberProperty(f.jsonName(processes), v);
            }

            @Override
            public void number(RowField f, double v) {
                decimal(g, f.jsonName(processes), v);
            }

            @Override
            public void none(RowField f) {
                g.writeNullProperty(f.jsonName(processes));
            }

            @Override
            public void absent(RowField f) {
                // left out: a reader tells "unknown" from 0 by the field's absence
            }

            @Override
            public void bool(RowField f, boolean v) {
                g.writeBooleanProperty(f.jsonName(processes), v);
            }

            @Override
            public void word(RowField f, String v) {
                g.writeStringProperty(f.jsonName(processes), v);
            }

            @Override
            public void freeText(RowField f, String v) {
                word(f, v); // JSON strings are data: no spreadsheet reads them as formulas
            }
        };
    }

    private static void number(JsonGenerator g, String name, double v) {
        if (Double.isNaN(v)) {
            g.writeNullProperty(name);
        } else {
            decimal(g, name, v);
        }
    }

    private static void decimal(JsonGenerator g, String name, double v) {
        if (Double.isFinite(v)) {
            g.writeName(name);
            g.writeNumber(plain(v));
        } else {
            g.writeNumberProperty(name, v);
        }
    }

    /**
     * {@code v} as JSON and CSV write it: in decimal notation, never with an exponent as
     * {@link Double#toString} writes 10^7 and more ({@code 2.5E8}) and less than 10^-3, which
     * {@code sort -n}, shell arithmetic and a regular expression such as {@code [0-9.]+} misread. A
     * whole number keeps its {@code .0}, so that a field is a float in every row to a typed reader.
     */
    static String plain(double v) {
        String s = Double.toString(v);
        if (s.indexOf('E') < 0) {
            return s;
        }
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(v).stripTrailingZeros();
        return (d.scale() > 0 ? d : d.setScale(1)).toPlainString();
    }
}
