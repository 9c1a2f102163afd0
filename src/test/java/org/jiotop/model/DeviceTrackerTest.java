package org.jiotop.model;

import org.jiotop.linux.DiskCounters;
import org.jiotop.linux.DiskStatsReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The figures of the fixtures in src/test/resources/diskstats (their README), 2 s apart. */
class DeviceTrackerTest {
    private static final Path FIXTURES = Path.of("src/test/resources/diskstats");
    private static final long SECOND = 1_000_000_000L;

    private static List<DiskCounters> read(String kernel, String sample) {
        return new DiskStatsReader(FIXTURES.resolve(kernel).resolve(sample), FIXTURES.resolve(kernel).resolve("sys"))
                .read();
    }

    private static DeviceReport interval(String kernel, boolean partitions) {
        DeviceTracker t = new DeviceTracker(partitions);
        assertThat(t.advance(read(kernel, "a"), 5 * SECOND)).isNull();
        return t.advance(read(kernel, "b"), 7 * SECOND);
    }

    private static DeviceRates rates(String name, boolean partition, boolean parallel, double... f) {
        return new DeviceRates(name, partition, parallel, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
    }

    @Test
    void aRotatingDiskAsIostatComputesIt() {
        DeviceReport r = interval("kernel6", false);
        assertThat(r.durationNanos()).isEqualTo(2 * SECOND);
        // 200 reads of 8 sectors taking 1000 ms, 400 writes of 1024 sectors taking 4000 ms, busy
        // 1500 ms of 2000, 5000 request-milliseconds in the queue.
        assertThat(r.devices().getFirst()).isEqualTo(rates("sda", false, false,
                100, 200, 819_200, 104_857_600, 5, 10, 2.5, 75));
    }

    @Test
    void newVanishedUnusedDevicesAndPartitionsAreLeftOut() {
        // sdb appeared, md0 vanished, loop0 never did I/O; sda1 and nvme0n1p1 are in their disks.
        assertThat(interval("kernel6", false).devices()).extracting(DeviceRates::name)
                .containsExactly("sda", "nvme0n1", "dm-0");
    }

    @Test
    void nvmeAndDeviceMapperDevicesAreParallel() {
        List<DeviceRates> d = interval("kernel6", false).devices();
        assertThat(d.get(1)).isEqualTo(rates("nvme0n1", false, true, 0, 500, 0, 2_048_000, 0, 0.5, 0.5, 100));
        assertThat(d.get(2).name()).isEqualTo("dm-0");
        assertThat(d.get(2).parallel()).isTrue();
        assertThat(d.get(2).readsPerSecond()).isEqualTo(5);
        assertThat(d.get(2).readAwaitMillis()).isEqualTo(3);
        assertThat(d.get(2).queueSize()).isCloseTo(0.015, within(1e-12));
        assertThat(d.get(2).utilPercent()).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void partitionsWhenAskedFollowTheKernelsOrder() {
        List<DeviceRates> d = interval("kernel6", true).devices();
        assertThat(d).extracting(DeviceRates::name).containsExactly("sda", "sda1", "nvme0n1", "nvme0n1p1", "dm-0");
        assertThat(d.get(1)).isEqualTo(rates("sda1", true, false, 50, 100, 409_600, 52_428_800, 5, 10, 1.25, 37.5));
        assertThat(d.get(3).parallel()).isTrue();
    }

    @Test
    void eighteenFieldFormat() {
        assertThat(interval("kernel418", false).devices()).containsExactly(
                rates("sdc", false, false, 100, 0, 409_600, 0, 3, 0, 0.6, 50));
    }

    @Test
    void countersWrapAt32BitsAndA64BitCountGoingBackStartsAfresh() {
        // hda: 1000 reads, 8000 sectors, 3000 ms, busy 2000 ms, 4000 in the queue, each across 2^32;
        // sdz's 5e9 reads fell to 10: replaced, no figures this interval.
        assertThat(interval("old32", false).devices()).containsExactly(
                rates("hda", false, false, 500, 0, 2_048_000, 0, 3, 0, 2, 100));
    }

    @Test
    void aDeviceThatReappearsUnderAnotherNumberStartsAfresh() {
        DiskCounters a = new DiskCounters("sdq", 8, 0, "sdq", false, 10, 80, 10, 0, 0, 0, 10, 10);
        DiskCounters b = new DiskCounters("sdq", 8, 16, "sdq", false, 20, 160, 20, 0, 0, 0, 20, 20);
        DeviceTracker t = new DeviceTracker(false);
        t.advance(List.of(a), 0);
        assertThat(t.advance(List.of(b), SECOND).devices()).isEmpty();
        assertThat(t.advance(List.of(b), 2 * SECOND).devices()).extracting(DeviceRates::name).containsExactly("sdq");
    }

    @Test
    void wrapArithmetic() {
        assertThat(DeviceTracker.count(5, 7)).isEqualTo(2);
        assertThat(DeviceTracker.count(0xFFFF_FFFFL, 1)).isEqualTo(2);
        assertThat(DeviceTracker.count(1L << 33, 1)).isEqualTo(-1);
        // Back from 100 to 0 is a device restarted, not four billion requests.
        assertThat(DeviceTracker.count(100, 0)).isEqualTo(-1);
        assertThat(DeviceTracker.millis(0xFFFF_FFF0L, 0x10)).isEqualTo(0x20);
    }

    @Test
    void busiestFirst() {
        List<DeviceRates> d = new java.util.ArrayList<>(interval("kernel6", false).devices());
        d.sort(DeviceTracker.BUSIEST);
        assertThat(d).extracting(DeviceRates::name).containsExactly("nvme0n1", "sda", "dm-0");
    }
}
