package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event-driven task list against the running kernel, compared with walks of /proc made just
 * before and just after each refresh: a task alive (not a zombie) in both walks lived through the
 * refresh and must be listed; a task listed must be in one of them (zombies count: the list keeps
 * a task that was a zombie when it started, as /proc does), or have started and ended while they
 * ran, and then be dropped by the next refresh.
 */
class EventTaskListKernelTest {
    /** Short-lived shells per burst: enough to overflow a minimal receive buffer many times over. */
    private static final int BURST = 300;
    /** The smallest receive buffer: the kernel raises it to its minimum of a few KiB. */
    private static final int TINY_BUFFER = 1;

    @Test
    void onAQuietMachineTheListIsTheProcWalk() throws Exception {
        Capability.assume(Capability.NET_ADMIN);
        try (EventTaskList list = EventTaskList.open(ProcFs.system())) {
            assertThat(list).as("the kernel refused the process events").isNotNull();
            Set<Long> unseenBefore = Set.of();
            Set<Long> lastAfter = Set.of();
            for (int round = 0; round < 5; round++) {
                Set<Long> before = walk(true);
                list.refresh();
                Set<Long> after = walk(true);
                Set<Long> listed = listed(list);
                // There since the round before: /proc shows a new task a moment before the kernel
                // sends its fork event, so one that has just started may be listed a refresh late.
                Set<Long> stable = walk(false);
                stable.retainAll(lastAfter);
                stable.retainAll(before);
                stable.retainAll(after);
                lastAfter = after;
                assertThat(missing(stable, listed)).as("round %d: tasks alive through two refreshes", round).isEmpty();
                // A listed task in neither walk started after the first and ended before the second
                // looked for it; it is gone, so the next refresh must drop it.
                Set<Long> unseen = new HashSet<>(listed);
                unseen.removeAll(before);
                unseen.removeAll(after);
                Set<Long> stale = new HashSet<>(unseen);
                stale.retainAll(unseenBefore);
                assertThat(stale).as("round %d: listed though gone at two refreshes", round).isEmpty();
                unseenBefore = unseen;
            }
            assertThat(list.lostEvents()).isZero();
        }
    }

    @Test
    void aZombieIsAProcessUntilReapedAsInProc() throws Exception {
        Capability.assume(Capability.NET_ADMIN);
        try (EventTaskList list = EventTaskList.open(ProcFs.system())) {
            assertThat(list).as("the kernel refused the process events").isNotNull();
            // Its child exits at once and is a zombie until the parent reaps it, a second later.
            Process parent = new ProcessBuilder("perl", "-e", "exit 0 unless fork; sleep 1; wait; sleep 5").start();
            try {
                int zombie = -1;
                for (int tries = 0; zombie < 0 && tries < 40; tries++) {
                    Thread.sleep(20);
                    zombie = zombieChildOf(parent.pid());
                }
                assertThat(zombie).as("a zombie child of %d", parent.pid()).isPositive();
                list.refresh();
                assertThat(list.pids()).as("no thread of the zombie lives").doesNotContain(zombie);
                assertThat(list.processes()).as("but /proc lists it").contains(zombie).isSorted()
                        .containsSubsequence(list.pids());
                int z = zombie;
                Path entry = Path.of("/proc", Integer.toString(z));
                boolean reaped = false;
                for (int round = 0; round < 50 && !reaped; round++) {
                    Thread.sleep(50);
                    boolean before = Files.exists(entry);
                    list.refresh();
                    boolean listed = Arrays.stream(list.processes()).anyMatch(pid -> pid == z);
                    boolean after = Files.exists(entry);
                    if (before) {
                        assertThat(listed || !after).as("round %d: listed while in /proc", round).isTrue();
                    } else {
                        assertThat(listed).as("round %d: listed though reaped before the refresh", round).isFalse();
                        reaped = true;
                    }
                }
                assertThat(reaped).as("the parent reaped its child").isTrue();
            } finally {
                parent.destroy();
                parent.waitFor();
            }
        }
    }

    /** A child of {@code parent} in state Z, or -1. */
    private static int zombieChildOf(long parent) throws IOException {
        for (int pid : numbered(Path.of("/proc"))) {
            try {
                String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
                String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                if (after[0].equals("Z") && Long.parseLong(after[1]) == parent) {
                    return pid;
                }
            } catch (IOException gone) {
                // ended since the listing
            }
        }
        return -1;
    }

    @Test
    void lostEventsAreCountedAndAWalkSetsTheListRight() throws Exception {
        Capability.assume(Capability.NET_ADMIN);
        try (EventTaskList list = EventTaskList.open(ProcFs.system(), TINY_BUFFER)) {
            assertThat(list).as("the kernel refused the process events").isNotNull();
            // A burst between two refreshes overflows the buffer: counted, and the next refresh walks.
            List<Integer> shells = burst();
            List<Integer> gone = gone(shells);
            long resyncs = list.resyncs();
            list.refresh();
            assertThat(list.lostEvents()).isPositive();
            assertThat(list.resyncs()).isGreaterThan(resyncs);
            assertNotListed(list, gone);
            // Refreshing while bursts run: every task alive through two refreshes is listed by the second.
            Process churn = new ProcessBuilder("sh", "-c", "for b in 1 2 3 4 5 6; do " + burstScript() + "; done")
                    .redirectErrorStream(true).start();
            int rounds = 0;
            Set<Long> lastAfter = Set.of();
            while (churn.isAlive() || rounds < 3) {
                Set<Long> before = walk(false);
                list.refresh();
                Set<Long> after = walk(false);
                Set<Long> stable = new HashSet<>(before);
                stable.retainAll(after);
                stable.retainAll(lastAfter);
                lastAfter = after;
                assertThat(missing(stable, listed(list))).as("refresh %d: tasks alive through it and the one before",
                        rounds).isEmpty();
                rounds++;
            }
            List<Integer> churned = pids(new String(churn.getInputStream().readAllBytes()));
            assertThat(churn.waitFor()).isZero();
            assertThat(churned).hasSizeGreaterThan(BURST);
            List<Integer> goneNow = gone(churned);
            list.refresh();
            assertNotListed(list, goneNow);
        }
    }

    @Test
    void withoutCapNetAdminTheListIsRefusedSoTheCallerListsProc() throws Exception {
        Capability.assume(Capability.NET_ADMIN, Capability.SETPCAP);
        assertThat(openIn(List.of())).isEqualTo("open");
        assertThat(openIn(List.of("setpriv", "--bounding-set=-net_admin", "--inh-caps=-net_admin", "--")))
                .isEqualTo("refused");
    }

    /** Runs {@link OpenEventTaskList} in a new JVM started by {@code prefix}; what it printed. */
    private static String openIn(List<String> prefix) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                OpenEventTaskList.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.waitFor()).isZero();
        return out;
    }

    private static String burstScript() {
        return "i=0; while [ $i -lt " + BURST + " ]; do sh -c 'echo $$' & i=$((i+1)); done; wait";
    }

    /** Runs a burst of short-lived shells to their end; their PIDs. */
    private static List<Integer> burst() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", burstScript()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isZero();
        List<Integer> pids = pids(out);
        assertThat(pids).hasSize(BURST);
        return pids;
    }

    private static List<Integer> pids(String lines) {
        return lines.lines().filter(l -> !l.isBlank()).map(l -> Integer.parseInt(l.strip())).toList();
    }

    /** The PIDs of {@code pids} that no longer exist (reaped; not reused since). */
    private static List<Integer> gone(List<Integer> pids) {
        return pids.stream().filter(pid -> !Files.exists(Path.of("/proc", pid.toString()))).toList();
    }

    /** None of {@code gone} is listed, unless its PID was taken again since. */
    private static void assertNotListed(EventTaskList list, List<Integer> gone) {
        Set<Integer> listed = new HashSet<>();
        for (int pid : list.pids()) {
            listed.add(pid);
        }
        assertThat(gone).as("gone before the refresh").isNotEmpty();
        List<Integer> wrong = gone.stream()
                .filter(pid -> listed.contains(pid) && !Files.exists(Path.of("/proc", pid.toString()))).toList();
        assertThat(wrong).as("listed though gone").isEmpty();
    }

    /** The list as {@code tgid << 32 | tid}, checking that it is ascending as ProcFs's is. */
    private static Set<Long> listed(EventTaskList list) {
        Set<Long> out = new HashSet<>();
        int[] pids = list.pids();
        assertThat(pids).isSorted();
        int tasks = 0;
        for (int pid : pids) {
            int[] tids = list.tids(pid);
            assertThat(tids).isSorted().isNotEmpty();
            for (int tid : tids) {
                out.add((long) pid << 32 | tid);
            }
            tasks += tids.length;
        }
        assertThat(list.taskCount()).isEqualTo(tasks);
        int[] allTids = new int[tasks];
        int[] allTgids = new int[tasks];
        list.copyTasks(allTids, allTgids);
        Set<Long> copied = new HashSet<>();
        for (int i = 0; i < tasks; i++) {
            copied.add((long) allTgids[i] << 32 | allTids[i]);
        }
        assertThat(copied.equals(out)).as("copyTasks lists what pids and tids do").isTrue();
        return out;
    }

    /** What of {@code expected} is not in {@code actual} (a set difference; AssertJ's would compare every pair). */
    private static Set<Long> missing(Set<Long> expected, Set<Long> actual) {
        Set<Long> out = new HashSet<>(expected);
        out.removeAll(actual);
        return out;
    }

    /**
     * Every task in /proc, as {@code tgid << 32 | tid}; zombies only {@code withZombies}: the list
     * drops a task at its exit.
     */
    private static Set<Long> walk(boolean withZombies) throws IOException {
        Set<Long> out = new HashSet<>();
        for (int pid : numbered(Path.of("/proc"))) {
            for (int tid : numbered(Path.of("/proc", Integer.toString(pid), "task"))) {
                // Only a leader stays in /proc after its exit: other threads go as they end.
                if (withZombies || tid != pid || !zombie(Path.of("/proc", Integer.toString(pid), "task", Integer.toString(tid), "stat"))) {
                    out.add((long) pid << 32 | tid);
                }
            }
        }
        return out;
    }

    private static List<Integer> numbered(Path dir) throws IOException {
        List<Integer> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .forEach(n -> out.add(Integer.parseInt(n)));
        } catch (java.nio.file.FileSystemException e) {
            // the process ended while listing: gone (ENOENT), or listed while it exits (ESRCH)
        }
        return out;
    }

    /** Whether the task is a zombie (or gone); the state follows the command name's closing parenthesis. */
    private static boolean zombie(Path stat) {
        try {
            String s = Files.readString(stat);
            char state = s.charAt(s.lastIndexOf(')') + 2);
            return state == 'Z' || state == 'X';
        } catch (IOException e) {
            return true;
        }
    }
}
