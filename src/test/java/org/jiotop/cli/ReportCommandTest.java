package org.jiotop.cli;

import org.jiotop.linux.CgroupLabels;
import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.TaskPriority;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.Visibility;
import org.jiotop.model.Interval;
import org.jiotop.model.IoDelta;
import org.jiotop.model.TaskActivity;
import org.jiotop.record.RecordingWriter;
import org.jiotop.record.SegmentStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code jiotop report FILE -o OUT} on recordings written with the recording format's writer. */
class ReportCommandTest {
    private static final long BASE = 5_000_000_000L;
    private static final long WALL = 1_765_000_000_000L;

    @TempDir
    Path dir;

    /** {@code seconds} intervals of a thread of {@code backup-tool} (pid 300) writing 4 MiB a second, and an idle one. */
    private Path recording(int seconds) throws Exception {
        Path file = dir.resolve("r.jiotop");
        SegmentStart start = new SegmentStart("0.1.0", "db-7", 32768, false, WALL, BASE);
        try (RecordingWriter w = RecordingWriter.open(file, 0, start)) {
            for (int s = 0; s < seconds; s++) {
                long end = BASE + (s + 1) * 1_000_000_000L;
                IoDelta d = new IoDelta(0, 4L << 20, 0, 0, 0);
                IoDelta acc = new IoDelta(0, (s + 1) * (4L << 20), 0, 0, 0);
                List<TaskActivity> tasks = new ArrayList<>();
                tasks.add(new TaskActivity(new TaskSample(301, 300, 1, BASE, 0, false, 0, acc.writeBytes(), 0, 0, 0),
                        d, acc, BASE));
                tasks.add(new TaskActivity(new TaskSample(1, 1, 0, BASE, 0, false, 0, 0, 0, 0, 0), IoDelta.ZERO,
                        IoDelta.ZERO, BASE));
                w.append(new Interval(end - 1_000_000_000L, end, tasks, 0, 4096, false, 0),
                        Instant.ofEpochMilli(WALL + 1000L * (s + 1)), Visibility.TASKSTATS, false,
                        a -> new TaskLabels(TaskPriority.UNKNOWN, "root", "backup-tool --all", "backup-tool"), false);
            }
        }
        return file;
    }

    /**
     * {@code seconds} intervals of processes: {@code postgres} (pid 400) in container {@code db} writing
     * 2 MiB a second, {@code nginx} (pid 500) in container {@code web} reading 1 MiB a second, and an
     * idle {@code cron} (pid 600) in no container.
     */
    private Path processRecording(int seconds) throws Exception {
        Path file = dir.resolve("p.jiotop");
        SegmentStart start = new SegmentStart("0.1.0", "db-7", 32768, true, WALL, BASE);
        try (RecordingWriter w = RecordingWriter.open(file, 0, start)) {
            for (int s = 0; s < seconds; s++) {
                long end = BASE + (s + 1) * 1_000_000_000L;
                List<TaskActivity> tasks = new ArrayList<>();
                long[][] io = {{400, 0, 2L << 20}, {500, 1L << 20, 0}, {600, 0, 0}};
                for (long[] p : io) {
                    IoDelta d = new IoDelta(p[1], p[2], 0, 0, 0);
                    IoDelta acc = new IoDelta(p[1] * (s + 1), p[2] * (s + 1), 0, 0, 0);
                    tasks.add(new TaskActivity(new TaskSample((int) p[0], (int) p[0], 1, BASE, 0, false,
                            acc.readBytes(), acc.writeBytes(), 0, 0, 0), d, acc, BASE));
                }
                w.append(new Interval(end - 1_000_000_000L, end, tasks, 0, 4096, false, 0),
                        Instant.ofEpochMilli(WALL + 1000L * (s + 1)), Visibility.TASKSTATS, true,
                        a -> new TaskLabels(TaskPriority.UNKNOWN, "root", "cmd" + a.sample().id(),
                                "cmd" + a.sample().id()),
                        a -> switch (a.sample().id()) {
                            case 400 -> new CgroupLabels("docker-db.scope", "db", CgroupLabels.NONE, "/db");
                            case 500 -> new CgroupLabels("docker-web.scope", "web", CgroupLabels.NONE, "/web");
                            default -> new CgroupLabels("cron.service", CgroupLabels.NONE, CgroupLabels.NONE,
                                    "/system.slice/cron.service");
                        }, false);
            }
        }
        return file;
    }

    @Test
    void groupsOfARecordingOfProcessesAreSummedByTheKindAskedFor() throws Exception {
        Path out = dir.resolve("report.html");
        MainTest.Result r = MainTest.run("report", processRecording(10).toString(), "-o", out.toString(),
                "--group=container");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        String text = parse(out).getDocumentElement().getTextContent();
        assertThat(text).contains("Top 10 writers (groups)", "Totals per group");
        // db wrote 10 x 2 MiB, web read 10 x 1 MiB; cron's row is the "-" group, one process each.
        String groups = text.substring(text.indexOf("Totals per group"));
        assertThat(groups).contains("db1" + "0.00 B" + "20.00 M", "web1" + "10.00 M" + "0.00 B", "-1" + "0.00 B");
        MainTest.Result none = MainTest.run("report", dir.resolve("p.jiotop").toString(), "-o", out.toString());
        assertThat(none.status()).isZero();
        assertThat(parse(out).getDocumentElement().getTextContent()).doesNotContain("Totals per group");
    }

    @Test
    void groupsNeedARecordingOfProcessesAndAKindOfOwner() throws Exception {
        Path out = dir.resolve("report.html");
        MainTest.Result threads = MainTest.run("report", recording(3).toString(), "-o", out.toString(),
                "--group", "unit");
        assertThat(threads.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(threads.err()).isEqualTo("jiotop: " + dir.resolve("r.jiotop")
                + " holds threads: its report has no groups (record with -P or --group)\n");
        for (String kind : List.of("user", "thread", "process", "box", "")) {
            MainTest.Result r = MainTest.run("report", processRecording(1).toString(), "-o", out.toString(),
                    "--group=" + kind);
            assertThat(r.status()).as(kind).isEqualTo(Main.EXIT_USAGE);
            assertThat(r.err()).as(kind).isEqualTo("jiotop: report: --group takes cgroup, unit, container, pod,"
                    + " not '" + kind + "' (" + ReportCommand.USAGE + ")\n");
        }
        assertThat(Files.exists(out)).isFalse();
    }

    private static Document parse(Path page) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(page.toFile());
    }

    @Test
    void aRecordingBecomesAPageWithItsHostAndWriter() throws Exception {
        Path out = dir.resolve("report.html");
        MainTest.Result r = MainTest.run("report", recording(30).toString(), "-o", out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        Document d = parse(out);
        assertThat(d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength()).isEqualTo(3);
        String text = d.getDocumentElement().getTextContent();
        assertThat(text).contains("Disk I/O on db-7", "backup-tool (300)", "jiotop 0.1.0", "120.00 M");
        // Thirty intervals of a second: the span is theirs, from the first one's start.
        assertThat(text).contains("Span0:00:30");
    }

    /**
     * A busy machine's hour: 1,200 intervals in each of which 20 new processes (a build's compilers)
     * write a page and exit. The launcher gives jiotop a heap of 24 MiB and 1 KiB per task on the
     * machine; the page is made within 32 MiB.
     */
    @Test
    void thousandsOfShortLivedProcessesFitInJiotopsHeap() throws Exception {
        Path file = dir.resolve("build.jiotop");
        SegmentStart start = new SegmentStart("0.1.0", "ci-3", 4194304, true, WALL, BASE);
        int pid = 1000;
        try (RecordingWriter w = RecordingWriter.open(file, 0, start)) {
            for (int s = 0; s < 1200; s++) {
                long end = BASE + (s + 1) * 1_000_000_000L;
                List<TaskActivity> tasks = new ArrayList<>();
                for (int k = 0; k < 20; k++, pid++) {
                    IoDelta d = new IoDelta(0, 4096, 0, 0, 0);
                    tasks.add(new TaskActivity(new TaskSample(pid, pid, 1, end - 500_000_000L, 0, false, 0, 4096, 0,
                            0, 0), d, d, end - 500_000_000L, "cc1".getBytes()));
                }
                w.append(new Interval(end - 1_000_000_000L, end, tasks, 0, 80, false, 0),
                        Instant.ofEpochMilli(WALL + 1000L * (s + 1)), Visibility.TASKSTATS, true,
                        a -> new TaskLabels(TaskPriority.EXITED, "root", "cc1 -quiet", "cc1"), false);
            }
        }
        Path out = dir.resolve("build.html");
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx32m",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "report",
                file.toString(), "-o", out.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(said).isZero();
        assertThat(said).isEmpty();
        assertThat(parse(out).getDocumentElement().getTextContent()).contains("Intervals1200", "cc1 (1000)",
                "23900 more processes moved less.");
    }

    @Test
    void aTornEndIsReportedUpToTheDamageAndSaidInOneLine() throws Exception {
        Path file = recording(10);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() - 5);
        }
        Path out = dir.resolve("report.html");
        MainTest.Result r = MainTest.run("report", file.toString(), "--output=" + out);
        assertThat(r.status()).isZero();
        assertThat(r.err().lines()).hasSize(1).allMatch(l -> l.startsWith("jiotop: " + file + ": "));
        assertThat(parse(out).getDocumentElement().getTextContent()).contains("backup-tool (300)");
    }

    @Test
    void jiotopsHelpNamesItAndItHasItsOwn() {
        assertThat(MainTest.run("--help").out()).contains("\n       jiotop report FILE -o OUT.html");
        MainTest.Result own = MainTest.run("report", "--help");
        assertThat(own.status()).isZero();
        assertThat(own.out()).startsWith(ReportCommand.USAGE + "\n");
    }

    @Test
    void mistakesAreOneLineAndNoPageIsLeft() throws Exception {
        Path out = dir.resolve("report.html");
        for (String[] args : new String[][]{{"report"}, {"report", "x.jiotop"}, {"report", "-o"},
                {"report", "a", "b", "-o", "c"}, {"report", "--bogus"}, {"report", "x", "-o", "y", "--group"}}) {
            MainTest.Result r = MainTest.run(args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(Main.EXIT_USAGE);
            assertThat(r.err().lines()).as(String.join(" ", args)).hasSize(1);
        }
        Path empty = Files.writeString(dir.resolve("empty"), "");
        Path notOne = Files.writeString(dir.resolve("text"), "not a recording at all\n");
        for (Path bad : List.of(dir.resolve("missing"), dir, notOne, empty)) {
            MainTest.Result r = MainTest.run("report", bad.toString(), "-o", out.toString());
            assertThat(r.err().lines()).as(bad.toString()).hasSize(1);
            assertThat(r.err()).doesNotContain("Exception");
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).doesNotContain("report.html")
                .noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    void whatTheOutputNamesKeepsWhatItIs() throws Exception {
        Path file = recording(5);
        // A device is written to, not replaced by a file: nodes of their own for /dev/null and /dev/full.
        Path nul = dir.resolve("null");
        Path full = dir.resolve("full");
        assumeTrue(new ProcessBuilder("mknod", nul.toString(), "c", "1", "3").start().waitFor() == 0
                && new ProcessBuilder("mknod", full.toString(), "c", "1", "7").start().waitFor() == 0, "needs mknod");
        assertThat(MainTest.run("report", file.toString(), "-o", nul.toString()).status()).isZero();
        assertThat(Files.isRegularFile(nul)).isFalse();
        MainTest.Result toFull = MainTest.run("report", file.toString(), "-o", full.toString());
        assertThat(toFull.status()).isEqualTo(Main.EXIT_CANNOT_RUN);
        assertThat(toFull.err()).isEqualTo("jiotop: cannot write " + full + ": No space left on device\n");
        assertThat(Files.isRegularFile(full)).isFalse();
        // A page written again keeps its permissions; through a link, the link stays and its target is written.
        Path page = Files.writeString(dir.resolve("page.html"), "old");
        Files.setPosixFilePermissions(page, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("latest.html"), page.getFileName());
        assertThat(MainTest.run("report", file.toString(), "-o", link.toString()).status()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(page)).contains("backup-tool (300)");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(page))).isEqualTo("rw-r-----");
        // The recording itself is not an output.
        MainTest.Result self = MainTest.run("report", file.toString(), "-o", file.toString());
        assertThat(self.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(self.err()).startsWith("jiotop: report: the output " + file + " is the recording itself");
        assertThat(MainTest.run("-b", "--replay", file.toString()).status()).isZero();
    }
}
