package org.jiotop.linux;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The taskstats socket against the running kernel. */
class TaskstatsSocketKernelTest {
    /**
     * This JVM's threads. Each test runs in a thread of its own (see junit-platform.properties), so
     * the previous test's may still be ending: a thread that is gone when its answer is checked
     * may rightly have none.
     */
    private final int[] ownThreads = ProcFs.system().tids((int) ProcessHandle.current().pid());

    private static boolean answeredOrGone(TaskCounters stats, int i, int tid) {
        return stats.answered(i) || !Files.exists(Path.of("/proc/self/task/" + tid));
    }

    @BeforeEach
    void root() {
        Capability.assume(Capability.NET_ADMIN);
    }

    private static TaskCounters query(TaskstatsSocket s, int[] ids, boolean tgid) throws KernelException {
        TaskCounters out = new TaskCounters();
        s.query(ids, ids.length, tgid, out);
        return out;
    }

    @Test
    void answersForEveryThreadOfThisJvm() throws KernelException {
        try (TaskstatsSocket s = TaskstatsSocket.open()) {
            assertThat(s.familyId()).isPositive();
            TaskCounters stats = query(s, ownThreads, false);
            for (int i = 0; i < ownThreads.length; i++) {
                assertThat(answeredOrGone(stats, i, ownThreads[i])).as("tid %d", ownThreads[i]).isTrue();
                if (stats.answered(i)) {
                    assertThat(stats.id(i)).isEqualTo(ownThreads[i]);
                    assertThat(stats.uid(i)).isEqualTo(0);
                }
            }
        }
    }

    @Test
    void aSocketWhoseBuffersCannotBeHadLeavesNoDescriptorOpen() throws Exception {
        long before;
        try (var fds = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
            before = fds.count();
        }
        // Slots for this many replies are more memory than a segment may have.
        assertThatThrownBy(() -> TaskstatsSocket.open(Integer.MAX_VALUE, 1 << 20, 1 << 20))
                .isInstanceOfAny(RuntimeException.class, OutOfMemoryError.class);
        try (var fds = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
            assertThat(fds.count()).isEqualTo(before);
        }
    }

    @Test
    void overflowingReceiveBufferLosesNoReply() throws KernelException {
        // Each thread asked 40 times in one round: thousands of replies into a buffer that holds a few.
        int[] ids = new int[ownThreads.length * 40];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ownThreads[i % ownThreads.length];
        }
        try (TaskstatsSocket tiny = TaskstatsSocket.open(512, 1)) {
            TaskCounters stats = query(tiny, ids, false);
            assertThat(tiny.overflows()).isPositive();
            for (int i = 0; i < ids.length; i++) {
                assertThat(answeredOrGone(stats, i, ids[i])).as("request %d for tid %d", i, ids[i]).isTrue();
                if (stats.answered(i)) {
                    assertThat(stats.id(i)).isEqualTo(ids[i]);
                }
            }
        }
    }

    @Test
    void repliesTakenManyAtATimeAreEachPutInTheRowTheyAnswer() throws KernelException {
        // Many receive areas' worth of replies, each thread asked in turn, against one reply per recv().
        int[] ids = new int[Math.max(200, ownThreads.length * 8)];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ownThreads[i % ownThreads.length];
        }
        try (TaskstatsSocket many = TaskstatsSocket.open();
             TaskstatsSocket single = TaskstatsSocket.open(TaskstatsSocket.DEFAULT_BATCH,
                     TaskstatsSocket.DEFAULT_RECEIVE_BUFFER, 16)) {
            TaskCounters got = query(many, ids, false);
            TaskCounters one = query(single, ids, false);
            assertThat(many.receivesOneAtATime()).isFalse();
            assertThat(many.askedAgain()).as("replies missed in the first round").isZero();
            assertThat(single.receivesOneAtATime()).isTrue();
            for (int i = 0; i < ids.length; i++) {
                assertThat(answeredOrGone(got, i, ids[i])).as("request %d for tid %d", i, ids[i]).isTrue();
                assertThat(answeredOrGone(one, i, ids[i])).as("request %d for tid %d", i, ids[i]).isTrue();
                if (got.answered(i) && one.answered(i)) {
                    assertThat(got.id(i)).isEqualTo(ids[i]);
                    assertThat(one.id(i)).isEqualTo(ids[i]);
                    // The start time is the reply's age taken from the clock at send(), so within the tolerance.
                    assertThat(TaskId.sameStart(got.startNanos(i), one.startNanos(i))).isTrue();
                }
            }
        }
    }

    @Test
    @Timeout(30) // cut replies asked again into the same slots would be asked forever
    void aReplyLargerThanItsSlotIsAskedAgainAndReceivedWhole() throws KernelException {
        // 16-byte slots hold a netlink header and nothing more: every reply comes back cut.
        try (TaskstatsSocket cut = TaskstatsSocket.open(TaskstatsSocket.DEFAULT_BATCH,
                TaskstatsSocket.DEFAULT_RECEIVE_BUFFER, 16)) {
            assertThat(cut.receivesOneAtATime()).isFalse();
            TaskCounters stats = query(cut, ownThreads, false);
            assertThat(cut.receivesOneAtATime()).isTrue();
            assertThat(cut.overflows()).isZero();
            for (int i = 0; i < ownThreads.length; i++) {
                assertThat(answeredOrGone(stats, i, ownThreads[i])).as("tid %d", ownThreads[i]).isTrue();
                if (stats.answered(i)) {
                    assertThat(stats.id(i)).isEqualTo(ownThreads[i]);
                    assertThat(stats.uid(i)).isEqualTo(0);
                }
            }
        }
    }

    @Test
    void vanishedTaskInsideABatchIsSkippedSilently() throws Exception {
        Process p = new ProcessBuilder("true").start();
        int dead = (int) p.pid();
        p.waitFor();
        int self = (int) ProcessHandle.current().pid();
        try (TaskstatsSocket s = TaskstatsSocket.open()) {
            TaskCounters stats = query(s, new int[]{self, dead, self}, false);
            assertThat(stats.answered(0)).isTrue();
            assertThat(stats.answered(1)).isFalse();
            assertThat(stats.answered(2)).isTrue();
            Scan scan;
            try (TaskScanner scanner = new TaskScanner(ProcFs.system(), s, null)) {
                scan = scanner.threads(new int[]{dead, self});
            }
            assertThat(scan.tasks()).extracting(TaskSample::id).containsExactly(self);
        }
    }

    @Test
    void threadGroupQueryHasNoBytesButTheTaskQueryDoes() throws Exception {
        int self = (int) ProcessHandle.current().pid();
        try (TaskstatsSocket s = TaskstatsSocket.open()) {
            TaskCounters group = query(s, new int[]{self}, true);
            assertThat(group.answered(0)).isTrue();
            assertThat(group.id(0)).isEqualTo(self);
            assertThat(group.writeBytes(0)).isZero();
        }
    }

    @Test
    void startTimeIsStableAcrossQueriesAndMatchesTheProcessAge() throws KernelException, IOException {
        int self = (int) ProcessHandle.current().pid();
        try (TaskstatsSocket s = TaskstatsSocket.open();
             TaskScanner scanner = new TaskScanner(ProcFs.system(), s, null)) {
            long first = scanner.threads(new int[]{self}).tasks().getFirst().startNanos();
            long second = scanner.threads(new int[]{self}).tasks().getFirst().startNanos();
            assertThat(Math.abs(first - second)).isLessThan(5_000_000L);
            long ageMillis = (System.nanoTime() - first) / 1_000_000;
            long jvmAge = ProcessHandle.current().info().startInstant()
                    .map(t -> System.currentTimeMillis() - t.toEpochMilli()).orElseThrow();
            assertThat(Math.abs(ageMillis - jvmAge)).isLessThan(1500);
        }
    }

    @Test
    void ioPriorityOfThisThreadCanBeSetAndRead() throws Exception {
        // This thread's TID (/proc/thread-self links to PID/task/TID): one that lives through the test.
        int tid = Integer.parseInt(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        IoPrio prio = new IoPrio();
        IoPriority before = prio.get(tid);
        try {
            prio.set(tid, new IoPriority(IoPriority.CLASS_BE, 6));
            assertThat(prio.get(tid)).isEqualTo(new IoPriority(IoPriority.CLASS_BE, 6));
        } finally {
            prio.set(tid, before);
        }
    }

    @Test
    void anIdleTaskKeepsItsSampleObjectAndAWritingOneGetsANewSample() throws Exception {
        // Idle once it has said so: a process still loading its program reads from disk.
        Process sleeper = new ProcessBuilder("sh", "-c", "echo ready; read line").start();
        Path file = Files.createTempFile("jiotop-reuse", ".bin");
        try (TaskstatsSocket s = TaskstatsSocket.open();
             TaskScanner scanner = new TaskScanner(ProcFs.system(), s, null)) {
            assertThat(new String(sleeper.getInputStream().readNBytes(6))).isEqualTo("ready\n");
            int idle = (int) sleeper.pid();
            // This thread's TID: /proc/thread-self links to PID/task/TID.
            int self = Integer.parseInt(Files.readSymbolicLink(Path.of("/proc/thread-self"))
                    .getFileName().toString());
            int[] both = idle < self ? new int[]{idle, self} : new int[]{self, idle};
            var before = scanner.threads(both).tasks();
            // Written through the page cache and synced, so this thread's write_bytes grows.
            try (var out = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                out.write(java.nio.ByteBuffer.allocate(1 << 16));
                out.force(true);
            }
            Scan afterScan = scanner.threads(both);
            var after = afterScan.tasks();
            TaskSample idleBefore = before.stream().filter(t -> t.id() == idle).findFirst().orElseThrow();
            TaskSample idleAfter = after.stream().filter(t -> t.id() == idle).findFirst().orElseThrow();
            TaskSample selfBefore = before.stream().filter(t -> t.id() == self).findFirst().orElseThrow();
            TaskSample selfAfter = after.stream().filter(t -> t.id() == self).findFirst().orElseThrow();
            assertThat(idleAfter).isSameAs(idleBefore);
            assertThat(afterScan.unchanged(after.indexOf(idleAfter))).isTrue();
            assertThat(selfAfter).isNotSameAs(selfBefore);
            assertThat(afterScan.unchanged(after.indexOf(selfAfter))).isFalse();
            assertThat(selfAfter.writeBytes()).isGreaterThan(selfBefore.writeBytes());
        } finally {
            sleeper.destroy();
            Files.deleteIfExists(file);
        }
    }

    /** A new file under target/, on a real disk: a tmpfs /tmp would account no written bytes. */
    private static Path scratchFile(String prefix) throws IOException {
        return Files.createTempFile(Files.createDirectories(Path.of("target", "e2e-scratch")), prefix, ".bin");
    }

    @Test
    void aProcessWhoseIoFileCannotBeReadHasTheBytesOfItsThreads(@TempDir Path tmp) throws Exception {
        Path file = scratchFile("printf");
        // One thread that writes 1 MiB itself (printf and read are built into the shell) and then waits.
        Process shell = new ProcessBuilder("sh", "-c", "printf '%1048576s' x > " + file + "; echo ready; read line")
                .start();
        try (TaskstatsSocket s = TaskstatsSocket.open()) {
            assertThat(new String(shell.getInputStream().readNBytes(6))).isEqualTo("ready\n");
            int pid = (int) shell.pid();
            ProcFs fixture = ProcFixture.withoutIo(Files.createDirectories(tmp.resolve("proc")), pid);
            assertThat(fixture.processIo(pid)).isNull();
            assertThat(fixture.tids(pid)).containsExactly(pid);

            TaskSample sample;
            try (TaskScanner scanner = new TaskScanner(fixture, s, null)) {
                sample = scanner.processes(new int[]{pid}).tasks().getFirst();
            }
            ProcessIo actual = ProcFs.system().processIo(pid);
            assertThat(sample.includesReapedChildren()).isFalse();
            assertThat(sample.writeBytes()).isEqualTo(actual.writeBytes()).isGreaterThanOrEqualTo(1 << 20);
            assertThat(sample.readBytes()).isEqualTo(actual.readBytes());
        } finally {
            shell.destroy();
            Files.delete(file);
        }
    }

    @Test
    void aManyThreadedProcessWhoseIoFileCannotBeReadSumsItsLiveThreads(@TempDir Path tmp) throws Exception {
        int self = (int) ProcessHandle.current().pid();
        ProcFs fixture = ProcFixture.withoutIo(tmp, self);
        Path file = scratchFile("thread");
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        // A thread other than the leader writes 1 MiB and stays alive while the process is scanned.
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                Files.write(file, new byte[1 << 20]);
                written.countDown();
                done.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (TaskstatsSocket s = TaskstatsSocket.open()) {
            long leaderBefore = query(s, new int[]{self}, false).writeBytes(0);
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(fixture.tids(self).length).isGreaterThan(1);
            TaskSample sample;
            try (TaskScanner scanner = new TaskScanner(fixture, s, null)) {
                sample = scanner.processes(new int[]{self}).tasks().getFirst();
            }
            // Counters only grow, and /proc/PID/io also keeps the bytes of threads that have ended:
            // the sum over live threads holds at least the leader's bytes and the writer's, and at
            // most the process's total read afterwards.
            assertThat(sample.writeBytes()).isGreaterThanOrEqualTo(leaderBefore + (1 << 20))
                    .isLessThanOrEqualTo(ProcFs.system().processIo(self).writeBytes());
            assertThat(sample.includesReapedChildren()).isFalse();
        } finally {
            done.countDown();
            writer.join();
            Files.delete(file);
        }
    }
}
