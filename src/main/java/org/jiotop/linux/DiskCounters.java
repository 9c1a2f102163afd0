package org.jiotop.linux;

/**
 * One line of {@code /proc/diskstats}: a block device's cumulative counters since it appeared.
 * Request counts and sectors are the kernel's {@code unsigned long} (32 bits on a 32-bit kernel);
 * the millisecond fields are {@code unsigned int} on every kernel, so they wrap at 2^32 (49.7
 * days of busy time). {@code disk} is the whole disk a partition belongs to, the device's own name
 * for a disk; {@code parallel} says the device is not rotational (SSD, NVMe, most virtual disks), so
 * that it serves requests in parallel and its busy time says little about saturation.
 */
public record DiskCounters(String name, int major, int minor, String disk, boolean parallel,
                           long reads, long readSectors, long readMillis,
                           long writes, long writeSectors, long writeMillis,
                           long busyMillis, long queueMillis) {

    public boolean partition() {
        return !name.equals(disk);
    }

    /** The same counters of a device that serves requests in parallel. */
    DiskCounters inParallel() {
        return new DiskCounters(name, major, minor, disk, true, reads, readSectors, readMillis, writes, writeSectors,
                writeMillis, busyMillis, queueMillis);
    }

    /** Whether the device has done no I/O since it appeared (iostat leaves such devices out). */
    public boolean unused() {
        return reads == 0 && writes == 0 && readSectors == 0 && writeSectors == 0 && busyMillis == 0;
    }
}
