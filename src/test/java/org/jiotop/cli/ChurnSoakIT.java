package org.jiotop.cli;

import org.jiotop.linux.Capability;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jiotop while thousands of tasks start and exit every second: every mode ends cleanly, prints no
 * negative or absurd figure, and a run of a minute and a half keeps its memory flat.
 */
class ChurnSoakIT {
    private static final Path REPO = Path.of("").toAbsolutePath();
    /** Bursts of short-lived processes, each a few hundred at once, for SECONDS seconds. */
    private static final String CHURN = "end=$((SECONDS+%d)); while [ $SECONDS -lt $end ]; do "
            + "for i in $(seq 100); do /bin/true & done; wait; done";
    private static final Pattern NEGATIVE = Pattern.compile("(?<![\\w.])-\\d");
    private static final Pattern HUGE_RATE = Pattern.compile("\\d+\\.\\d\\d [PE]/s");

    @BeforeEach
    void root() {
        Capability.assume(Capability.NET_ADMIN);
    }

    private static Process churn(int seconds) throws Exception {
        return new ProcessBuilder("bash", "-c", CHURN.formatted(seconds)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void everyModeSurvivesChurn() throws Exception {
        Process churn = churn(20);
        try {
            for (String[] args : new String[][]{
                    {"-b", "-n", "3", "-d", "1"},
                    {"-b", "-P", "-n", "3", "-d", "1"},
                    {"-b", "-a", "-o", "-n", "3", "-d", "1"},
                    {"-b", "-P", "--format=json", "-n", "3", "-d", "1"},
                    {"-b", "--format=csv", "-n", "3", "-d", "1"}}) {
                MainTest.Result r = MainTest.run(args);
                String what = String.join(" ", args);
                assertThat(r.status()).as(what).isZero();
                assertThat(r.err().lines().filter(l -> !l.startsWith("jiotop: Lost exit reports")))
                        .as(what).isEmpty();
                if (!what.contains("format")) {
                    for (String line : r.out().lines().toList()) {
                        String figures = line.length() > 60 ? line.substring(0, 60) : line;
                        assertThat(NEGATIVE.matcher(figures).find()).as("%s: %s", what, line).isFalse();
                        assertThat(HUGE_RATE.matcher(line).find()).as("%s: %s", what, line).isFalse();
                    }
                } else {
                    assertThat(r.out()).as(what).doesNotContain("_per_second\":-")
                            .doesNotContainPattern("\":\"?-?(NaN|Infinity)");
                }
            }
        } finally {
            churn.destroy();
            churn.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void minutesOfChurnKeepMemoryFlat() throws Exception {
        // A hundred refreshes, 0.6 s apart, of a machine that starts and ends processes as fast as a shell can.
        Process churn = churn(70);
        Process jiotop = new ProcessBuilder(REPO.resolve("jiotop").toString(), "-b", "-P", "-o", "-n", "100", "-d",
                "0.6")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.PIPE).start();
        List<Long> rss = new ArrayList<>();
        long liveEarly = -1;
        long liveAtTheEnd = -1;
        try {
            Path status = Path.of("/proc", Long.toString(jiotop.pid()), "status");
            for (int sample = 1; jiotop.isAlive(); sample++) {
                Thread.sleep(3000);
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        rss.add(Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
                if (sample == 6) {
                    liveEarly = liveHeapBytes(jiotop.pid());
                } else if (sample == 18) {
                    liveAtTheEnd = liveHeapBytes(jiotop.pid());
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // ended between the check and the read
        } finally {
            churn.destroy();
        }
        assertThat(jiotop.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String err = new String(jiotop.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jiotop.exitValue()).as(err).isZero();
        // What jiotop holds after a full collection does not grow with churn. (Resident memory over
        // minutes cannot tell: the serial collector fills its old generation with promoted
        // garbage up to the heap's ceiling, 24 MiB + 1 KiB per task, before it collects it, which
        // under this churn takes longer than the run.)
        assertThat(liveEarly).as("live heap after 18 s").isPositive();
        assertThat(liveAtTheEnd).as("live heap after 54 s").isPositive();
        assertThat(liveAtTheEnd).as("live heap after 54 s, against %d after 18 s", liveEarly)
                .isLessThanOrEqualTo(liveEarly + (2 << 20));
        assertThat(rss).as("VmRSS samples (KiB)").hasSizeGreaterThan(14);
        assertThat(java.util.Collections.max(rss)).as("VmRSS samples (KiB): %s", rss).isLessThan(160 * 1024);
    }

    /** The bytes of the objects {@code pid} holds, after the full collection jcmd's histogram makes. */
    private static long liveHeapBytes(long pid) throws Exception {
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        java.util.regex.Matcher total = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)").matcher(out);
        assertThat(total.find()).as(out).isTrue();
        return Long.parseLong(total.group(1));
    }

    @Test
    void liveViewAndExporterSurviveChurn() throws Exception {
        Process churn = churn(15);
        try (org.jiotop.testkit.Tmux tmux = new org.jiotop.testkit.Tmux(120, 30,
                "sh -c '" + REPO.resolve("jiotop") + " -d 0.3 -P; echo status=$?; sleep 30'")) {
            Thread.sleep(6000);
            tmux.keys("p");
            Thread.sleep(3000);
            tmux.keys("a", "Right", "q");
            String after = tmux.await(s -> s.contains("status="), java.time.Duration.ofSeconds(15));
            assertThat(after).contains("status=0").doesNotContain("Exception");
            MainTest.Result exporter = MainTest.run("--serve", "127.0.0.1:0", "-d", "0.3", "-n", "10");
            assertThat(exporter.status()).as(exporter.err()).isZero();
            assertThat(exporter.err()).doesNotContain("Exception");
        } finally {
            churn.destroy();
            churn.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
