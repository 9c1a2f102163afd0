package org.jiotop.cli;

import org.jiotop.linux.Capability;
import org.jiotop.linux.IoPrio;
import org.jiotop.linux.IoPriority;
import org.jiotop.linux.ProcFs;
import org.jiotop.linux.TaskPriority;
import org.jiotop.testkit.Child;
import org.jiotop.testkit.IoRecorder;
import org.jiotop.testkit.OnDisk;
import org.jiotop.testkit.Sleepers;
import org.jiotop.testkit.SteadyWriter;
import org.jiotop.testkit.ThreadWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * jiotop's batch mode against the real kernel, with child processes doing known O_DIRECT I/O.
 * The directory for the writers is under target/ ({@link OnDisk}), made and removed for each test.
 */
class KernelEndToEndTest {
    private static final Pattern KIB_RATES = Pattern.compile("(\\d+\\.\\d\\d) K/s +(\\d+\\.\\d\\d) K/s");

    @TempDir(factory = OnDisk.class)
    Path scratch;

    @BeforeEach
    void taskstats() {
        Capability.assume(Capability.NET_ADMIN);
    }

    /** Write rates (KiB/s) of the rows in batch output printed with -k. */
    private static List<Double> writeRates(String out) {
        List<Double> rates = new ArrayList<>();
        for (String line : out.lines().toList()) {
            Matcher m = KIB_RATES.matcher(line);
            if (m.find()) {
                rates.add(Double.parseDouble(m.group(2)));
            }
        }
        return rates;
    }

    @Test
    void steadyWriterIsReportedWithin5PercentOfItsProcIoDelta() throws Exception {
        long rate = 8L << 20;
        try (Child writer = Child.java(SteadyWriter.class, scratch.resolve("steady").toString(), Long.toString(rate));
             IoRecorder kernel = new IoRecorder(writer.pid())) {
            String tid = writer.readLine().substring("ready ".length());
            // Batch mode flushes once per report, right after its sample: the flush times end the intervals.
            List<Instant> reportEnds = new ArrayList<>();
            ByteArrayOutputStream text = new ByteArrayOutputStream() {
                @Override
                public void flush() {
                    if (size() > 0) {
                        reportEnds.add(Instant.now());
                    }
                }
            };
            int status = Main.run(new String[]{"-b", "-k", "-qqq", "-p", tid, "-n", "3", "-d", "1"},
                    new PrintStream(text, false, StandardCharsets.UTF_8),
                    new PrintStream(OutputStream.nullOutputStream()), ProcFs.system());
            String out = text.toString(StandardCharsets.UTF_8);
            assertThat(status).isZero();
            List<Double> rates = writeRates(out);
            assertThat(rates).as(out).hasSize(3);
            assertThat(reportEnds).as(out).hasSizeGreaterThanOrEqualTo(3);
            for (int i = 0; i < rates.size(); i++) {
                double actualKiBs = kernel.writeRate(reportEnds.get(i), 1.0) / 1024;
                assertThat(rates.get(i)).as(out).isCloseTo(actualKiBs, within(actualKiBs * 0.05));
            }
        }
    }

    @Test
    void processRowKeepsTheIoOfAThreadThatExitedAndNeverSpikes() throws Exception {
        long bytes = 32L << 20;
        try (Child child = Child.java(ThreadWriter.class, scratch.resolve("threads").toString())) {
            assertThat(child.readLine()).startsWith("ready");
            String pid = Integer.toString(child.pid());
            // Accumulated figures (-a), so the check does not hang on how long each interval lasted.
            CompletableFuture<MainTest.Result> run =
                    MainTest.start("-b", "-P", "-a", "-k", "-qqq", "-p", pid, "-n", "5", "-d", "1").afterBaseline();
            Thread.sleep(1500);
            child.send("write " + bytes);
            assertThat(child.readLine()).isEqualTo("done");
            assertThat(run).as("jiotop ended before the thread").isNotDone();
            MainTest.Result r = run.get();
            List<Double> totals = writeRates(r.out().replace(" K ", " K/s "));
            assertThat(totals).as(r.out()).hasSize(5);
            // The exited thread's bytes stay in the process's row, counted once: the total only
            // grows, to the bytes written (and the file's creation may add a little metadata).
            assertThat(totals).as(r.out()).isSorted();
            assertThat(totals.getLast()).as(r.out()).isBetween(bytes / 1024.0, bytes / 1024.0 * 1.01);
        }
    }

    @Test
    void processModeSelectedByPidIncludesItsOtherThreads() throws Exception {
        long bytes = 16L << 20;
        try (Child child = Child.java(ThreadWriter.class, scratch.resolve("held").toString())) {
            assertThat(child.readLine()).startsWith("ready");
            String pid = Integer.toString(child.pid());
            CompletableFuture<MainTest.Result> run =
                    MainTest.start("-b", "-P", "-a", "-k", "-qqq", "-p", pid, "-n", "2", "-d", "1").afterBaseline();
            child.send("hold " + bytes);
            assertThat(child.readLine()).isEqualTo("holding");
            MainTest.Result r = run.get();
            child.send("release");
            String last = r.out().lines().toList().getLast();
            assertThat(last).as(r.out()).startsWith(String.format("%5s ", pid));
            // The held thread is alive, so its bytes are there; the JVM itself may add a few KiB.
            assertThat(writeRates(r.out().replace(" K ", " K/s "))).last().asInstanceOf(
                    org.assertj.core.api.InstanceOfAssertFactories.DOUBLE).isBetween(16384.0, 16384.0 * 1.01);
        }
    }

    @Test
    void hostileCommandLineIsPrintedEscaped() throws Exception {
        try (Child evil = Child.command("bash", "-c", "exec -a $'\\e[31mEVIL\\xff\\x01\\e]0;t\\a' sleep 30")) {
            Path cmdline = Path.of("/proc", Integer.toString(evil.pid()), "cmdline");
            for (int i = 0; i < 300 && !Files.readString(cmdline, StandardCharsets.ISO_8859_1).contains("EVIL"); i++) {
                Thread.sleep(20);
            }
            MainTest.Result r = MainTest.run("-b", "-p", Integer.toString(evil.pid()), "-n", "1", "-d", "0.2");
            assertThat(r.status()).isZero();
            assertThat(r.out()).contains("\\x1b[31mEVIL\\xff\\x01\\x1b]0;t\\x07 30");
            assertThat(r.out().chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
        }
    }

    @Test
    void reportsComeEveryIntervalAndOnlyActiveRowsWithO() throws Exception {
        MainTest.Result r = MainTest.run("-b", "-o", "-n", "2", "-d", "0.3");
        assertThat(r.status()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("Total DISK READ:"))).hasSize(2);
        assertThat(r.out().lines().filter(l -> l.startsWith("Current DISK READ:"))).hasSize(2);
        assertThat(r.out().lines().filter(l -> l.endsWith("COMMAND"))).hasSize(2);
    }

    @Test
    void childReapedByItsShellIsCountedOnce() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String file = scratch.resolve("reaped").toString();
        // The shell starts its writer only when told, after jiotop's first sample, so every byte
        // of both falls within what jiotop accumulates.
        String script = "read go; " + java + " -XX:TieredStopAtLevel=1 -cp " + System.getProperty("java.class.path")
                + " org.jiotop.testkit.SteadyWriter " + file + " 8388608 & W=$!; sleep 2.5; kill $W; wait $W; exec sleep 30";
        try (Child shell = Child.command("bash", "-c", script)) {
            ProcFs proc = ProcFs.system();
            CompletableFuture<MainTest.Result> run =
                    MainTest.start("-b", "-P", "-a", "-k", "-qq", "-n", "7", "-d", "1").afterBaseline();
            long before = proc.processIo(shell.pid()).writeBytes();
            shell.send("go");
            int tid = Integer.parseInt(shell.readLine().substring("ready ".length()));
            int writer = proc.tgidOf(tid);
            while (proc.processIo(writer) != null) {
                Thread.sleep(100);
            }
            long after = proc.processIo(shell.pid()).writeBytes();
            assertThat(run).as("jiotop ended before the writer was reaped").isNotDone();
            MainTest.Result r = run.get();
            double expectedKiB = (after - before) / 1024.0;
            assertThat(expectedKiB).isGreaterThan(8 * 1024);
            // The last report's accumulated bytes of the shell and of its reaped writer.
            double reported = 0;
            for (String row : ExitedTasksEndToEndTest.lastReport(r.out())) {
                String id = row.trim().split(" +")[0];
                if (id.equals(Integer.toString(shell.pid())) || id.equals(Integer.toString(writer))) {
                    reported += ExitedTasksEndToEndTest.writtenKiB(row);
                }
            }
            assertThat(reported).as(r.out()).isCloseTo(expectedKiB, within(expectedKiB * 0.01));
        }
    }

    @Test
    void withDelayAccountingOnIoColumnsArePercentages() throws Exception {
        Capability.assume(Capability.SYS_ADMIN, Capability.DAC_OVERRIDE); // to turn the sysctl on
        Path sysctl = Path.of("/proc/sys/kernel/task_delayacct");
        String before = Files.readString(sysctl).strip();
        Files.writeString(sysctl, "1");
        // Delay figures exist only for tasks started while the sysctl is on, so the writer starts now.
        try (Child writer = Child.java(SteadyWriter.class, scratch.resolve("delay").toString(), "67108864")) {
            String tid = writer.readLine().substring("ready ".length());
            MainTest.Result r = MainTest.run("-b", "-qq", "-p", tid, "-n", "2", "-d", "1");
            List<String> rows = r.out().lines().filter(l -> l.trim().startsWith(tid + " ")).toList();
            assertThat(rows).as(r.out()).hasSize(2);
            for (String row : rows) {
                assertThat(row).doesNotContain("?unavailable?").matches(".* \\d+\\.\\d\\d % +\\d+\\.\\d\\d % .*");
            }
            Matcher io = Pattern.compile("% +(\\d+\\.\\d\\d) % ").matcher(rows.getLast());
            assertThat(io.find()).isTrue();
            assertThat(Double.parseDouble(io.group(1))).as(r.out()).isPositive();
        } finally {
            Files.writeString(sysctl, before);
        }
        assertThat(Files.readString(sysctl).strip()).isEqualTo(before);
    }

    @Test
    void withoutDelayAccountingRowsAreSortedByWrite() throws Exception {
        Path sysctl = Path.of("/proc/sys/kernel/task_delayacct");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.readString(sysctl).strip().equals("0"));
        try (Child slow = Child.java(SteadyWriter.class, scratch.resolve("slow").toString(), "1048576");
             Child fast = Child.java(SteadyWriter.class, scratch.resolve("fast").toString(), "8388608")) {
            String slowTid = slow.readLine().substring("ready ".length());
            String fastTid = fast.readLine().substring("ready ".length());
            MainTest.Result r = MainTest.run("-b", "-qqq", "-p", slowTid, "-p", fastTid, "-n", "1", "-d", "1");
            List<String> rows = r.out().lines().toList();
            assertThat(rows).as(r.out()).hasSize(2);
            assertThat(rows.get(0).trim()).startsWith(fastTid + " ");
            assertThat(rows.get(0)).contains("?unavailable?");
        }
    }

    @Test
    void processPriorityIsItsThreadsWhenTheyAgreeElseDif() throws Exception {
        try (Child sleepers = Child.java(Sleepers.class, "3")) {
            assertThat(sleepers.readLine()).isEqualTo("ready");
            String pid = Integer.toString(sleepers.pid());
            IoPrio ioprio = new IoPrio();
            int[] tids = ProcFs.system().tids(sleepers.pid());
            IoPriority same = ioprio.get(tids[0]);
            assertThat(tids).hasSizeGreaterThan(3);
            assertThat(java.util.Arrays.stream(tids).mapToObj(ioprio::get)).containsOnly(same);

            String agreeing = MainTest.run("-b", "-P", "-qqq", "-p", pid, "-n", "1", "-d", "0.1").out();
            assertThat(agreeing.split(" +")).as(agreeing).contains(TaskPriority.of(same).text());

            ioprio.set(tids[tids.length - 1], new IoPriority(IoPriority.CLASS_IDLE, 0));
            String differing = MainTest.run("-b", "-P", "-qqq", "-p", pid, "-n", "1", "-d", "0.1").out();
            assertThat(differing.split(" +")).as(differing).contains("?dif");
        }
    }
}
