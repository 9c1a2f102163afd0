package org.jiotop.model;

import org.jiotop.linux.Capability;
import org.jiotop.linux.DiskCounters;
import org.jiotop.linux.DiskStatsReader;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

/**
 * The device figures against sysstat's {@code iostat -dx} over the same interval, on a loop device
 * of its own (backed by a file in /dev/shm) that nothing else touches: jiotop's model samples
 * /proc/diskstats just before iostat starts and as soon as iostat has printed, and
 * {@code dd oflag=direct} writes a known number of 4 KiB blocks while both measure. The writer
 * starts after iostat's first sample and ends before its second, so both intervals hold exactly
 * the same I/O and differ only in length by iostat's start-up and exit (milliseconds of 5 s).
 */
class DeviceIostatKernelTest {
    private static final int WRITES = 8_192;
    private static final int INTERVAL_SECONDS = 5;

    @Test
    void writesAwaitAndQueueAsIostatComputesThem() throws Exception {
        Capability.assume(Capability.SYS_ADMIN);
        assertThat(Files.isExecutable(Path.of("/usr/bin/iostat"))).as("iostat (Debian sysstat) is installed").isTrue();
        Path backing = Files.createTempFile(Path.of("/dev/shm"), "jiotop-devices-", ".img");
        String loop = null;
        try {
            run("truncate", "-s", "80M", backing.toString());
            loop = run("losetup", "-f", "--show", backing.toString()).strip();
            String name = Path.of(loop).getFileName().toString();
            for (int attempt = 0; attempt < 3; attempt++) {
                if (compare(loop, name)) {
                    return;
                }
            }
            fail("the writer never ran within iostat's interval: the machine is too busy");
        } finally {
            if (loop != null) {
                run("losetup", "-d", loop);
            }
            Files.deleteIfExists(backing);
        }
    }

    /** One measurement; false when the writer did not finish inside iostat's interval. */
    private static boolean compare(String loop, String name) throws Exception {
        DiskStatsReader reader = DiskStatsReader.system();
        DeviceTracker tracker = new DeviceTracker(true);
        tracker.advance(reader.read(), System.nanoTime());
        long started = System.nanoTime();
        Process iostat = new ProcessBuilder("iostat", "-dxy", "-m", String.valueOf(INTERVAL_SECONDS), "1", name)
                .redirectErrorStream(true).start();
        iostat.getOutputStream().close();
        Map<String, Double> theirs = new HashMap<>();
        List<DiskCounters> after;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(iostat.getInputStream(),
                StandardCharsets.UTF_8))) {
            Thread.sleep(500);
            run("dd", "if=/dev/zero", "of=" + loop, "bs=4k", "count=" + WRITES, "oflag=direct", "status=none");
            long ddDone = System.nanoTime() - started;
            boolean inside = ddDone < (INTERVAL_SECONDS - 1) * 1_000_000_000L;
            String[] header = null;
            String line;
            while ((line = out.readLine()) != null) {
                String[] f = line.strip().split("\\s+");
                if (f[0].equals("Device")) {
                    header = f;
                } else if (header != null && f[0].equals(name)) {
                    break;
                }
            }
            after = reader.read();
            DeviceReport ours = tracker.advance(after, System.nanoTime());
            assertThat(line).as("iostat's line for %s", name).isNotNull();
            if (!inside) {
                return false;
            }
            String[] f = line.strip().split("\\s+");
            for (int i = 1; i < f.length; i++) {
                theirs.put(header[i], Double.parseDouble(f[i]));
            }
            DeviceRates r = ours.devices().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
            // The known writer: every 4 KiB write is one request of the loop device.
            assertThat(r.writesPerSecond() * ours.durationNanos() / 1e9).isCloseTo(WRITES, within(0.5));
            assertThat(r.writesPerSecond()).isCloseTo(theirs.get("w/s"), within(theirs.get("w/s") * 0.05));
            assertThat(r.writeBytesPerSecond() / (1 << 20)).isCloseTo(theirs.get("wMB/s"),
                    within(theirs.get("wMB/s") * 0.05));
            // Both print two decimals: 0.005 of rounding each. aqu-sz and %util divide the same
            // milliseconds by each one's interval: ours is put on iostat's, which its w/s gives
            // (the known writes over it), so that a slow start of iostat on a busy machine does not count.
            double stretch = ours.durationNanos() / 1e9 / (WRITES / theirs.get("w/s"));
            assertThat(r.writeAwaitMillis()).isCloseTo(theirs.get("w_await"), within(0.01));
            assertThat(r.readAwaitMillis()).isCloseTo(theirs.get("r_await"), within(0.01));
            assertThat(r.queueSize() * stretch).isCloseTo(theirs.get("aqu-sz"), within(0.01));
            assertThat(r.utilPercent() * stretch).isCloseTo(theirs.get("%util"), within(0.01));
            assertThat(r.parallel()).isTrue();
        } finally {
            iostat.waitFor();
        }
        return true;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("%s: %s", String.join(" ", command), out).isZero();
        return out;
    }
}
