package org.jiotop.model;

import org.jiotop.linux.DiskCounters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns successive {@code /proc/diskstats} samples into per-device figures, computed as sysstat's
 * {@code iostat -x} does (rd_stats.c {@code compute_ext_disk_stats} and iostat.c): a rate is the
 * change of a counter over the interval; {@code r_await} is the change of read milliseconds over the
 * change of reads; {@code aqu-sz} the change of weighted milliseconds (time_in_queue) over the
 * interval's milliseconds; {@code %util} the change of busy milliseconds (io_ticks) over the
 * interval's, times 100, not capped. Sectors are 512 bytes whatever the device's block size.
 * <p>
 * A device is known by its name and number; one seen for the first time (hot-plugged, a new dm
 * or loop device) has figures from its second sample on, and one gone from the file is dropped.
 * A counter lower than before has wrapped: the millisecond fields always at 2^32 (the kernel
 * prints them as {@code unsigned int}), the counts and sectors at 2^32 when the earlier value fits
 * 32 bits and fell by more than 2^31 (a 32-bit kernel's {@code unsigned long}); any other count
 * that went back means the device was replaced under the same name and number, which starts it
 * afresh. Devices that never did
 * I/O are left out, as iostat leaves them out; partitions too, unless asked for (their disk's
 * line already counts their I/O).
 */
public final class DeviceTracker {
    private static final double SECTOR_BYTES = 512;
    private static final long U32 = 1L << 32;
    private final boolean partitions;
    private Map<String, DiskCounters> previous = Map.of();
    private long previousNanos;
    private boolean started;

    public DeviceTracker(boolean partitions) {
        this.partitions = partitions;
    }

    /**
     * Takes the sample made at {@code nanos} (monotonic); returns the figures of the interval since
     * the previous sample, or null for the first sample.
     */
    public DeviceReport advance(List<DiskCounters> sample, long nanos) {
        Map<String, DiskCounters> current = new HashMap<>(sample.size() * 2);
        List<DeviceRates> out = started ? new ArrayList<>() : null;
        long since = previousNanos;
        double seconds = (nanos - since) / 1e9;
        for (DiskCounters c : sample) {
            String key = c.name() + ' ' + c.major() + ':' + c.minor();
            current.put(key, c);
            DiskCounters before = previous.get(key);
            if (out == null || before == null || c.unused() || (c.partition() && !partitions) || seconds <= 0) {
                continue;
            }
            DeviceRates r = rates(before, c, seconds);
            if (r != null) {
                out.add(r);
            }
        }
        previous = current;
        previousNanos = nanos;
        started = true;
        return out == null ? null : new DeviceReport(nanos - since, out);
    }

    /** The figures between two samples of one device, or null when its counters restarted. */
    static DeviceRates rates(DiskCounters a, DiskCounters b, double seconds) {
        long reads = count(a.reads(), b.reads());
        long writes = count(a.writes(), b.writes());
        long readSectors = count(a.readSectors(), b.readSectors());
        long writeSectors = count(a.writeSectors(), b.writeSectors());
        if (reads < 0 || writes < 0 || readSectors < 0 || writeSectors < 0) {
            return null;
        }
        double millis = seconds * 1000;
        return new DeviceRates(b.name(), b.partition(), b.parallel(),
                reads / seconds, writes / seconds,
                readSectors * SECTOR_BYTES / seconds, writeSectors * SECTOR_BYTES / seconds,
                reads == 0 ? 0 : millis(a.readMillis(), b.readMillis()) / (double) reads,
                writes == 0 ? 0 : millis(a.writeMillis(), b.writeMillis()) / (double) writes,
                millis(a.queueMillis(), b.queueMillis()) / millis,
                millis(a.busyMillis(), b.busyMillis()) / millis * 100);
    }

    /**
     * The change of an {@code unsigned long} count, -1 when it went back in a way no 32-bit wrap
     * explains: from above 2^32, or by less than 2^31 (a wrap would mean billions of requests or
     * sectors in one interval; a device restarted at small numbers is what that is).
     */
    static long count(long before, long after) {
        if (Long.compareUnsigned(after, before) >= 0) {
            return after - before;
        }
        boolean wrapped = Long.compareUnsigned(before, U32) < 0 && before - after > U32 / 2;
        return wrapped ? after + U32 - before : -1;
    }

    /** The change of an {@code unsigned int} millisecond field, modulo 2^32 as the kernel's arithmetic. */
    static long millis(long before, long after) {
        return (after - before) & (U32 - 1);
    }

    /** Busiest first, for a view that shows as many as fit: by %util, then bytes, then name. */
    public static final Comparator<DeviceRates> BUSIEST = Comparator
            .comparingDouble(DeviceRates::utilPercent).reversed()
            .thenComparing(Comparator.comparingDouble(
                    (DeviceRates r) -> r.readBytesPerSecond() + r.writeBytesPerSecond()).reversed())
            .thenComparing(DeviceRates::name);
}
