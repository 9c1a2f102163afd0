package org.jiotop.output;

import org.jiotop.model.DeviceRates;
import org.jiotop.model.DeviceReport;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The device table of {@code --format=csv --devices}: the {@link #HEADER} once, then one line per
 * device and report, in place of the task table (one CSV stream holds one table). Device names are
 * the kernel's and hold no comma or quote, but are quoted as any field would be.
 */
public final class DeviceCsv {
    public static final String HEADER = "version,timestamp,interval_seconds," + DeviceField.csvHeader();

    private DeviceCsv() {
    }

    /** The lines of one report's devices, stamped with the end of their interval {@code at}. */
    public static void write(DeviceReport devices, Instant at, Consumer<String> out) {
        String prefix = CsvFormat.stamp(at, devices.durationNanos()) + ",";
        for (DeviceRates r : devices.devices()) {
            StringBuilder b = new StringBuilder(160).append(prefix).append(CsvFormat.quote(r.name()));
            for (DeviceField f : DeviceField.values()) {
                b.append(',').append(JsonLinesFormat.plain(f.of(r)));
            }
            for (DeviceField.Flag f : DeviceField.Flag.values()) {
                b.append(',').append(f.of(r));
            }
            out.accept(b.toString());
        }
    }
}
