package org.jiotop.output;

import org.jiotop.model.IoDelta;

/**
 * The kernel's I/O counters as every machine-readable output names them: JSON and CSV fields and
 * Prometheus metrics, and what they count, in the help texts of the Prometheus and OTLP metrics. A
 * name means the same in each: {@code write_bytes} is the kernel's write_bytes, gross (bytes written
 * to the page cache or directly), with the bytes cancelled before reaching the device counted apart
 * in {@code cancelled_write_bytes}.
 */
enum IoField {
    READ_BYTES("read_bytes", "Bytes read from block devices"),
    WRITE_BYTES("write_bytes", "Bytes written to block devices (page cache dirtied)"),
    CANCELLED_WRITE_BYTES("cancelled_write_bytes",
            "Bytes whose write was cancelled before reaching the device (truncated dirty pages)"),
    BLKIO_DELAY_SECONDS("blkio_delay_seconds", "Time tasks waited for block I/O"),
    SWAPIN_DELAY_SECONDS("swapin_delay_seconds", "Time tasks waited for swap-in");

    final String name;
    final String help;

    IoField(String name, String help) {
        this.name = name;
        this.help = help;
    }

    /**
     * What a metric of it counts, for its help text: {@code by} (such as ", by command, user") goes
     * after the description and before what the delays need.
     */
    String help(String by) {
        return help + by + (inSeconds() ? " (needs kernel.task_delayacct=1)" : "");
    }

    boolean inSeconds() {
        return this == BLKIO_DELAY_SECONDS || this == SWAPIN_DELAY_SECONDS;
    }

    /** Bytes, or nanoseconds for the delays. */
    long raw(IoDelta d) {
        return switch (this) {
            case READ_BYTES -> d.readBytes();
            case WRITE_BYTES -> d.writeBytes();
            case CANCELLED_WRITE_BYTES -> d.cancelledWriteBytes();
            case BLKIO_DELAY_SECONDS -> d.blkioDelayNanos();
            case SWAPIN_DELAY_SECONDS -> d.swapinDelayNanos();
        };
    }

    /** Bytes, or seconds for the delays. */
    double value(IoDelta d) {
        return inSeconds() ? raw(d) / 1e9 : raw(d);
    }
}
