package org.jiotop.linux;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The taskstats socket against the running kernel. */
class TaskstatsSocketKernelTest {
    private final int[] ownThreads = ProcFs.system().tids((int) ProcessHandle.current().pid());

    @BeforeEach
    void root() {
        Root.assumeRoot();
    }

    private static TaskStats[] query(TaskstatsSocket s, int[] ids, boolean tgid) throws KernelException {
        TaskStats[] out = new TaskStats[ids.length];
        s.query(ids, ids.length, tgid, out, new long[ids.length]);
        return out;
    }

    @Test
    void answersForEveryThreadOfThisJvm() throws KernelException {
        try (TaskstatsSocket s = TaskstatsSocket.open()) {
            assertThat(s.familyId()).isPositive();
            TaskStats[] stats = query(s, ownThreads, false);
            for (int i = 0; i < ownThreads.length; i++) {
                assertThat(stats[i]).as("tid %d", ownThreads[i]).isNotNull();
                assertThat(stats[i].id()).isEqualTo(ownThreads[i]);
                assertThat(stats[i].version()).isGreaterThanOrEqualTo(4);
            }
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
            TaskStats[] stats = query(tiny, ids, false);
            assertThat(tiny.overflows()).isPositive();
            for (int i = 0; i < ids.length; i++) {
                assertThat(stats[i]).as("request %d for tid %d", i, ids[i]).isNotNull();
                assertThat(stats[i].id()).isEqualTo(ids[i]);
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
            TaskStats[] stats = query(s, new int[]{self, dead, self}, false);
            assertThat(stats[0]).isNotNull();
            assertThat(stats[1]).isNull();
            assertThat(stats[2]).isNotNull();
            Scan scan = new TaskScanner(ProcFs.system(), s, null).threads(new int[]{dead, self});
            assertThat(scan.tasks()).extracting(TaskSample::id).containsExactly(self);
        }
    }

    @Test
    void threadGroupQueryHasNoBytesButTheTaskQueryDoes() throws Exception {
        int self = (int) ProcessHandle.current().pid();
        try (TaskstatsSocket s = TaskstatsSocket.open()) {
            TaskStats[] group = query(s, new int[]{self}, true);
            assertThat(group[0]).isNotNull();
            assertThat(group[0].writeBytes()).isZero();
        }
    }

    @Test
    void startTimeIsStableAcrossQueriesAndMatchesTheProcessAge() throws KernelException, IOException {
        int self = (int) ProcessHandle.current().pid();
        try (TaskstatsSocket s = TaskstatsSocket.open()) {
            TaskScanner scanner = new TaskScanner(ProcFs.system(), s, null);
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
    void ioPriorityOfThisThreadCanBeSetAndRead() throws KernelException {
        int tid = Arrays.stream(ownThreads).max().orElseThrow();
        IoPrio prio = new IoPrio();
        IoPriority before = prio.get(tid);
        try {
            prio.set(tid, new IoPriority(IoPriority.CLASS_BE, 6));
            assertThat(prio.get(tid)).isEqualTo(new IoPriority(IoPriority.CLASS_BE, 6));
        } finally {
            prio.set(tid, before);
        }
    }
}
