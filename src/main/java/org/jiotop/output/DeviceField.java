package org.jiotop.output;

import org.jiotop.model.DeviceRates;

import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The figures of a device, once: iostat's title for the text panel, the name in JSON and CSV, and
 * the unit the panel shows it in (bytes per second as MiB/s, as {@code iostat -m}; the data
 * formats keep bytes). The device's name comes first and its {@link Flag}s last in the data formats.
 */
public enum DeviceField {
    READS("r/s", "reads_per_second", 1, DeviceRates::readsPerSecond),
    WRITES("w/s", "writes_per_second", 1, DeviceRates::writesPerSecond),
    READ_BYTES("rMB/s", "read_bytes_per_second", 1 << 20, DeviceRates::readBytesPerSecond),
    WRITE_BYTES("wMB/s", "write_bytes_per_second", 1 << 20, DeviceRates::writeBytesPerSecond),
    READ_AWAIT("r_await", "read_await_ms", 1, DeviceRates::readAwaitMillis),
    WRITE_AWAIT("w_await", "write_await_ms", 1, DeviceRates::writeAwaitMillis),
    QUEUE("aqu-sz", "queue_size", 1, DeviceRates::queueSize),
    UTIL("%util", "util_percent", 1, DeviceRates::utilPercent);

    /** The name's title and field name. */
    public static final String NAME_TITLE = "Device";
    public static final String NAME_FIELD = "name";

    /** What a device is, true or false, in the data formats (text marks the first with its note). */
    public enum Flag {
        /** %util is misleading: the device serves requests in parallel. */
        PARALLEL("parallel", DeviceRates::parallel),
        /** A partition, whose I/O its disk's line already counts (shown with {@code --partitions}). */
        PARTITION("partition", DeviceRates::partition);

        public final String dataName;
        private final Predicate<DeviceRates> value;

        Flag(String dataName, Predicate<DeviceRates> value) {
            this.dataName = dataName;
            this.value = value;
        }

        public boolean of(DeviceRates r) {
            return value.test(r);
        }
    }

    public final String title;
    public final String dataName;
    final double textUnit;
    private final ToDoubleFunction<DeviceRates> value;

    DeviceField(String title, String dataName, double textUnit, ToDoubleFunction<DeviceRates> value) {
        this.title = title;
        this.dataName = dataName;
        this.textUnit = textUnit;
        this.value = value;
    }

    public double of(DeviceRates r) {
        return value.applyAsDouble(r);
    }

    /** {@code name,reads_per_second,…,parallel,partition}: the device fields of a CSV header. */
    static String csvHeader() {
        StringBuilder b = new StringBuilder(NAME_FIELD);
        for (DeviceField f : values()) {
            b.append(',').append(f.dataName);
        }
        for (Flag f : Flag.values()) {
            b.append(',').append(f.dataName);
        }
        return b.toString();
    }
}
