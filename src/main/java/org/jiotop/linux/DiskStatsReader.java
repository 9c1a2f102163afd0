package org.jiotop.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code /proc/diskstats} and, from {@code /sys/block}, which devices are whole disks and
 * whether they rotate; both under roots of their own so that tests can point them at fixtures.
 * Kernels print 14 fields a line (2.6.25 to 4.17), 18 (with discards, 4.18) or 20 (with flushes,
 * 5.5); the first 14 mean the same in all three and are all that iostat's figures need. Older
 * kernels' 7-field partition lines carry no times and are skipped. Once a second is cheap enough
 * for java.nio: one small file and one directory per interval, and the {@code rotational} of each
 * disk that has done I/O. That is read again each interval: it changes under the same name and
 * number, when a loop device is attached to a file (it takes the backing disk's) or a hot-swapped
 * disk of another kind takes its predecessor's name.
 */
public final class DiskStatsReader {
    /** Fields a line needs: major, minor, name and the eleven counters through time_in_queue. */
    private static final int FIELDS = 14;
    private final Path diskstats;
    private final Path sysBlock;
    /** This interval's readings of {@code rotational}, so that partitions share their disk's. */
    private final Map<String, Boolean> parallel = new HashMap<>();

    public DiskStatsReader(Path procRoot, Path sysRoot) {
        this.diskstats = procRoot.resolve("diskstats");
        this.sysBlock = sysRoot.resolve("block");
    }

    public static DiskStatsReader system() {
        return new DiskStatsReader(Path.of("/proc"), Path.of("/sys"));
    }

    /** Every device's counters, in the kernel's order; empty when the file cannot be read. */
    public List<DiskCounters> read() {
        String text;
        try {
            text = new String(Files.readAllBytes(diskstats), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return List.of();
        }
        Set<String> disks = disks();
        parallel.clear();
        List<DiskCounters> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            DiskCounters c = parse(line, disks);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * One line, or null for one too short or not numeric. {@code disks} names the whole disks (as
     * {@code /sys/block} lists them); null when unknown, and then every device counts as a disk.
     */
    DiskCounters parse(String line, Set<String> disks) {
        String[] f = line.trim().split("\\s+");
        if (f.length < FIELDS) {
            return null;
        }
        try {
            String name = f[2];
            String disk = disks == null || disks.contains(sysName(name)) ? name : diskOf(name, disks);
            DiskCounters c = new DiskCounters(name, Integer.parseInt(f[0]), Integer.parseInt(f[1]), disk,
                    false, unsigned(f[3]), unsigned(f[5]), unsigned(f[6]), unsigned(f[7]),
                    unsigned(f[9]), unsigned(f[10]), unsigned(f[12]), unsigned(f[13]));
            // An idle device is left out of the figures: the many unused loop devices cost no read.
            return c.unused() || !isParallel(disk) ? c : c.inParallel();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long unsigned(String s) {
        return Long.parseUnsignedLong(s);
    }

    /** sysfs spells a {@code /} in a device name (cciss/c0d0) as {@code !}. */
    private static String sysName(String name) {
        return name.replace('/', '!');
    }

    /** The longest whole disk's name that begins the partition's (sda for sda1, nvme0n1 for nvme0n1p2). */
    private static String diskOf(String name, Set<String> disks) {
        String best = name;
        int bestLength = 0;
        for (String d : disks) {
            String shown = d.replace('!', '/');
            if (name.startsWith(shown) && shown.length() > bestLength) {
                best = shown;
                bestLength = shown.length();
            }
        }
        return best;
    }

    /** The names {@code /sys/block} lists, or null when it cannot be listed (no sysfs). */
    private Set<String> disks() {
        Set<String> names = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(sysBlock)) {
            for (Path p : entries) {
                names.add(p.getFileName().toString());
            }
        } catch (IOException e) {
            return null;
        }
        return names;
    }

    /** Whether {@code /sys/block/DISK/queue/rotational} says 0; a device that does not say counts as rotating. */
    private boolean isParallel(String disk) {
        return parallel.computeIfAbsent(disk, d -> {
            try {
                return Files.readString(sysBlock.resolve(sysName(d)).resolve("queue/rotational")).trim().equals("0");
            } catch (IOException | RuntimeException e) {
                return false;
            }
        });
    }
}
