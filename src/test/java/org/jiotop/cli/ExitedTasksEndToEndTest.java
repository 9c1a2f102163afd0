package org.jiotop.cli;

import org.jiotop.linux.Capability;
import org.jiotop.testkit.Child;
import org.jiotop.testkit.ThreadWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Tasks that start and end between two samples, against the real kernel's exit reports. */
class ExitedTasksEndToEndTest {
    private static final Pattern ACCUMULATED_WRITE = Pattern.compile(" +(\\d+\\.\\d\\d) K +(\\d+\\.\\d\\d) K ");

    /** The row of an exited dd of the churn test: its name, or the command line it was shown with. */
    private static final Pattern DD_EXITED =
            Pattern.compile(" dd( if=\\S+ of=\\S+ bs=1M count=4 oflag=direct status=none)? <exited>$");

    private Path scratch;

    @BeforeEach
    void root() throws Exception {
        Capability.assume(Capability.NET_ADMIN);
        scratch = Files.createDirectories(Path.of("target", "e2e-scratch")).toAbsolutePath();
    }

    /** The KiB written of a row printed with -a -k (accumulated). */
    static double writtenKiB(String row) {
        Matcher m = ACCUMULATED_WRITE.matcher(row);
        assertThat(m.find()).as(row).isTrue();
        return Double.parseDouble(m.group(2));
    }

    /** The rows of the last report of a run printed with -qq. */
    static List<String> lastReport(String out) {
        List<String> lines = out.lines().toList();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Current DISK READ")) {
                start = i + 1;
            }
        }
        return lines.subList(start, lines.size()).stream().filter(l -> !l.startsWith("Lost exit")).toList();
    }

    @Test
    void churnOfShortLivedWritersIsAttributedToThemByName() throws Exception {
        int runs = 40;
        String file = scratch.resolve("churn").toString();
        // The loop takes about 3 s here, longer on a loaded machine: jiotop watches for 10.
        CompletableFuture<MainTest.Result> jiotop =
                MainTest.start("-b", "-a", "-P", "-o", "-k", "-qq", "-n", "10", "-d", "1").afterBaseline();
        Process loop = new ProcessBuilder("bash", "-c", "for i in $(seq " + runs + "); do dd if=/dev/zero of=" + file
                + " bs=1M count=4 oflag=direct status=none; sleep 0.05; done").inheritIO().start();
        assertThat(loop.waitFor()).isZero();
        assertThat(jiotop).as("jiotop ended before the last dd").isNotDone();
        MainTest.Result r = jiotop.get();
        // A dd that a sample caught alive keeps the command line it was shown with.
        List<String> dd = lastReport(r.out()).stream().filter(l -> DD_EXITED.matcher(l).find()).toList();
        double total = dd.stream().mapToDouble(ExitedTasksEndToEndTest::writtenKiB).sum();
        assertThat(dd).as(r.out()).hasSize(runs);
        assertThat(total).as(r.out()).isGreaterThanOrEqualTo(0.99 * runs * 4096);
        // Creating and truncating the file adds a little metadata I/O of its own.
        assertThat(total).as(r.out()).isLessThanOrEqualTo(1.01 * runs * 4096);
    }

    @Test
    void threadThatWritesAndEndsWithinAnIntervalIsShownWithItsBytes() throws Exception {
        try (Child child = Child.java(ThreadWriter.class, scratch.resolve("short-thread").toString())) {
            assertThat(child.readLine()).startsWith("ready");
            CompletableFuture<MainTest.Result> jiotop =
                    MainTest.start("-b", "-a", "-o", "-k", "-qq", "-n", "3", "-d", "1").afterBaseline();
            child.send("write " + (16 << 20));
            assertThat(child.readLine()).isEqualTo("done");
            assertThat(jiotop).as("jiotop ended before the thread").isNotDone();
            MainTest.Result r = jiotop.get();
            // Just "writer" if no sample caught the thread alive; else its process's command line and "[writer]".
            List<String> writer = lastReport(r.out()).stream()
                    .filter(l -> l.endsWith(" writer <exited>") || l.endsWith(" [writer] <exited>")).toList();
            assertThat(writer).as(r.out()).hasSize(1);
            // The file's creation may add some metadata writes to the thread's own 16 MiB.
            assertThat(writtenKiB(writer.getFirst())).isBetween(16384.0, 16384.0 * 1.01);
        }
    }

    @Test
    void tinyBufferUnderChurnSaysReportsWereLost() throws Exception {
        CompletableFuture<MainTest.Result> jiotop =
                MainTest.start("-b", "-o", "-P", "-n", "24", "-d", "0.5", "--exit-buffer=4").afterBaseline();
        // Bursts of thousands of exits at the same moment, far more than a few KiB of socket buffer
        // holds however fast the listener runs: children of 16 threads each, blocked on one pipe and
        // released together by closing it, each ending all its threads at once.
        String burst = "import os, threading, time\n"
                + "for b in range(2):\n"
                + "    r, w = os.pipe()\n"
                + "    kids = []\n"
                + "    for i in range(200):\n"
                + "        pid = os.fork()\n"
                + "        if pid == 0:\n"
                + "            os.close(w)\n"
                + "            for t in range(15):\n"
                + "                threading.Thread(target=os.read, args=(r, 1), daemon=True).start()\n"
                + "            os.read(r, 1)\n"
                + "            os._exit(0)\n"
                + "        kids.append(pid)\n"
                + "    time.sleep(0.5)\n"
                + "    os.close(r)\n"
                + "    os.close(w)\n"
                + "    for pid in kids:\n"
                + "        os.waitpid(pid, 0)\n"
                + "    time.sleep(0.2)\n";
        Process bursts = new ProcessBuilder("python3", "-c", burst).inheritIO().start();
        assertThat(bursts.waitFor()).isZero();
        // The bursts take about 3 s here, far longer on a loaded machine.
        assertThat(jiotop).as("jiotop ended before the last burst").isNotDone();
        MainTest.Result r = jiotop.get();
        assertThat(r.out()).containsPattern("(?m)^Lost exit reports: \\d+ times? \\(");
    }
}
