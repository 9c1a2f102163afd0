package org.jiotop.cli;

import org.jiotop.linux.DiskStatsReader;
import org.jiotop.model.DeviceReport;
import org.jiotop.model.DeviceTracker;

/**
 * Samples the block devices each time the tasks are sampled, so that both cover the same
 * interval, and keeps the latest interval's figures.
 */
final class DeviceSampler {
    private final DiskStatsReader reader;
    private final DeviceTracker tracker;
    private DeviceReport latest;

    DeviceSampler(DiskStatsReader reader, boolean partitions) {
        this.reader = reader;
        this.tracker = new DeviceTracker(partitions);
    }

    static DeviceSampler of(Options options) {
        return new DeviceSampler(DiskStatsReader.system(), options.is(Option.PARTITIONS));
    }

    void sample() {
        DeviceReport r = tracker.advance(reader.read(), System.nanoTime());
        if (r != null) {
            latest = r;
        }
    }

    /** The latest interval's figures, or null before the second sample. */
    DeviceReport latest() {
        return latest;
    }
}
