package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A cgroup's own I/O counters, against the fixture trees in src/test/resources/cgroup/v2 and blkio. */
class CgroupIoReaderTest {
    private static final CgroupPath DOCKER_A = CgroupPath.of(
            "/system.slice/docker-3f4e2a9b1c7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f.scope");
    private static final CgroupPath DOCKER_B = CgroupPath.of(
            "/docker/9b8a7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f3021fedcba9876543210");
    private final CgroupIoReader reader = new CgroupIoReader(ProcCgroupTest.fixture("v2"),
            ProcCgroupTest.fixture("blkio"));

    @Test
    void eachDevicesCountersAreKept() {
        // v2 names each counter; v1 gives bytes and operations in two files.
        assertThat(reader.ioStat(DOCKER_A).devices()).containsExactly(
                new DeviceIo(8, 16, new IoCounts(1048576, 4194304, 16, 64, 0, 0)),
                new DeviceIo(254, 0, new IoCounts(4096, 8192, 1, 2, 65536, 1)));
        assertThat(reader.blkio(DOCKER_B).devices()).containsExactly(
                new DeviceIo(8, 0, new IoCounts(2048, 1048576, 1, 256, 512, 1)),
                new DeviceIo(254, 0, new IoCounts(0, 4096, 0, 1, 0, 0)));
    }

    @Test
    void whatWasCountedSinceIsTakenDeviceByDevice() {
        IoCounts sdaBefore = new IoCounts(1000, 2000, 1, 2, 0, 0);
        IoCounts sdaNow = new IoCounts(1500, 2600, 2, 4, 0, 0);
        IoCounts usb = new IoCounts(0, 900_000, 0, 30, 0, 0);
        IoCounts nvme = new IoCounts(4096, 0, 1, 0, 0, 0);
        CgroupIo before = new CgroupIo(CgroupHierarchy.V2, List.of(new DeviceIo(8, 0, sdaBefore),
                new DeviceIo(8, 16, usb)));
        // The USB disk was unplugged; an NVMe drive did its first I/O for the cgroup.
        CgroupIo now = new CgroupIo(CgroupHierarchy.V2, List.of(new DeviceIo(8, 0, sdaNow), new DeviceIo(259, 0, nvme)));
        assertThat(now.since(before)).isEqualTo(new IoCounts(500 + 4096, 600, 1 + 1, 2, 0, 0));
    }

    @Test
    void theDevicesAreSummedAndTheSourceNamed() {
        CgroupIo v2 = reader.ioStat(DOCKER_A);
        CgroupIo v1 = reader.blkio(DOCKER_B);
        assertThat(v2.total()).isEqualTo(new IoCounts(1052672, 4202496, 17, 66, 65536, 1));
        assertThat(v1.total()).isEqualTo(new IoCounts(2048, 1052672, 1, 257, 512, 1));
        assertThat(List.of(v2.source(), v1.source())).containsExactly(CgroupHierarchy.V2, CgroupHierarchy.BLKIO);
    }

    @Test
    void aCgroupWithoutIoIsZeroAndAMissingFileAbsent() {
        assertThat(reader.ioStat(CgroupPath.of("/system.slice/idle.service")))
                .isEqualTo(new CgroupIo(CgroupHierarchy.V2, List.of()));
        assertThat(reader.blkio(CgroupPath.of("/idle")))
                .isEqualTo(new CgroupIo(CgroupHierarchy.BLKIO, List.of()));
        // A v2 cgroup without the io controller, one that does not exist, one file of the two.
        assertThat(reader.ioStat(CgroupPath.of("/system.slice/nginx.service"))).isNull();
        assertThat(reader.ioStat(CgroupPath.of("/nowhere"))).isNull();
        assertThat(reader.blkio(CgroupPath.of("/halfway"))).isNull();
        assertThat(new CgroupIoReader(null, null).blkio(DOCKER_B)).isNull();
        assertThat(new CgroupIoReader(null, null).ioStat(DOCKER_A)).isNull();
    }

    @Test
    void aGroupsCountersAreThoseOfTheCgroupItIsToldFrom() {
        assertThat(reader.of(new TaskCgroup(CgroupHierarchy.V2, DOCKER_A, null)).source()).isEqualTo(CgroupHierarchy.V2);
        assertThat(reader.of(new TaskCgroup(CgroupHierarchy.SYSTEMD, DOCKER_B, DOCKER_B)).source())
                .isEqualTo(CgroupHierarchy.BLKIO);
        // The blkio hierarchy holds the task elsewhere (here at its root): not the group's counters.
        assertThat(reader.of(new TaskCgroup(CgroupHierarchy.SYSTEMD, DOCKER_B, CgroupPath.ROOT))).isNull();
        assertThat(reader.of(TaskCgroup.NONE)).isNull();
    }

    @Test
    void theV2RootHasNoCountersOfItsOwnButV1sHas() {
        // The v2 root's io.stat is the disks' statistics, every cgroup's I/O (fixture: 9 GiB written).
        assertThat(reader.ioStat(CgroupPath.ROOT).total().writeBytes()).isEqualTo(9L << 30);
        assertThat(reader.of(new TaskCgroup(CgroupHierarchy.V2, CgroupPath.ROOT, null))).isNull();
        // Hybrid: the task is in v1 blkio's root too, whose counters are its own tasks' I/O.
        CgroupIo v1 = reader.of(new TaskCgroup(CgroupHierarchy.V2, CgroupPath.ROOT, CgroupPath.ROOT));
        assertThat(v1.source()).isEqualTo(CgroupHierarchy.BLKIO);
        assertThat(v1.total().writeBytes()).isEqualTo(8192);
    }

    @Test
    void malformedLinesAndValuesAreSkipped() {
        byte[] stat = ("x:1 rbytes=5\n8:0 rbytes=7 wbytes=oops rios= bogus\n8 rbytes=9\n"
                + "8:1 rbytes=99999999999999999999\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(CgroupIoParsers.ioStat(stat, stat.length).devices()).containsExactly(
                new DeviceIo(8, 0, new IoCounts(7, 0, 0, 0, 0, 0)), new DeviceIo(8, 1, IoCounts.ZERO));
        byte[] bytes = "8:0 Read\n8:0 Reads 5\n8:0 Write 3\nTotal 3\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(CgroupIoParsers.blkio(bytes, bytes.length, new byte[0], 0).devices()).containsExactly(
                new DeviceIo(8, 0, new IoCounts(0, 3, 0, 0, 0, 0)));
    }
}
