package org.jiotop.cli;

import org.jiotop.linux.ProcFs;
import org.jiotop.linux.Capability;
import org.jiotop.output.Column;
import org.jiotop.output.Version;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The command's exit statuses and messages for everything decided before the kernel is asked. */
class MainTest {
    record Result(int status, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ProcFs.system());
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A run on a thread of its own, and the moment it took its baseline sample. */
    record Started(Background<Result> run, CompletableFuture<Void> baseline) {
        /**
         * Waits for the baseline sample: what a test does after it falls within jiotop's first
         * interval, however slow the machine was to start jiotop.
         */
        Background<Result> afterBaseline() throws Exception {
            try {
                baseline.get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("jiotop took no baseline sample in 60 s", e);
            }
            return run;
        }
    }

    /**
     * Starts a batch run in the background. It reports its baseline sample through the start-up
     * report (JIOTOP_STARTUP_REPORT), whose line is left out of the result's stderr.
     */
    static Started start(String... args) {
        CompletableFuture<Void> baseline = new CompletableFuture<>();
        String marker = "jiotop: cpu ms to first sample: ";
        Background<Result> run = Background.run(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream() {
                @Override
                public synchronized void flush() {
                    if (!baseline.isDone() && toString(StandardCharsets.UTF_8).contains(marker)) {
                        baseline.complete(null);
                    }
                }
            };
            try {
                int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8), ProcFs.system(),
                        Map.of("JIOTOP_STARTUP_REPORT", "1"), Terminals.NONE);
                String errText = err.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith(marker))
                        .map(l -> l + "\n").collect(Collectors.joining());
                return new Result(status, out.toString(StandardCharsets.UTF_8), errText);
            } finally {
                baseline.completeExceptionally(new IllegalStateException("jiotop ended without a baseline sample"));
            }
        });
        return new Started(run, baseline);
    }

    /** A terminal of type {@code term} on which no live view may open. */
    static Terminals onTerminal(String term) {
        return new Terminals() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public TerminalType type() {
                return TerminalType.choose(term, org.jline.utils.InfoCmp::getDefaultInfoCmp);
            }

            @Override
            public org.jline.terminal.Terminal open() {
                throw new AssertionError("no live view on a " + term + " terminal here");
            }
        };
    }

    @Test
    void badOptionIsOneLineOnStderrAndStatus2() {
        for (String[] args : new String[][]{{"-n", "x"}, {"--bogus"}, {"-d", "-1"}, {"stray"}, {"-p"},
                {"-b", "--serve-auth=scraper:/etc/hostname"}, {"--export-pids", "-n", "1"}, {"-j"},
                {"--serve", "70000"}, {"--serve", "9123", "--format=csv"}, {"-b", "-6"}, {"-b", "-u", "-n", "1"},
                {"--otlp", "http://127.0.0.1:99999/v1/metrics", "-n", "1"},
                {"--otlp=http://127.0.0.1:4318/v1/metrics", "--otlp-header=Bad Name:/etc/hostname", "-n", "1"}}) {
            Result r = run(args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("jiotop: ").endsWith("(see jiotop --help)\n");
            assertThat(r.err().lines()).hasSize(1);
        }
    }

    @Test
    void anOptionWhereAValueShouldBeIsNamed() {
        assertThat(run("-b", "-u", "-n", "1").err())
                .isEqualTo("jiotop: option -u needs a value, got option -n (see jiotop --help)\n");
        assertThat(run("--serve", "70000").err()).isEqualTo("jiotop: option --serve: port out of range: 70000"
                + " (want 1 to 65535, or 0 for any free port) (see jiotop --help)\n");
    }

    @Test
    void unknownUserIsStatus1() {
        Result r = run("-b", "-u", "no-such-user-jiotop");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("jiotop: unknown user: no-such-user-jiotop\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void zeroIterationsPrintsNothing() {
        Result r = run("-b", "-n", "0");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void procfsWithoutAReadableProcIsExit1() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[]{"--procfs", "-b", "-n", "1"}, new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ProcFs(java.nio.file.Path.of("/nonexistent")));
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("jiotop: cannot read /proc\n");
    }

    @Test
    void procfsAsRootSaysTheSourceAndCountsWhatEvenRootCannotRead() {
        Result r = run("--procfs", "-b", "-P", "--format=json", "-n", "1", "-d", "0.2");
        assertThat(r.status()).as(r.err()).isZero();
        // /proc/1/io is refused even to root on the kernels jiotop runs on; other processes may be too.
        assertThat(r.out()).contains("\"source\":\"procfs\"").containsPattern("\"unreadable_processes\":[0-9]+,");
        Result text = run("--procfs", "-b", "-P", "-n", "1", "-d", "0.2");
        assertThat(text.out().lines().toList().get(2)).startsWith("--procfs: ");
    }

    @Test
    void helpListsEveryOption() {
        Result r = run("--help");
        assertThat(r.status()).isZero();
        String words = r.out().replaceAll("\\s+", " ");
        for (Option o : Option.values()) {
            assertThat(r.out()).contains(o.synopsis());
            assertThat(words).as("--" + o.spec.longName).contains(o.spec.help());
            if (o.spec.defaultText != null) {
                assertThat(words).as("--" + o.spec.longName).contains(o.spec.help() + " [" + o.spec.defaultText + "]");
            }
        }
        assertThat(r.out()).contains("  -d SEC, --delay=SEC   seconds between reports, fractions allowed [1]\n")
                .contains("  -n NUM, --iter=NUM    number of reports (refreshes) before ending [until\n"
                        + "                        interrupted]\n")
                .contains("--serve=[ADDR:]PORT", "--hide-swapin", "--export-pids-max=N", "\nLive view only:\n",
                        "\nExporter (--serve, --otlp) only:\n")
                .contains("-8, --hide-graph");
        assertThat(words).contains("text, json or csv; json is JSON Lines (implies --batch) [text]",
                "one row per thread, process, user, cgroup, unit, container or pod [thread]",
                "at N times it, 1 to 10 [2]", "sort by tid, prio, user, read,", "(K, M, G; from 64K)");
        for (Column c : Column.values()) {
            assertThat(r.out()).contains("\n  " + c.title(false) + " ");
            assertThat(words).as(c.name()).contains(c.description);
        }
        assertThat(words).contains("IO the share of the interval the task spent waiting on I/O (needs delay accounting)",
                "the live view shows it with key x, batch text with --show=read_syscalls");
        assertThat(r.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
    }

    @Test
    void formatWithoutBatchPrintsItOnATerminalToo() {
        Capability.assume(Capability.NET_ADMIN);
        Terminals terminal = onTerminal("xterm-256color");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[]{"--format=json", "-n", "1", "-d", "0.1", "-p", "1"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ProcFs.system(), Map.of(), terminal);
        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"version\":").contains("\"rows\":[{\"tid\":1,");
    }

    @Test
    void aThreadGivenAsAProcessStandsForItsProcess() throws Exception {
        Capability.assume(Capability.NET_ADMIN);
        long pid = ProcessHandle.current().pid();
        String tid;
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            tid = tasks.map(p -> p.getFileName().toString()).filter(t -> !t.equals(Long.toString(pid)))
                    .findFirst().orElseThrow();
        }
        Result r = run("-b", "-P", "-qqq", "-p", tid, "-n", "1", "-d", "0.1");
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEqualTo("jiotop: -p " + tid + " is a thread of process " + pid + ": showing process "
                + pid + "\n");
        assertThat(r.out().lines().map(l -> l.strip().split(" +")[0])).containsExactly(Long.toString(pid));
        Result threads = run("-b", "-qqq", "-p", tid, "-n", "1", "-d", "0.1");
        assertThat(threads.err()).as("in thread mode the ID is the thread's").isEmpty();
        assertThat(threads.out().lines().map(l -> l.strip().split(" +")[0])).containsExactly(tid);
    }

    @Test
    void aTerminalThatCannotMoveItsCursorGetsBatchOutputAndOneLineSayingWhy() {
        Terminals dumb = onTerminal("dumb");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[]{"-n", "1", "-d", "0.1", "-p", "1"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ProcFs.system(), Map.of(), dumb);
        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "jiotop: the terminal (TERM=dumb) cannot move its cursor, so printing batch output (-b)\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Total DISK READ").doesNotContain("\u001b");
    }

    @Test
    void version() {
        assertThat(run("--version").out()).isEqualTo("jiotop " + Version.NUMBER + "\n");
    }

    @Test
    void badLineInTheConfigFileNamesTheFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path xdg)
            throws Exception {
        java.nio.file.Path file = xdg.resolve("jiotop/config");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, "# saved\n--only\n\n--delay=fast\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[]{"-b", "--use-config", "-n", "1"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), ProcFs.system(),
                java.util.Map.of("XDG_CONFIG_HOME", xdg.toString()), Terminals.NONE);
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("jiotop: " + file + ": line 4 is not a valid option (give it on the command line to see"
                        + " why)\n");
    }
}
