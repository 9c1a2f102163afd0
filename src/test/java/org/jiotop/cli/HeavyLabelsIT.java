package org.jiotop.cli;

import org.jiotop.linux.Capability;
import org.jiotop.linux.CommandText;
import org.jiotop.testkit.Tmux;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Processes whose command lines would once have exhausted jiotop's heap, run against the built
 * launcher (with its real heap ceiling): every report arrives, every row is there, every label is
 * cut to its bound.
 */
class HeavyLabelsIT {
    private static final Path REPO = Path.of("").toAbsolutePath();
    /** The longest COMMAND a row can have: the process's part and a thread's 16-byte name. */
    private static final int MAX_COMMAND = CommandText.MAX_CHARS + " [".length() + 16 * 4 + "]".length();

    @TempDir
    Path tmp;
    private final List<ProcessHandle> children = new ArrayList<>();

    @BeforeEach
    void root() {
        Capability.assume(Capability.NET_ADMIN);
    }

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (ProcessHandle p : children) {
            p.destroyForcibly();
        }
        for (ProcessHandle p : children) {
            p.onExit().join();
        }
    }

    /**
     * Forks {@code count} processes that become {@code sh -c 'sleep 120' marker ARGS...} as uid
     * {@code uid}, the arguments given as raw bytes by a Python expression.
     */
    private void spawnShells(int count, int uid, String argsExpression) throws Exception {
        String script = "import os, sys\nargs = [b'sh', b'-c', b'sleep 120', b'marker'] + " + argsExpression + "\n"
                + "for i in range(" + count + "):\n"
                + "    pid = os.fork()\n"
                + "    if pid == 0:\n"
                + "        os.dup2(os.open('/dev/null', os.O_WRONLY), 1)\n"
                + "        os.setuid(" + uid + ")\n"
                + "        os.execv(b'/bin/sh', args)\n"
                + "    print(pid, flush=True)\n";
        Process spawner = new ProcessBuilder("python3", "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<Long> pids = new String(spawner.getInputStream().readAllBytes()).lines().map(Long::parseLong).toList();
        assertThat(spawner.waitFor()).isZero();
        assertThat(pids).hasSize(count);
        for (long pid : pids) {
            children.add(ProcessHandle.of(pid).orElseThrow());
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (long pid : pids) {
            while (!Files.readString(Path.of("/proc/" + pid + "/comm")).strip().equals("sh")) {
                assertThat(System.nanoTime()).as("child %d started", pid).isLessThan(end);
                Thread.sleep(20);
            }
        }
    }

    private record Run(int status, String out, String err) {
    }

    private Run batch(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(REPO.resolve("jiotop").toString()));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<String> rowsWith(String out, String text) {
        return out.lines().filter(l -> l.contains(text)).toList();
    }

    private static void assertBounded(List<String> rows) {
        for (String row : rows) {
            String command = row.substring(row.indexOf(" sh -c ") + 1);
            assertThat(command.length()).as(row).isLessThanOrEqualTo(MAX_COMMAND);
        }
    }

    @Test
    void fiveHundredThreadsWithALongCommandLine() throws Exception {
        String script = "import threading, time\nfor i in range(500):\n    threading.Thread(target=time.sleep, "
                + "args=(120,), daemon=True).start()\nprint('ready', flush=True)\ntime.sleep(120)\n";
        Process p = new ProcessBuilder("python3", "-c", script, "x".repeat(30_000))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(p.toHandle());
        assertThat(new String(p.getInputStream().readNBytes(6))).isEqualTo("ready\n");
        Run threads = batch("-b", "-n", "2", "-d", "1");
        assertThat(threads.status()).as(threads.err()).isZero();
        assertThat(threads.err()).doesNotContain("OutOfMemoryError");
        List<String> rows = rowsWith(threads.out(), "python3 -c");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(2 * 501);
        for (String row : rows) {
            String command = row.substring(row.indexOf("python3 -c"));
            assertThat(command.length()).as(row).isLessThanOrEqualTo(MAX_COMMAND);
            assertThat(command).contains(CommandText.CUT + "xxxx");
        }
    }

    @Test
    void processesWithHugeOrHostileArgumentsOfAnotherUser() throws Exception {
        // To start them as nobody, and to read their /proc/PID/io.
        Capability.assume(Capability.SETUID, Capability.SETGID, Capability.SYS_PTRACE, Capability.DAC_READ_SEARCH);
        // 150 processes with 1 MiB of arguments each, and 100 (as nobody) whose one argument is
        // 128 KiB of 0xff, each byte of which escapes to four characters.
        spawnShells(150, 0, "[b'a' * 131000] * 8");
        spawnShells(100, 65534, "[b'\\xff' * 131000]");
        Run r = batch("-b", "-n", "2", "-d", "1", "-P");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> long1 = rowsWith(r.out(), "sh -c sleep 120 marker aaaa");
        List<String> hostile = rowsWith(r.out(), "sh -c sleep 120 marker \\xff\\xff");
        assertThat(long1).hasSize(2 * 150);
        assertThat(hostile).hasSize(2 * 100);
        assertBounded(long1);
        assertBounded(hostile);
    }

    @Test
    void liveSearchOverHostileCommandLines() throws Exception {
        spawnShells(60, 65534, "[b'\\xff' * 131000]");
        Path status = tmp.resolve("status");
        String command = REPO.resolve("jiotop") + " -c -P -d 0.5; echo $? > " + status;
        try (Tmux tmux = new Tmux(200, 40, "sh -c '" + command + "'")) {
            tmux.await(s -> s.contains(" PID "), Duration.ofSeconds(20));
            tmux.keys("/");
            tmux.keys("-l", "xff\\\\xff");
            tmux.keys("Enter");
            String screen = tmux.await(s -> s.lines().filter(l -> l.contains("sh -c sleep 120 marker")).count() >= 30,
                    Duration.ofSeconds(20));
            assertThat(screen.lines().filter(l -> l.contains("sh -c sleep 120 marker"))).as(screen)
                    .hasSizeGreaterThanOrEqualTo(30);
            tmux.keys("q");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(status) && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            assertThat(Files.readString(status).strip()).isEqualTo("0");
        }
    }
}
