package org.jiotop.cli;

import org.jiotop.linux.ProcFs;
import org.jiotop.linux.Capability;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thousand short-lived writers against the real kernel, under {@code -b -a -P -o -k -d 0.2}: each
 * writes a known number of 16 KiB blocks (O_DIRECT, into blocks already allocated) and lives from
 * none to two refresh intervals, so that scans catch writers starting, writing, exiting, as zombies
 * and being reaped, in every order. Two parents reap them: a Python process that does no I/O
 * itself, and a shell that execs into {@code sleep} at the end. Each parent reads its own
 * /proc/PID/io around each reaping: what it grows by is the kernel's count of what that writer
 * wrote (its blocks, and now and then a page of file metadata the kernel charges to it). Every
 * writer must have its own row with exactly that count, and neither parent any of it.
 */
class ExitRaceStressTest {
    private static final int BLOCK = 16 * 1024;
    /** Writers take turns over this many regions of 16 blocks of their file. */
    private static final int SLOTS = 64;
    private static final Pattern ROW = Pattern.compile(
            "^ *(\\d+) .*? +(\\d+\\.\\d\\d) K +(\\d+\\.\\d\\d) K (?: *\\S+ % +\\S+ % |\\?unavailable\\?  )(.*)$");
    private static final Pattern WRITER = Pattern.compile("^\\[?dd\\]?( .*)? <exited>$");

    /**
     * Starts writers up to eight at a time: each dd reads its blocks from a pipe this process fills
     * over the writer's lifetime, then exits when the pipe is closed; it is reaped at once or up to
     * 0.3 s later (a zombie meanwhile). Prints each writer's PID, blocks' bytes and written bytes.
     */
    private static final String PYTHON_PARENT = """
            import os, random, sys, time
            path, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
            rnd = random.Random(seed)
            block = %d
            def written():
                with open("/proc/self/io") as f:
                    return int(next(l for l in f if l.startswith("write_bytes:")).split()[1])
            active, started, failed = [], 0, 0
            while started < count or active:
                while started < count and len(active) < 8:
                    blocks = rnd.randint(1, 16)
                    life = rnd.uniform(0, 0.4)
                    zombie = rnd.choice([0, 0, rnd.uniform(0, 0.3)])
                    r, w = os.pipe()
                    pid = os.fork()
                    if pid == 0:
                        os.dup2(r, 0)
                        os.close(r)
                        os.close(w)
                        os.execvp("dd", ["dd", "of=" + path, "bs=16K", "iflag=fullblock", "oflag=direct",
                                         "conv=notrunc", "seek=%%d" %% (started %% %d * 16), "status=none"])
                    os.close(r)
                    t0 = time.monotonic()
                    times = sorted(t0 + rnd.uniform(0, life) for _ in range(blocks))
                    active.append({"pid": pid, "w": w, "times": times, "sent": 0, "close": t0 + life,
                                   "reap": t0 + life + zombie, "closed": False, "bytes": blocks * block})
                    started += 1
                now = time.monotonic()
                for a in active:
                    while a["sent"] < len(a["times"]) and a["times"][a["sent"]] <= now:
                        os.write(a["w"], bytes(block))
                        a["sent"] += 1
                    if a["sent"] == len(a["times"]) and not a["closed"] and now >= a["close"]:
                        os.close(a["w"])
                        a["closed"] = True
                    if a["closed"] and now >= a["reap"]:
                        before = written()
                        pid, status = os.waitpid(a["pid"], os.WNOHANG)
                        if pid:
                            print(pid, a["bytes"], written() - before, flush=True)
                            failed += status != 0
                            a["done"] = True
                active = [a for a in active if "done" not in a]
                time.sleep(0.002)
            sys.exit(1 if failed else 0)
            """.formatted(BLOCK, SLOTS);

    /**
     * One writer at a time, waited for; its blocks come after a pause of up to 0.4 s. Its own io is
     * read by the shell itself (a builtin read, no process of its own).
     */
    private static final String SHELL_PARENT = """
            written() { while read -r key value; do [ "$key" = write_bytes: ] && W=$value; done < /proc/$$/io; }
            RANDOM=$3
            for i in $(seq $2); do
              blocks=$((RANDOM %% 16 + 1))
              pause=$((RANDOM %% 40))
              written; before=$W
              (sleep 0.$((pause / 10))$((pause %% 10)); head -c $((blocks * %d)) /dev/zero) \\
                | dd of=$1 bs=16K iflag=fullblock oflag=direct conv=notrunc seek=$((i %% %d * 16)) status=none &
              wait $! || exit 1
              wait
              written
              echo "$! $((blocks * %d)) $((W - before))"
            done
            exec sleep 1
            """.formatted(BLOCK, SLOTS, BLOCK);

    private Path scratch;

    @BeforeEach
    void root() throws Exception {
        Capability.assume(Capability.NET_ADMIN);
        scratch = Files.createDirectories(Path.of("target", "e2e-scratch")).toAbsolutePath();
    }

    /** A file whose blocks are all written already, so writes into it allocate nothing. */
    private Path allocated(String name) throws IOException, InterruptedException {
        Path file = scratch.resolve(name);
        Process dd = new ProcessBuilder("dd", "if=/dev/zero", "of=" + file, "bs=16K", "count=" + SLOTS * 16,
                "oflag=direct", "status=none").inheritIO().start();
        assertThat(dd.waitFor()).isZero();
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            assertThat(f.length()).isEqualTo((long) SLOTS * 16 * BLOCK);
        }
        return file;
    }

    /** jiotop in batch mode on a thread of its own, stopped by the test; its output so far. */
    private static final class Jiotop {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final CompletableFuture<Void> baseline = new CompletableFuture<>();
        final Background<Integer> run;

        Jiotop(String... args) {
            String marker = "jiotop: cpu ms to first sample: ";
            ByteArrayOutputStream err = new ByteArrayOutputStream() {
                @Override
                public synchronized void flush() {
                    if (!baseline.isDone() && toString(StandardCharsets.UTF_8).contains(marker)) {
                        baseline.complete(null);
                    }
                }
            };
            run = Background.run(() -> Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), ProcFs.system(),
                    Map.of("JIOTOP_STARTUP_REPORT", "1"), Terminals.NONE));
        }

        String stop() {
            run.cancel(true);
            run.join();
            synchronized (out) {
                return out.toString(StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * Reads "PID BLOCKS WRITTEN" lines: the kernel's count of what each writer wrote into
     * {@code into} (summed should an ID be used twice). It holds the writer's blocks, and at most
     * a few pages more.
     */
    private static CompletableFuture<Integer> writers(Process parent, Map<Integer, Long> into) {
        return CompletableFuture.supplyAsync(() -> {
            int n = 0;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                    StandardCharsets.US_ASCII))) {
                for (String line; (line = r.readLine()) != null; n++) {
                    String[] f = line.split(" ");
                    long blocks = Long.parseLong(f[1]);
                    long written = Long.parseLong(f[2]);
                    assertThat(written).as(line).isBetween(blocks, blocks + 4 * 4096);
                    synchronized (into) {
                        into.merge(Integer.parseInt(f[0]), written, Long::sum);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return n;
        });
    }

    @Test
    void everyShortLivedWriterHasExactlyItsBytesAndItsParentsNone() throws Exception {
        Path forPython = allocated("stress-python");
        Path forShell = allocated("stress-shell");
        Jiotop jiotop = new Jiotop("-b", "-a", "-P", "-o", "-k", "-qq", "-d", "0.2");
        jiotop.baseline.get(60, TimeUnit.SECONDS);
        Map<Integer, Long> expected = new HashMap<>();
        Process python = new ProcessBuilder("python3", "-c", PYTHON_PARENT, forPython.toString(), "880", "15")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Process shell = new ProcessBuilder("bash", "-c", SHELL_PARENT, "bash", forShell.toString(), "120", "15")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        CompletableFuture<Integer> fromPython = writers(python, expected);
        CompletableFuture<Integer> fromShell = writers(shell, expected);
        assertThat(python.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(shell.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as("every dd of the Python parent succeeded").isZero();
        assertThat(shell.exitValue()).as("every dd of the shell succeeded").isZero();
        int writers = fromPython.get() + fromShell.get();
        assertThat(writers).isEqualTo(1000);
        // A few more refreshes, so the last report has every writer's end.
        Thread.sleep(1000);
        String out = jiotop.stop();
        assertThat(jiotop.run).as("jiotop ran until stopped").isCancelled();

        List<String> last = ExitedTasksEndToEndTest.lastReport(out);
        Map<Integer, Long> shown = new HashMap<>();
        Map<Integer, Long> parents = new HashMap<>();
        long shownTotal = 0;
        long expectedTotal = expected.values().stream().mapToLong(Long::longValue).sum();
        for (String line : last) {
            Matcher m = ROW.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            int pid = Integer.parseInt(m.group(1));
            long written = Math.round(Double.parseDouble(m.group(3)) * 1024);
            if (pid == python.pid() || pid == shell.pid()) {
                parents.put(pid, written);
            } else if (expected.containsKey(pid) && WRITER.matcher(m.group(4)).matches()) {
                shown.merge(pid, written, Long::sum);
                shownTotal += written;
            }
        }
        StringBuilder wrong = new StringBuilder();
        for (Map.Entry<Integer, Long> w : expected.entrySet()) {
            Long s = shown.get(w.getKey());
            if (s == null || s.longValue() != w.getValue()) {
                wrong.append("\n  writer ").append(w.getKey()).append(": ").append(w.getValue()).append(" bytes, shown ")
                        .append(s);
            }
        }
        assertThat(wrong.toString()).as("writers whose row is missing or wrong, in:\n%s", String.join("\n", last))
                .isEmpty();
        assertThat(shownTotal).isEqualTo(expectedTotal);
        assertThat(parents.values()).as("the parents' own bytes (none)").allMatch(w -> w == 0);
    }
}
