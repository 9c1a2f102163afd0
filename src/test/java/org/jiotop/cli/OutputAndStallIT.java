package org.jiotop.cli;

import org.jiotop.linux.Capability;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The built jiotop writing where writing fails, and stopped in the middle of its run. */
class OutputAndStallIT {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Pattern INTERVAL = Pattern.compile("\"interval_seconds\":([0-9.]+)");
    private static final Pattern WRITTEN = Pattern.compile("\"write_bytes\":([0-9]+)");
    private static final Pattern ACCUMULATED = Pattern.compile("\"accumulated_write_bytes\":([0-9]+)");

    @TempDir
    Path tmp;

    @BeforeEach
    void root() {
        Capability.assume(Capability.NET_ADMIN);
    }

    private ProcessBuilder jiotop(String... args) {
        List<String> cmd = new ArrayList<>(List.of(REPO.resolve("jiotop").toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }

    @Test
    void aFullDeviceIsAnErrorInEveryFormat() throws Exception {
        for (String format : List.of("text", "json", "csv")) {
            Path err = tmp.resolve("err-" + format);
            Process p = jiotop("-b", "-n", "3", "-d", "0.1", "--format=" + format)
                    .redirectOutput(new File("/dev/full")).redirectError(err.toFile()).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String message = Files.readString(err);
            assertThat(p.exitValue()).as(format + ": " + message).isEqualTo(1);
            assertThat(message).as(format)
                    .isEqualTo("jiotop: cannot write to standard output: No space left on device\n");
        }
    }

    @Test
    void helpToAFullDeviceIsAnErrorToo() throws Exception {
        Path err = tmp.resolve("err");
        Process p = jiotop("--help").redirectOutput(new File("/dev/full")).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(Files.readString(err).lines()).hasSize(1);
    }

    @Test
    void stoppedAndContinuedGivesOneLongIntervalAndNoShortOne() throws Exception {
        Process p = jiotop("-b", "-n", "4", "-d", "1", "--format=json").redirectError(tmp.resolve("err").toFile())
                .start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            lines.add(out.readLine());
            // The launcher execs the JVM, so this stops jiotop itself, as Ctrl-Z or a stalled machine would.
            assertThat(new ProcessBuilder("kill", "-STOP", Long.toString(p.pid())).start().waitFor()).isZero();
            Thread.sleep(5_000);
            assertThat(new ProcessBuilder("kill", "-CONT", Long.toString(p.pid())).start().waitFor()).isZero();
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(lines).as("-n 4 counts reports, not stalls").hasSize(4);
        List<Double> intervals = new ArrayList<>();
        for (String line : lines) {
            Matcher m = INTERVAL.matcher(line);
            assertThat(m.find()).as(line).isTrue();
            intervals.add(Double.parseDouble(m.group(1)));
        }
        assertThat(intervals).as("intervals").allSatisfy(s -> assertThat(s).isGreaterThan(0.5));
        assertThat(intervals).as("the interval over the stall").anySatisfy(s -> assertThat(s).isGreaterThan(4.5));
    }

    /**
     * A writer seen at work, then ending while jiotop is stopped for longer than an exit report
     * normally waits to be read: its report, read on the continue, is of the task already counted,
     * in thread and in process mode alike, and adds nothing it had not shown.
     */
    @Test
    void aTaskThatEndsWhileJiotopIsStoppedIsCountedOnce() throws Exception {
        long mib8 = 8 << 20;
        Process dd = new ProcessBuilder("dd", "of=" + tmp.resolve("written"), "bs=1M", "iflag=fullblock",
                "oflag=direct", "status=none").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String pid = Long.toString(dd.pid());
        List<Process> watchers = new ArrayList<>();
        List<BufferedReader> outs = new ArrayList<>();
        List<List<String>> lines = new ArrayList<>();
        try {
            for (List<String> mode : List.of(List.<String>of(), List.of("-P"))) {
                List<String> args = new ArrayList<>(
                        List.of("-b", "-a", "--format=json", "-d", "0.5", "-n", "6", "-p", pid));
                args.addAll(mode);
                Process p = jiotop(args.toArray(String[]::new)).redirectError(tmp.resolve("err" + mode).toFile())
                        .start();
                watchers.add(p);
                outs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
                lines.add(new ArrayList<>());
            }
            for (int i = 0; i < outs.size(); i++) {
                lines.get(i).add(outs.get(i).readLine()); // the first report: the watchers have their baseline
            }
            dd.getOutputStream().write(new byte[(int) mib8]);
            dd.getOutputStream().flush();
            for (int i = 0; i < outs.size(); i++) {
                String line;
                do {
                    line = outs.get(i).readLine();
                    assertThat(line).as("a report showing the writer's 8 MiB").isNotNull();
                    lines.get(i).add(line);
                } while (field(ACCUMULATED, line) < mib8);
            }
            for (Process p : watchers) {
                assertThat(new ProcessBuilder("kill", "-STOP", Long.toString(p.pid())).start().waitFor()).isZero();
            }
            dd.getOutputStream().close();
            assertThat(dd.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(3_000);
            for (Process p : watchers) {
                assertThat(new ProcessBuilder("kill", "-CONT", Long.toString(p.pid())).start().waitFor()).isZero();
            }
            for (int i = 0; i < outs.size(); i++) {
                for (String line; (line = outs.get(i).readLine()) != null; ) {
                    lines.get(i).add(line);
                }
                assertThat(watchers.get(i).waitFor(30, TimeUnit.SECONDS)).isTrue();
                List<String> reports = lines.get(i);
                assertThat(reports).hasSize(6);
                assertThat(reports.getLast()).as("the writer listed as exited").contains("\"exited\":true");
                // Creating the file adds a few KiB of metadata to the writer's 8 MiB.
                long accumulated = field(ACCUMULATED, reports.getLast());
                assertThat(accumulated).isBetween(mib8, mib8 + (64 << 10));
                long shown = reports.stream().mapToLong(line -> field(WRITTEN, line)).sum();
                assertThat(shown).as("bytes written over all reports: %s", reports).isEqualTo(accumulated);
            }
        } finally {
            dd.destroyForcibly();
            for (Process p : watchers) {
                p.destroyForcibly();
            }
        }
    }

    /**
     * SIGTERM and SIGINT while a report larger than the output's buffer is being written, to a
     * reader slow enough that the writing takes most of the time: the output still ends with the
     * whole report, every line a whole JSON object.
     */
    @Test
    void aSignalLetsTheReportBeingWrittenFinish() throws Exception {
        for (String signal : List.of("TERM", "INT")) {
            Process p = jiotop("-b", "--format=json", "-d", "0.02").redirectError(tmp.resolve("err").toFile()).start();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] chunk = new byte[2048];
            long signalAt = System.nanoTime() + 1_500_000_000L;
            boolean signalled = false;
            try (InputStream in = p.getInputStream()) {
                for (int n; (n = in.read(chunk)) >= 0; ) {
                    got.write(chunk, 0, n);
                    Thread.sleep(2);
                    if (!signalled && System.nanoTime() > signalAt) {
                        signalled = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start()
                                .waitFor() == 0;
                    }
                }
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String out = got.toString(StandardCharsets.UTF_8);
            String what = signal + ", " + out.length() + " bytes, ending "
                    + out.substring(Math.max(0, out.length() - 80));
            assertThat(signalled).as(what).isTrue();
            assertThat(out.endsWith("}\n")).as(what).isTrue();
            assertThat(out.lines().count()).as(what).isPositive();
            assertThat(out.lines().filter(line -> !line.startsWith("{") || !line.endsWith("}")).count()).as(what)
                    .isZero();
        }
    }

    /** The value of {@code field} in the report's one row, 0 when it has none. */
    private static long field(Pattern field, String report) {
        Matcher m = field.matcher(report);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
