package org.jiotop.linux;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiskStatsReaderTest {
    static final Path FIXTURES = Path.of("src/test/resources/diskstats");

    static List<DiskCounters> read(String kernel, String sample) {
        return new DiskStatsReader(FIXTURES.resolve(kernel).resolve(sample), FIXTURES.resolve(kernel).resolve("sys"))
                .read();
    }

    @Test
    void twentyFieldLinesGiveTheFirstElevenCounters() {
        DiskCounters sda = read("kernel6", "b").stream().filter(c -> c.name().equals("sda")).findFirst().orElseThrow();
        assertThat(sda).isEqualTo(new DiskCounters("sda", 8, 0, "sda", false, 1200, 83200, 6000, 2400, 569600, 12000,
                11500, 18000));
    }

    @Test
    void eighteenFieldLinesReadTheSame() {
        assertThat(read("kernel418", "a")).containsExactly(
                new DiskCounters("sdc", 8, 32, "sdc", false, 100, 800, 100, 100, 800, 100, 100, 200));
    }

    @Test
    void partitionsBelongToTheLongestDiskTheirNameBeginsWith() {
        List<DiskCounters> all = read("kernel6", "b");
        assertThat(all).extracting(DiskCounters::name).containsExactly("loop0", "sda", "sda1", "sdb", "nvme0n1",
                "nvme0n1p1", "dm-0");
        assertThat(all).filteredOn(DiskCounters::partition).extracting(DiskCounters::disk)
                .containsExactly("sda", "nvme0n1");
    }

    @Test
    void nonRotationalDisksAndTheirPartitionsServeInParallel() {
        assertThat(read("kernel6", "b")).filteredOn(DiskCounters::parallel).extracting(DiskCounters::name)
                .containsExactly("nvme0n1", "nvme0n1p1", "dm-0");
    }

    @Test
    void aDiskThatStopsServingInParallelUnderTheSameNameIsNoLongerMarked(@TempDir Path root) throws Exception {
        // A loop device has its backing disk's rotational from the moment it is attached.
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/diskstats"), "7 1 loop1 0 0 0 0 300 0 38400 12 0 12 12 0 0 0 0 0 0\n");
        Path rotational = Files.createDirectories(root.resolve("sys/block/loop1/queue")).resolve("rotational");
        Files.writeString(rotational, "0\n");
        DiskStatsReader reader = new DiskStatsReader(root.resolve("proc"), root.resolve("sys"));
        assertThat(reader.read()).singleElement().extracting(DiskCounters::parallel).isEqualTo(true);
        Files.writeString(rotational, "1\n");
        assertThat(reader.read()).singleElement().extracting(DiskCounters::parallel).isEqualTo(false);
    }

    @Test
    void oldFourteenFieldLinesAreReadAndSevenFieldPartitionLinesSkipped() {
        // No /sys under this fixture: every device counts as a disk, none as parallel.
        assertThat(read("old32", "a")).containsExactly(
                new DiskCounters("hda", 3, 0, "hda", false, 4294966796L, 4294959296L, 4294967000L, 0, 0, 0,
                        4294966296L, 4294967295L),
                new DiskCounters("sdz", 8, 0, "sdz", false, 5_000_000_000L, 80, 10, 0, 0, 0, 10, 10));
    }

    @Test
    void aMissingFileGivesNoDevices() {
        assertThat(new DiskStatsReader(Path.of("/nonexistent"), Path.of("/nonexistent")).read()).isEmpty();
    }

    @Test
    void garbageLinesAreSkipped() {
        DiskStatsReader r = new DiskStatsReader(Path.of("/nonexistent"), Path.of("/nonexistent"));
        assertThat(r.parse("8 0 sda x 0 0 0 0 0 0 0 0 0 0", null)).isNull();
        assertThat(r.parse("8 0 sda -1 0 0 0 0 0 0 0 0 0 0", null)).isNull();
        assertThat(r.parse("", null)).isNull();
    }
}
