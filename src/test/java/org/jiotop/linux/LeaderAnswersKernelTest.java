package org.jiotop.linux;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Process mode's leader query asks again only where its answer can have changed: against the
 * running kernel, about processes this test starts (a parent and its child), so that no other
 * process's start or exit moves the counts.
 */
class LeaderAnswersKernelTest {
    private static final long AGE = 60_000_000_000L;

    private Process shell;
    private int parent;
    private int child;
    private int[] both;

    @BeforeEach
    void start() throws Exception {
        Capability.assume(Capability.NET_ADMIN);
        // The shell reaps its child only once its input ends: until then the child, once killed,
        // stays a zombie, listed and with a readable /proc/PID/io.
        shell = new ProcessBuilder("sh", "-c", "sleep 120 & echo $!; read line; wait").start();
        child = Integer.parseInt(new BufferedReader(new InputStreamReader(shell.getInputStream())).readLine());
        parent = (int) shell.pid();
        both = new int[]{Math.min(parent, child), Math.max(parent, child)};
        awaitShellReading();
    }

    /**
     * Until it blocks in {@code read line}, the shell reaps a child that ended between two of its
     * commands: a child killed that soon would vanish instead of staying a zombie.
     */
    private void awaitShellReading() throws Exception {
        Path syscall = Path.of("/proc/" + parent + "/syscall");
        String readingInput = Syscall.READ.number + " 0x0 ";
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Files.readString(syscall).startsWith(readingInput) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(Files.readString(syscall)).as("the shell's system call").startsWith(readingInput);
    }

    @AfterEach
    void stop() throws Exception {
        if (shell != null) {
            endBoth();
        }
    }

    @Test
    void aProcessSeenBeforeIsNotAskedAgain() throws KernelException {
        try (TaskstatsSocket s = TaskstatsSocket.open()) {
            LeaderAnswers leaders = new LeaderAnswers(AGE);
            TaskCounters first = leaders.answer(s, both, 2, new int[0], 0, 0);
            int uid = first.uid(1);
            int ppid = first.ppid(1);
            long start = first.startNanos(1);
            assertThat(leaders.queried()).isEqualTo(2);
            assertThat(leaders.askedNow(0)).isTrue();

            TaskCounters second = leaders.answer(s, both, 2, new int[0], 0, 1_000_000_000L);
            assertThat(leaders.queried()).isEqualTo(2);
            assertThat(leaders.askedNow(0)).isFalse();
            assertThat(leaders.askedNow(1)).isFalse();
            assertThat(second.answered(1)).isTrue();
            assertThat(second.id(1)).isEqualTo(both[1]);
            assertThat(second.uid(1)).isEqualTo(uid);
            assertThat(second.ppid(1)).isEqualTo(ppid);
            assertThat(second.startNanos(1)).isEqualTo(start);
        }
    }

    @Test
    void aProcessIsAskedAgainWhenNewNamedByAnExitOrItsAnswerAged() throws KernelException {
        try (TaskstatsSocket s = TaskstatsSocket.open()) {
            LeaderAnswers leaders = new LeaderAnswers(AGE);
            leaders.answer(s, new int[]{parent}, 1, new int[0], 0, 0);
            assertThat(leaders.queried()).isEqualTo(1);

            leaders.answer(s, new int[]{both[0], both[1]}, 2, new int[0], 0, 1);
            assertThat(leaders.queried()).as("the new one").isEqualTo(2);

            leaders.answer(s, both, 2, new int[]{child}, 0, 2);
            assertThat(leaders.queried()).as("the one an exit report names").isEqualTo(3);

            // The first answers fall due within AGE of being asked, spread by ID; after that, every AGE.
            leaders.answer(s, both, 2, new int[0], 0, 2 + AGE);
            assertThat(leaders.queried()).as("both, aged").isEqualTo(5);
            leaders.answer(s, both, 2, new int[0], 0, 3 + AGE);
            assertThat(leaders.queried()).isEqualTo(5);
            leaders.answer(s, both, 2, new int[0], 0, 3 + 2 * AGE);
            assertThat(leaders.queried()).isEqualTo(7);
        }
    }

    @Test
    void everyProcessIsAskedWhenReportsWereLostOrAreNotListenedTo() throws KernelException {
        try (TaskstatsSocket s = TaskstatsSocket.open()) {
            LeaderAnswers leaders = new LeaderAnswers(AGE);
            leaders.answer(s, both, 2, new int[0], 3, 0);
            leaders.answer(s, both, 2, new int[0], 4, 1);
            assertThat(leaders.queried()).as("reports lost in between").isEqualTo(4);
            leaders.answer(s, both, 2, new int[0], -1, 2);
            leaders.answer(s, both, 2, new int[0], -1, 3);
            assertThat(leaders.queried()).as("no exit reports").isEqualTo(8);
            int[] descending = {both[1], both[0]};
            leaders.answer(s, descending, 2, new int[0], 5, 4);
            leaders.answer(s, descending, 2, new int[0], 5, 5);
            assertThat(leaders.queried()).as("IDs out of order, as -p gives them").isEqualTo(12);
        }
    }

    @Test
    void aKeptAnswerIsConfirmedOnceWhenAsked() throws Exception {
        try (TaskstatsSocket s = TaskstatsSocket.open()) {
            LeaderAnswers leaders = new LeaderAnswers(AGE);
            leaders.answer(s, both, 2, new int[0], 0, 0);
            TaskCounters kept = leaders.answer(s, both, 2, new int[0], 0, 1);
            int killed = both[0] == child ? 0 : 1;
            endBoth();

            leaders.confirm(s, new int[]{0, 1}, 2);
            assertThat(leaders.queried()).isEqualTo(4);
            assertThat(kept.answered(killed)).as("the child, gone").isFalse();
            assertThat(kept.answered(1 - killed)).as("the parent, gone").isFalse();
            leaders.confirm(s, new int[]{0, 1}, 2);
            assertThat(leaders.queried()).as("already asked in this scan").isEqualTo(4);
        }
    }

    @Test
    void aScannerWithExitReportsAsksAboutAProcessOnceItsExitIsReported(@TempDir Path tmp) throws Exception {
        ProcFs fixture = ProcFixture.of(tmp, both);
        try (TaskstatsSocket s = TaskstatsSocket.open();
             ExitListener exits = ExitListener.start(ExitListener.possibleCpus(Path.of("/sys")),
                     ExitListener.DEFAULT_RECEIVE_BUFFER);
             TaskScanner scanner = new TaskScanner(fixture, s, exits, AGE)) {
            TaskSample before = sampleOf(scanner.processes(null).tasks(), child);
            scanner.processes(null);
            assertThat(scanner.leaderQueries()).isEqualTo(2);

            ProcessHandle.of(child).orElseThrow().destroy();
            // A zombie is still listed, and its io can still be read: only its exit report tells.
            long deadline = System.nanoTime() + 10_000_000_000L;
            List<TaskSample> tasks = scanner.processes(null).tasks();
            while (scanner.leaderQueries() == 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
                tasks = scanner.processes(null).tasks();
            }
            assertThat(scanner.leaderQueries()).isEqualTo(3);
            // The kernel sends the exit report before the exiting task turns into a zombie.
            Path status = Path.of("/proc/" + child + "/status");
            while (!Files.readString(status).contains("State:\tZ") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(Files.readString(status)).contains("State:\tZ");
            TaskSample zombie = sampleOf(tasks, child);
            assertThat(zombie.ppid()).isEqualTo(parent);
            assertThat(Math.abs(zombie.startNanos() - before.startNanos())).isLessThan(10_000_000L);
        }
    }

    @Test
    void aScanInThreadModeDrainsTheReportsSoTheNextProcessScanAsksAboutEveryProcess(@TempDir Path tmp)
            throws Exception {
        ProcFs fixture = ProcFixture.of(tmp, both);
        try (TaskstatsSocket s = TaskstatsSocket.open();
             ExitListener exits = ExitListener.start(ExitListener.possibleCpus(Path.of("/sys")),
                     ExitListener.DEFAULT_RECEIVE_BUFFER);
             TaskScanner scanner = new TaskScanner(fixture, s, exits, AGE)) {
            scanner.processes(null);
            scanner.processes(null);
            assertThat(scanner.leaderQueries()).isEqualTo(2);
            assertThat(scanner.threads(null).tasks()).hasSize(2);
            scanner.processes(null);
            assertThat(scanner.leaderQueries()).isEqualTo(4);
        }
    }

    private static TaskSample sampleOf(List<TaskSample> tasks, int pid) {
        return tasks.stream().filter(t -> t.id() == pid).findFirst().orElseThrow();
    }

    /** Kills the child; the shell then reaps it and ends, and is reaped in turn. */
    private void endBoth() throws Exception {
        ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
        shell.getOutputStream().close();
        assertThat(shell.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Path.of("/proc/" + child)).doesNotExist();
    }
}
