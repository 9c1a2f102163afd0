package org.jiotop.cli;

import org.jiotop.linux.Capability;
import org.jiotop.linux.ProcFs;
import org.jiotop.testkit.Child;
import org.jiotop.testkit.Installed;
import org.jiotop.testkit.IoRecorder;
import org.jiotop.testkit.OnDisk;
import org.jiotop.testkit.SteadyReader;
import org.jiotop.testkit.SteadyWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The installed jiotop run as {@code nobody}, which taskstats refuses: it reads /proc, shows the
 * processes nobody may read at their kernel counters' rates, and counts the others.
 */
class NonRootIT {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Pattern ROW = Pattern.compile(" *(\\d+) .*?(\\d+\\.\\d\\d) K/s +(\\d+\\.\\d\\d) K/s(.*)");
    private static final Pattern PERCENT = Pattern.compile("(\\d+\\.\\d\\d) %");
    private static final long RATE = 8L << 20;

    @TempDir
    Path tmp;
    @TempDir(factory = OnDisk.class)
    Path scratch;
    private Path home;

    /** One batch report: when its first line came, its note (or null) and its rows by PID. */
    record Report(Instant end, String note, List<String> rows) {
        String row(int pid) {
            for (String r : rows) {
                Matcher m = ROW.matcher(r);
                if (m.matches() && Integer.parseInt(m.group(1)) == pid) {
                    return r;
                }
            }
            return null;
        }

        double writeKiBs(int pid) {
            Matcher m = ROW.matcher(row(pid));
            assertThat(m.matches()).isTrue();
            return Double.parseDouble(m.group(3));
        }
    }

    record Run(int status, String err, List<Report> reports) {
    }

    @BeforeEach
    void install() throws IOException {
        Capability.assume(Capability.SETUID, Capability.SETGID, Capability.SETPCAP);
        home = Installed.copy(REPO, tmp, "world");
        // The writers run as nobody too, and write here.
        Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    /** The installed jiotop as nobody with {@code caps}, its reports taken as they come. */
    private Run jiotopAsNobody(String caps, String... args) throws Exception {
        return jiotopAsNobody(List.of(), caps, args);
    }

    /** As {@link #jiotopAsNobody(String, String...)}, started by the command {@code before}. */
    private Run jiotopAsNobody(List<String> before, String caps, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(before);
        cmd.addAll(Child.asNobody(caps));
        cmd.add(home.resolve("jiotop").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("HOME", tmp.toString());
        Path err = tmp.resolve("err");
        Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(err.toFile()).start();
        List<Report> reports = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            Instant end = null;
            String note = null;
            List<String> rows = new ArrayList<>();
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("Total DISK READ")) {
                    if (end != null) {
                        reports.add(new Report(end, note, rows));
                    }
                    end = Instant.now();
                    note = null;
                    rows = new ArrayList<>();
                } else if (line.startsWith("not root:")) {
                    note = line;
                } else if (ROW.matcher(line).matches()) {
                    rows.add(line);
                }
            }
            if (end != null) {
                reports.add(new Report(end, note, rows));
            }
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(p.exitValue(), Files.readString(err), reports);
    }

    private void assertRate(Report report, int pid, IoRecorder kernel) throws InterruptedException {
        double actualKiBs = kernel.writeRate(report.end(), 1.0) / 1024;
        assertThat(report.writeKiBs(pid)).as(String.join("\n", report.rows()))
                .isCloseTo(actualKiBs, within(actualKiBs * 0.05));
    }

    @Test
    void nobodySeesItsOwnWriterAtItsRateAndCountsRootsAsUnreadable() throws Exception {
        try (Child own = Child.javaAsNobody("", SteadyWriter.class, scratch.resolve("own").toString(),
                Long.toString(RATE));
             Child roots = Child.java(SteadyWriter.class, scratch.resolve("root").toString(), Long.toString(RATE));
             IoRecorder kernel = new IoRecorder(own.pid())) {
            own.readLine();
            roots.readLine();
            Run r = jiotopAsNobody("", "-b", "-P", "-k", "-d", "1", "-n", "3",
                    "-p", Integer.toString(own.pid()), "-p", Integer.toString(roots.pid()));
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.err()).isEmpty();
            assertThat(r.reports()).hasSize(3);
            for (Report report : r.reports()) {
                assertThat(report.note()).isEqualTo("not root: 1 of 2 processes not readable; run as root for all");
                assertThat(report.row(roots.pid())).as("root's writer, unreadable, is no row").isNull();
                assertRate(report, own.pid(), kernel);
            }
        }
    }

    @Test
    void withDacReadSearchAndPtraceNobodySeesRootsWriterToo() throws Exception {
        try (Child roots = Child.java(SteadyWriter.class, scratch.resolve("root").toString(), Long.toString(RATE));
             IoRecorder kernel = new IoRecorder(roots.pid())) {
            roots.readLine();
            Run r = jiotopAsNobody("+dac_read_search,+sys_ptrace", "-b", "-P", "-k", "-d", "1", "-n", "3",
                    "-p", Integer.toString(roots.pid()));
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.reports()).hasSize(3);
            for (Report report : r.reports()) {
                assertThat(report.note()).startsWith("not root: 1 process readable");
                assertRate(report, roots.pid(), kernel);
            }
        }
    }

    /**
     * A /proc mounted with hidepid=noaccess (in a mount namespace of its own) lists every process
     * but lets nobody into the folders of root's: those are unreadable processes, not ended ones.
     */
    @Test
    void whereProcHidesRootsProcessesTheyAreCountedAsUnreadable() throws Exception {
        Capability.assume(Capability.SYS_ADMIN);
        List<String> hidden = List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                "mount -t proc -o hidepid=noaccess proc /proc && exec \"$@\"", "sh");
        Pattern unreadable = Pattern.compile("not root: [1-9]\\d* of \\d+ processes not readable; run as root for all");
        try (Child own = Child.javaAsNobody("", SteadyWriter.class, scratch.resolve("own").toString(),
                Long.toString(RATE));
             Child roots = Child.java(SteadyWriter.class, scratch.resolve("root").toString(), Long.toString(RATE))) {
            own.readLine();
            roots.readLine();
            Run chosen = jiotopAsNobody(hidden, "", "-b", "-P", "-k", "-d", "0.5", "-n", "2",
                    "-p", Integer.toString(own.pid()), "-p", Integer.toString(roots.pid()));
            assertThat(chosen.status()).as(chosen.err()).isZero();
            assertThat(chosen.reports()).hasSize(2).allSatisfy(report -> {
                assertThat(report.note()).isEqualTo("not root: 1 of 2 processes not readable; run as root for all");
                assertThat(report.row(own.pid())).isNotNull();
            });
            for (String mode : List.of("-P", "--group=thread")) {
                Run all = jiotopAsNobody(hidden, "", "-b", mode, "-d", "0.5", "-n", "2");
                assertThat(all.status()).as(all.err()).isZero();
                assertThat(all.reports()).as(mode).hasSize(2)
                        .allSatisfy(report -> assertThat(report.note()).matches(unreadable));
            }
        }
    }

    /** A recording root keeps to itself (mode 0600), which nobody asks to replay or report on. */
    @Test
    void aRecordingNobodyMayNotReadIsSaidToBeSo() throws Exception {
        Path recording = scratch.resolve("root.rec");
        int status = Main.run(new String[]{"-b", "-n", "1", "-d", "0.1", "--record", recording.toString()},
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(OutputStream.nullOutputStream()),
                ProcFs.system());
        assertThat(status).isZero();
        Files.setPosixFilePermissions(recording, PosixFilePermissions.fromString("rw-------"));
        String said = "jiotop: " + recording + ": cannot be read (permission denied)\n";
        Run replay = jiotopAsNobody("", "-b", "--replay", recording.toString());
        assertThat(replay.err()).isEqualTo(said);
        assertThat(replay.status()).isEqualTo(Main.EXIT_CANNOT_RUN);
        Run report = jiotopAsNobody("", "report", recording.toString(), "-o", tmp.resolve("page.html").toString());
        assertThat(report.err()).isEqualTo(said);
        assertThat(report.status()).isEqualTo(Main.EXIT_CANNOT_RUN);
    }

    @Test
    void ioShareOfANobodyReaderMatchesTaskstats() throws Exception {
        Capability.assume(Capability.NET_ADMIN, Capability.SYS_ADMIN, Capability.DAC_OVERRIDE);
        ProcFs proc = ProcFs.system();
        Boolean was = proc.taskDelayAcct();
        org.junit.jupiter.api.Assumptions.assumeTrue(was != null, "no kernel.task_delayacct");
        proc.setTaskDelayAcct(true); // before the reader starts: delay accounting covers tasks started after
        try (Child reader = Child.javaAsNobody("", SteadyReader.class, scratch.resolve("read").toString(),
                Long.toString(RATE))) {
            reader.readLine();
            String pid = Integer.toString(reader.pid());
            String[] args = {"-b", "-P", "-k", "-d", "1", "-n", "4", "-p", pid};
            CompletableFuture<Run> nobody = CompletableFuture.supplyAsync(() -> {
                try {
                    return jiotopAsNobody("", args);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            int status = Main.run(args, new PrintStream(text, true, StandardCharsets.UTF_8),
                    new PrintStream(OutputStream.nullOutputStream()), proc);
            Run procfs = nobody.get(60, TimeUnit.SECONDS);
            assertThat(status).isZero();
            assertThat(procfs.status()).as(procfs.err()).isZero();
            String root = text.toString(StandardCharsets.UTF_8);
            double byTaskstats = meanIoPercent(root.lines().filter(l -> {
                Matcher m = ROW.matcher(l);
                return m.matches() && m.group(1).equals(pid);
            }).toList());
            List<String> rows = new ArrayList<>();
            procfs.reports().forEach(rep -> rows.add(rep.row(reader.pid())));
            double byProcfs = meanIoPercent(rows);
            assertThat(byTaskstats).as(root).isGreaterThan(0);
            assertThat(byProcfs).as(rows.toString()).isCloseTo(byTaskstats, within(10.0));
        } finally {
            proc.setTaskDelayAcct(was);
        }
    }

    /** The mean of the IO column (the last percentage of each row). */
    private static double meanIoPercent(List<String> rows) {
        assertThat(rows).isNotEmpty().doesNotContainNull();
        double sum = 0;
        for (String row : rows) {
            Matcher m = PERCENT.matcher(row);
            double last = Double.NaN;
            while (m.find()) {
                last = Double.parseDouble(m.group(1));
            }
            assertThat(last).as(row).isNotNaN();
            sum += last;
        }
        return sum / rows.size();
    }
}
