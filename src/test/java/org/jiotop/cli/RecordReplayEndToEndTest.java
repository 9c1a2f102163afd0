package org.jiotop.cli;

import org.jiotop.linux.Capability;
import org.jiotop.record.Recording;
import org.jiotop.record.RecordingInfo;
import org.jiotop.testkit.Child;
import org.jiotop.testkit.OnDisk;
import org.jiotop.testkit.ThreadWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code --record} against the real kernel, and {@code --replay} of what it wrote. */
class RecordReplayEndToEndTest {
    private static final Pattern ROW = Pattern.compile("\\{\"pid\":(\\d+),[^{}]*?\"write_bytes\":(\\d+),");
    private static final Pattern SYSCALLS = Pattern.compile("\\{\"pid\":(\\d+),[^{}]*?\"write_syscalls\":(\\d+),");
    private static final String LOGICAL = "--show=read_syscalls,write_syscalls,read_chars,write_chars";

    @TempDir(factory = OnDisk.class)
    Path scratch;

    @BeforeEach
    void taskstats() {
        Capability.assume(Capability.NET_ADMIN);
    }

    /** Short-lived direct-I/O writers, one after another, each gone before the next interval or so. */
    private Child churn() throws Exception {
        return Child.command("bash", "-c", "for i in $(seq 60); do dd if=/dev/zero of=" + scratch.resolve("churn")
                + " bs=64k count=8 oflag=direct status=none; sleep 0.15; done");
    }

    @Test
    void replayedBatchOutputIsTheLiveRunsLineForLineAndItsBytesTheKernels() throws Exception {
        Path file = scratch.resolve("run.jiotop");
        long bytes = 24L << 20;
        try (Child writer = Child.java(ThreadWriter.class, scratch.resolve("known").toString());
             Child churn = churn()) {
            int pid = Integer.parseInt(writer.readLine().substring("ready ".length()));
            CompletableFuture<MainTest.Result> run = MainTest.start("-b", "-P", "-o", LOGICAL, "--record",
                    file.toString(), "-n", "10", "-d", "1").afterBaseline();
            Thread.sleep(1500);
            writer.send("write " + bytes);
            assertThat(writer.readLine()).isEqualTo("done");
            MainTest.Result live = run.get();
            assertThat(live.status()).as(live.err()).isZero();
            assertThat(live.out()).contains("dd <exited>").containsPattern("(?m)^ *" + pid + " ");

            MainTest.Result replay = MainTest.run("-b", "-P", "-o", LOGICAL, "--replay", file.toString());
            assertThat(replay.err()).isEmpty();
            assertThat(replay.out().lines()).containsExactlyElementsOf(live.out().lines().toList());

            MainTest.Result json = MainTest.run("--format=json", "-P", "-o", "--replay", file.toString());
            long written = 0;
            Matcher m = ROW.matcher(json.out());
            while (m.find()) {
                if (Integer.parseInt(m.group(1)) == pid) {
                    written += Long.parseLong(m.group(2));
                }
            }
            // The kernel's count of the writer's bytes; creating its file may add a little metadata.
            assertThat(written).as(json.out()).isBetween(bytes, (long) (bytes * 1.01));
            assertThat(json.out().lines()).hasSize(10);
        }
    }

    @Test
    void withoutOnlyAReplayListsTheIdleTasksTooAsTheLiveRunDid() throws Exception {
        Path file = scratch.resolve("all.jiotop");
        try (Child churn = churn()) {
            MainTest.Result live = MainTest.run("-b", "-a", "--record", file.toString(), "-n", "4", "-d", "1");
            assertThat(live.status()).as(live.err()).isZero();
            // Idle tasks are there: kthreadd does no I/O, yet it is listed.
            assertThat(live.out()).containsPattern("(?m)^ +2 .*\\[kthreadd]$");

            MainTest.Result replay = MainTest.run("-b", "-a", "--replay", file.toString());
            assertThat(replay.err()).isEmpty();
            assertThat(replay.out().lines()).containsExactlyElementsOf(live.out().lines().toList());
        }
    }

    @Test
    void replayedJsonHasTheLiveRunsSystemCallsAndChars() throws Exception {
        Path file = scratch.resolve("logical.jiotop");
        try (Child writer = Child.java(ThreadWriter.class, scratch.resolve("calls").toString())) {
            int pid = Integer.parseInt(writer.readLine().substring("ready ".length()));
            CompletableFuture<MainTest.Result> run = MainTest.start("--format=json", "-P", "-o", "--record",
                    file.toString(), "-n", "4", "-d", "1").afterBaseline();
            Thread.sleep(1500);
            writer.send("write " + (4L << 20));
            assertThat(writer.readLine()).isEqualTo("done");
            MainTest.Result live = run.get();
            assertThat(live.status()).as(live.err()).isZero();
            long calls = 0;
            Matcher m = SYSCALLS.matcher(live.out());
            while (m.find()) {
                calls += Integer.parseInt(m.group(1)) == pid ? Long.parseLong(m.group(2)) : 0;
            }
            assertThat(calls).as(live.out()).isPositive();

            MainTest.Result replay = MainTest.run("--format=json", "-P", "-o", "--replay", file.toString());
            assertThat(replay.err()).isEmpty();
            assertThat(replay.out().lines()).containsExactlyElementsOf(live.out().lines().toList());
        }
    }

    @Test
    void aReplayOfProcCountersSaysSoInTextAsTheLiveRunDid() throws Exception {
        MainTest.Result[] runs = liveAndReplayed("procfs.jiotop", "-b");
        assertThat(runs[0].out()).contains("--procfs: ");
        assertThat(runs[1].out().lines()).containsExactlyElementsOf(runs[0].out().lines().toList());
    }

    @Test
    void aReplayOfProcCountersHasTheLiveRunsSourceAndNoSwapInInJson() throws Exception {
        MainTest.Result[] runs = liveAndReplayed("procfs-json.jiotop", "--format=json");
        assertThat(runs[0].out()).contains("\"source\":\"procfs\"").contains("\"swapin_delay_seconds\":null");
        assertThat(runs[1].out().lines()).containsExactlyElementsOf(runs[0].out().lines().toList());
    }

    /** A {@code --procfs} run in {@code format} recorded to {@code name} while a process writes, then its replay. */
    private MainTest.Result[] liveAndReplayed(String name, String format) throws Exception {
        Path file = scratch.resolve(name);
        try (Child writer = Child.java(ThreadWriter.class, scratch.resolve(name + ".data").toString())) {
            writer.readLine();
            CompletableFuture<MainTest.Result> run = MainTest.start(format, "--procfs", "-P", "-o", "--record",
                    file.toString(), "-n", "3", "-d", "1").afterBaseline();
            writer.send("write " + (4L << 20));
            assertThat(writer.readLine()).isEqualTo("done");
            MainTest.Result live = run.get();
            assertThat(live.status()).as(live.err()).isZero();
            MainTest.Result replay = MainTest.run(format, "-P", "-o", "--replay", file.toString());
            assertThat(replay.err()).isEmpty();
            return new MainTest.Result[] {live, replay};
        }
    }

    @Test
    void aRecorderKilledAtRandomMomentsLosesAtMostTheIntervalItWasWriting() throws Exception {
        Path file = scratch.resolve("killed.jiotop");
        Random random = new Random();
        int before = 0;
        try (Child churn = churn()) {
            for (int round = 0; round < 20; round++) {
                int printed = 1 + random.nextInt(4);
                try (Child jiotop = Child.java(Main.class, "--format=json", "-o", "-d", "0.05", "--record",
                        file.toString())) {
                    for (int i = 0; i < printed; i++) {
                        jiotop.readLine();
                    }
                    Thread.sleep(random.nextInt(80));
                } // killed with SIGKILL
                RecordingInfo info = Recording.open(file).info();
                // Each interval is recorded before it is printed: every printed one is in the file.
                assertThat(info.intervals()).as("round " + round).isGreaterThanOrEqualTo(before + printed);
                before = info.intervals();
            }
        }
        MainTest.Result replay = MainTest.run("--format=json", "--replay", file.toString());
        assertThat(replay.status()).isZero();
        assertThat(replay.out().lines()).hasSize(before);
    }

    @Test
    void aRecordingThatFillsItsDiskIsSaidAndEndsTheRunWithStatusOne() throws Exception {
        Path small = Files.createDirectory(scratch.resolve("small"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8k", "tmpfs", small.toString())
                .redirectErrorStream(true).start();
        assumeTrue(mount.waitFor() == 0, "needs to mount a tmpfs");
        try {
            MainTest.Result r = MainTest.run("-b", "-n", "20", "-d", "0.1", "--record", small.resolve("rec").toString());
            assertThat(r.err()).startsWith("jiotop: recording stopped: ").contains("No space left on device");
            // Batch output went on to its end: only the recording is missing.
            assertThat(r.out().split("Total DISK READ", -1)).hasSize(21);
            assertThat(r.status()).isEqualTo(Main.EXIT_CANNOT_RUN);
        } finally {
            assertThat(new ProcessBuilder("umount", small.toString()).start().waitFor()).isZero();
        }
    }
}
