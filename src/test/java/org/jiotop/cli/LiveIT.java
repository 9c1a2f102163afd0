package org.jiotop.cli;

import org.jiotop.linux.IoPrio;
import org.jiotop.linux.IoPriority;
import org.jiotop.linux.Capability;
import org.jiotop.output.DisplayWidth;
import org.jiotop.testkit.Child;
import org.jiotop.testkit.IoRecorder;
import org.jiotop.testkit.SteadyWriter;
import org.jiotop.testkit.Tmux;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The built jiotop's live view in a real terminal: tmux on a private socket. */
class LiveIT {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path tmp;

    @BeforeEach
    void root() {
        Capability.assume(Capability.NET_ADMIN);
    }

    private String jiotop(String args) {
        return REPO.resolve("jiotop") + " " + args;
    }

    @Test
    void writerOnScreenWithItsRateAndKeysChangeTheScreen() throws Exception {
        Path file = Files.createDirectories(REPO.resolve("target/e2e-scratch")).resolve("live-writer");
        try (Child writer = Child.java(SteadyWriter.class, file.toString(), Long.toString(8L << 20));
             IoRecorder kernel = new IoRecorder(writer.pid())) {
            String tid = writer.readLine().substring("ready ".length());
            try (Tmux tmux = new Tmux(120, 30, jiotop("-d 1 -k -p " + tid))) {
                Pattern row = Pattern.compile("(?m)^ *" + tid + " .*? (\\d+\\.\\d\\d) K/s +(\\d+\\.\\d\\d) K/s");
                String screen = tmux.await(s -> row.matcher(s).find() && !s.contains(" 0.00 K/s  java"), WAIT);
                Instant seen = Instant.now();
                Matcher m = row.matcher(screen);
                assertThat(m.find()).as(screen).isTrue();
                // The screen's last refresh ended within the second (and the capture's time) before it was seen.
                double shown = Double.parseDouble(m.group(2));
                double actual = kernel.closestWriteRate(shown * 1024, seen.minusMillis(1500), seen, 1.0) / 1024;
                assertThat(shown).as(screen).isCloseTo(actual, within(actual * 0.05));
                assertThat(screen).contains("DISK WRITE\u25bd");

                tmux.keys("Right");
                assertThat(tmux.await(s -> s.contains("COMMAND\u25b3"), WAIT)).contains("COMMAND\u25b3");
                tmux.keys("r");
                assertThat(tmux.await(s -> s.contains("COMMAND\u25bd"), WAIT)).contains("COMMAND\u25bd");
                tmux.keys("p");
                String processes = tmux.await(s -> s.contains(" PID PRIO"), WAIT);
                assertThat(processes).contains("measuring");
                tmux.keys("h");
                assertThat(tmux.await(s -> s.contains("Keys (any key closes this help)"), WAIT))
                        .contains("ionice");
                tmux.keys("Escape");
                tmux.keys("q");
            }
        }
    }

    @Test
    void gCyclesTheRowKindsAndEnterOpensAGroupUntilEsc() throws Exception {
        try (Tmux tmux = new Tmux(120, 30, jiotop("-d 1"))) {
            tmux.await(s -> s.contains(" TID PRIO"), WAIT);
            tmux.keys("g");
            assertThat(tmux.await(s -> s.contains(" PID PRIO"), WAIT)).contains("measuring");
            tmux.keys("g");
            Pattern users = Pattern.compile("(?m)^USER +PRIO +USER");
            Pattern rootRow = Pattern.compile("(?m)^root +- root .* \\d+ process(es)?$");
            String groups = tmux.await(s -> users.matcher(s).find() && rootRow.matcher(s).find(), WAIT);
            assertThat(groups).doesNotContain("Showing only");
            tmux.keys("Home", "Enter");
            String opened = tmux.await(s -> s.contains("Showing only: user "), WAIT);
            assertThat(opened).contains(" PID PRIO", "Esc: back to the groups");
            tmux.keys("Escape");
            assertThat(tmux.await(s -> users.matcher(s).find() && !s.contains("Showing only"), WAIT))
                    .doesNotContain(" PID PRIO");
            tmux.keys("g");
            assertThat(tmux.await(s -> Pattern.compile("(?m)^CGROUP +PRIO").matcher(s).find(), WAIT)).isNotEmpty();
            tmux.keys("q");
        }
    }

    @Test
    void ioniceDialogChangesARealThreadsPriority() throws Exception {
        try (Child sleeper = Child.command("sleep", "60")) {
            int pid = sleeper.pid();
            IoPrio ioprio = new IoPrio();
            try (Tmux tmux = new Tmux(120, 30, jiotop("-d 1 -p " + pid))) {
                tmux.await(s -> s.contains(pid + " "), WAIT);
                tmux.keys("i");
                tmux.await(s -> s.contains("TID to ionice:"), WAIT);
                tmux.keys(Integer.toString(pid), "Enter");
                tmux.await(s -> s.contains("I/O class for " + pid), WAIT);
                tmux.keys("Enter");
                tmux.await(s -> s.contains("I/O priority level"), WAIT);
                tmux.keys("6", "Enter");
                String done = tmux.await(s -> s.contains("set to be/6"), WAIT);
                assertThat(done).contains("I/O priority of thread " + pid + " set to be/6");
                assertThat(ioprio.get(pid)).isEqualTo(new IoPriority(IoPriority.CLASS_BE, 6));
                tmux.keys("q");
            }
        }
    }

    @Test
    void hostileProcessNameIsShownEscaped() throws Exception {
        try (Child evil = Child.command("bash", "-c", "exec -a $'\\e[31mEVIL\\xff\\e]2;pwned\\a' sleep 60")) {
            Thread.sleep(300);
            try (Tmux tmux = new Tmux(150, 20, jiotop("-c -d 0.5 -p " + evil.pid()))) {
                String screen = tmux.await(s -> s.contains("EVIL"), WAIT);
                assertThat(screen).contains("\\x1b[31mEVIL\\xff\\x1b]2;pwned\\x07 60");
                tmux.keys("q");
            }
        }
    }

    @Test
    void aCommandLineOfWideCharactersIsCutToTheScreenWidthByColumns() throws Exception {
        String name = "甲乙丙丁戊己庚辛壬癸".repeat(5) + "子丑寅卯辰巳午未申酉";
        try (Child wide = Child.command("bash", "-c", "exec -a " + name + " sleep 60")) {
            Thread.sleep(300);
            try (Tmux tmux = new Tmux(100, 20, jiotop("-c -d 0.5 -p " + wide.pid()))) {
                String screen = tmux.await(s -> s.contains("申酉 60"), WAIT);
                String row = screen.lines().filter(l -> l.contains("甲乙")).findFirst().orElseThrow();
                // Start and end kept, the middle cut, and the row ends at the edge: no wrapped rest below it.
                assertThat(row).as(screen).startsWith(String.format("%5d ", wide.pid())).contains(" 甲乙丙丁").contains("~")
                        .endsWith("申酉 60");
                // A wide character that would cross the edge leaves its column blank (trimmed here).
                assertThat(DisplayWidth.of(row)).as(screen).isBetween(99, 100);
                assertThat(screen.lines().filter(l -> l.contains("申酉"))).hasSize(1);
                tmux.keys("q");
            }
        }
    }

    /** A recording in the live view: the recorded intervals play, the first line says when, space pauses, no device panel. */
    @Test
    void aRecordingReplaysInTheLiveView() throws Exception {
        Path file = tmp.resolve("live.jior");
        Process record = new ProcessBuilder(REPO.resolve("jiotop").toString(), "-b", "-n", "4", "-d", "0.2",
                "--record", file.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(record.waitFor()).isZero();
        try (Tmux tmux = new Tmux(120, 30, jiotop("-d 0.3 --replay " + file))) {
            String screen = tmux.await(s -> s.contains("Total DISK READ") && s.contains("playing"), WAIT);
            assertThat(screen.lines().findFirst().orElseThrow()).as(screen).matches(".*\\d\\d:\\d\\d:\\d\\d.* playing");
            tmux.keys("Space");
            tmux.await(s -> s.contains("paused"), WAIT);
            // Devices are not recorded: no panel that would say "measuring" for ever.
            tmux.keys("d");
            assertThat(tmux.await(s -> s.contains("A recording has no device figures"), WAIT)).doesNotContain("devices:");
            tmux.keys("q");
        }
    }

    @Test
    void quitAndSigtermLeaveTheTerminalAsItWas() throws Exception {
        for (String stop : new String[]{"q", "TERM"}) {
            Path before = tmp.resolve(stop + ".before");
            Path after = tmp.resolve(stop + ".after");
            String marker = "--keep-exited=" + (stop.equals("q") ? 7 : 8);
            String script = "stty -g > " + before + "; " + jiotop("-d 0.5 " + marker) + "; stty -g > " + after
                    + "; echo finished; sleep 60";
            try (Tmux tmux = new Tmux(100, 25, "sh -c '" + script + "'")) {
                tmux.await(s -> s.contains("Total DISK READ") && !s.contains("measuring"), WAIT);
                if (stop.equals("q")) {
                    tmux.keys("q");
                } else {
                    Process kill = new ProcessBuilder("pkill", "-TERM", "-f", "^jiotop @/proc/self/fd/3 -d 0.5 " + marker).start();
                    assertThat(kill.waitFor()).isZero();
                }
                String screen = tmux.await(s -> s.contains("finished"), WAIT);
                assertThat(screen).as(stop).contains("finished").doesNotContain("Total DISK READ");
                assertThat(Files.readString(after)).as(stop).isEqualTo(Files.readString(before));
            }
        }
    }

    @Test
    void aThreadGivenToMinusPInProcessModeIsSaidOnTheScreen() throws Exception {
        long self = ProcessHandle.current().pid();
        String thread;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            thread = tasks.map(t -> t.getFileName().toString()).filter(t -> !t.equals(Long.toString(self)))
                    .findFirst().orElseThrow();
        }
        try (Tmux tmux = new Tmux(120, 25, jiotop("-d 0.5 -P -p " + thread))) {
            String screen = tmux.await(s -> s.contains("is a thread of process"), WAIT);
            assertThat(screen).contains("-p " + thread + " is a thread of process " + self);
            tmux.keys("q");
        }
    }

    @Test
    void settingsSavedWithWAreUsedByTheNextLiveRunButNotByBatch() throws Exception {
        Path xdg = tmp.resolve("xdg");
        String env = "XDG_CONFIG_HOME=" + xdg + " ";
        try (Tmux tmux = new Tmux(120, 25, env + jiotop("-d 0.5"))) {
            tmux.await(s -> s.contains("Total DISK READ") && !s.contains("measuring"), WAIT);
            tmux.keys("o", "Right", "W");
            String saved = tmux.await(s -> s.contains("Settings saved to"), WAIT);
            assertThat(saved).contains("Settings saved to " + xdg.resolve("jiotop/config"));
            tmux.keys("q");
        }
        String config = Files.readString(xdg.resolve("jiotop/config"));
        assertThat(config).contains("--only").contains("--sort=command");
        try (Tmux tmux = new Tmux(120, 25, env + jiotop("-d 0.5"))) {
            String screen = tmux.await(s -> s.contains("COMMAND\u25b3"), WAIT);
            assertThat(screen).contains("COMMAND\u25b3").contains("o: all");
            tmux.keys("q");
        }
        ProcessBuilder batch = new ProcessBuilder("sh", "-c", env + jiotop("-b -n 1 -d 0.2 -qq"));
        Process p = batch.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isZero();
        assertThat(out.lines().count()).as("batch shows every task, the saved --only is not applied")
                .isGreaterThan(10);
    }

    @Test
    void ctrlTTurnsDelayAccountingOnAndQuittingSaysSo() throws Exception {
        Capability.assume(Capability.SYS_ADMIN, Capability.DAC_OVERRIDE); // jiotop writes the sysctl
        Path sysctl = Path.of("/proc/sys/kernel/task_delayacct");
        String before = Files.readString(sysctl).strip();
        org.junit.jupiter.api.Assumptions.assumeTrue(before.equals("0"));
        try (Tmux tmux = new Tmux(160, 25, "sh -c '" + jiotop("-d 0.5") + "; echo finished; sleep 60'")) {
            tmux.await(s -> s.contains("Delay accounting off"), WAIT);
            tmux.keys("C-t");
            String on = tmux.await(s -> s.contains("Delay accounting turned on"), WAIT);
            assertThat(on).contains("Delay accounting turned on");
            assertThat(Files.readString(sysctl).strip()).isEqualTo("1");
            assertThat(tmux.await(s -> s.contains("DISK WRITE  SWAPIN"), WAIT)).doesNotContain("Delay accounting off");
            tmux.keys("q");
            String after = tmux.await(s -> s.contains("finished"), WAIT);
            assertThat(after).contains("kernel.task_delayacct was 0 when jiotop started and is 1 now");
        } finally {
            Files.writeString(sysctl, before);
        }
    }

    @Test
    void theHelpScreenWrapsItsLinesToAnEightyColumnTerminalAndScrollsToTheEnd() throws Exception {
        try (Tmux tmux = new Tmux(80, 30, jiotop("-d 0.5 -p 1"))) {
            tmux.await(s -> s.contains("Total DISK READ") && !s.contains("measuring"), WAIT);
            tmux.keys("h");
            String first = tmux.await(s -> s.contains("Keys (any key closes this help)"), WAIT);
            // What every column key does, the line about them going on under its start.
            assertThat(first).contains("hide or show a column: 1 ID, 2 PRIO, 3 USER, 4 READ,")
                    .containsPattern("(?m)^ {20}5 WRITE, 6 SWAPIN, 7 IO, 8 GRAPH, 9 COMMAND, k CGROUP,$")
                    .containsPattern("(?m)^ {20}l READ_CHARS, m WRITE_CHARS, x READ_SYSCALLS,$")
                    .containsPattern("(?m)^ {20}y WRITE_SYSCALLS$")
                    .containsPattern("lines 1-\\d+ of \\d+: up/down");
            tmux.keys("End");
            String end = tmux.await(s -> s.contains("Figures change only once per interval"), WAIT);
            Matcher where = Pattern.compile("lines \\d+-(\\d+) of (\\d+):").matcher(end);
            assertThat(where.find()).as(end).isTrue();
            assertThat(where.group(1)).as(end).isEqualTo(where.group(2));
            assertThat(end).contains("this help").doesNotContain("Keys (any key closes this help)");
            tmux.keys("q");
        }
    }

    @Test
    void resizingTheTerminalRedrawsToTheNewSize() throws Exception {
        // A minute between refreshes: the new size is drawn at once, not at the next refresh.
        try (Tmux tmux = new Tmux(120, 30, jiotop("-d 60"))) {
            tmux.await(s -> s.contains("Total DISK READ") && s.contains("sort:"), WAIT);
            tmux.resize(60, 12);
            String small = tmux.await(s -> s.startsWith("Total DISK READ") && s.lines().count() <= 12
                    && s.lines().allMatch(l -> l.length() <= 60) && s.contains("sort:"), WAIT);
            assertThat(small.lines().toList()).hasSizeLessThanOrEqualTo(12).allMatch(l -> l.length() <= 60);
            assertThat(small).contains("Total DISK READ").contains("keys:");
            tmux.resize(100, 20);
            String large = tmux.await(s -> s.lines().anyMatch(l -> l.length() > 60), WAIT);
            assertThat(large.lines().filter(l -> l.contains("TID") && l.contains("COMMAND"))).hasSize(1);
            tmux.keys("q");
        }
    }

    @Test
    void ioniceOfAnotherUsersProcessWithoutTheRightIsRefusedAndSaid() throws Exception {
        Capability.assume(Capability.SETUID, Capability.SETGID); // to start jiotop as nobody
        // A copy anyone can read, run as nobody with only CAP_NET_ADMIN (enough for taskstats).
        Path home = org.jiotop.testkit.Installed.copy(REPO, tmp, "world");
        IoPrio ioprio = new IoPrio();
        IoPriority before = ioprio.get(1);
        String asNobody = "setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=+net_admin"
                + " --ambient-caps=+net_admin -- " + home.resolve("jiotop") + " -d 0.5";
        try (Tmux tmux = new Tmux(140, 25, asNobody)) {
            tmux.await(s -> s.contains("Total DISK READ") && !s.contains("measuring"), WAIT);
            tmux.keys("i");
            tmux.await(s -> s.contains("TID to ionice:"), WAIT);
            tmux.keys("1", "Enter");
            tmux.await(s -> s.contains("I/O class for 1"), WAIT);
            tmux.keys("Enter");
            tmux.await(s -> s.contains("I/O priority level"), WAIT);
            tmux.keys("2", "Enter");
            String said = tmux.await(s -> s.contains("Error setting I/O priority"), WAIT);
            assertThat(said).contains("Error setting I/O priority: ioprio_set(1): Operation not permitted");
            tmux.keys("q");
        }
        assertThat(ioprio.get(1)).isEqualTo(before);
    }

    @Test
    void asNobodyTheLiveViewReadsProcIonicesItsOwnAndSaysCtrlTNeedsRoot() throws Exception {
        Capability.assume(Capability.SETUID, Capability.SETGID); // to start jiotop and a sleeper as nobody
        Path home = org.jiotop.testkit.Installed.copy(REPO, tmp, "world");
        IoPrio ioprio = new IoPrio();
        List<String> sleep = new java.util.ArrayList<>(Child.asNobody(""));
        sleep.addAll(List.of("sleep", "60"));
        try (Child own = Child.command(sleep.toArray(String[]::new));
             Tmux tmux = new Tmux(140, 25, "setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all -- "
                     + home.resolve("jiotop") + " -d 0.5")) {
            String screen = tmux.await(s -> s.contains("not root:") && !s.contains("measuring"), WAIT);
            assertThat(screen).containsPattern("not root: [1-9]\\d* of [1-9]\\d* processes not readable");
            // /proc has no swap-in delay: the column is not there, whatever kernel.task_delayacct says.
            assertThat(screen.lines().filter(l -> l.contains("TID") && l.contains("COMMAND")).toList())
                    .singleElement().asString().doesNotContain("SWAPIN");
            tmux.keys("C-t");
            assertThat(tmux.await(s -> s.contains("Cannot switch"), WAIT))
                    .contains("Cannot switch kernel.task_delayacct (root only): permission denied");
            // Root's HOME, which nobody may not write to: the reason, not the folder's path again.
            tmux.keys("W");
            assertThat(tmux.await(s -> s.contains("Cannot save"), WAIT))
                    .containsPattern("Cannot save settings to /\\S+/config: permission denied");
            tmux.keys("i");
            tmux.await(s -> s.contains("TID to ionice:"), WAIT);
            tmux.keys(Integer.toString(own.pid()), "Enter");
            tmux.await(s -> s.contains("I/O class for " + own.pid()), WAIT);
            tmux.keys("Enter");
            tmux.await(s -> s.contains("I/O priority level"), WAIT);
            tmux.keys("7", "Enter");
            long end = System.nanoTime() + WAIT.toNanos();
            while (!ioprio.get(own.pid()).equals(new IoPriority(IoPriority.CLASS_BE, 7)) && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertThat(ioprio.get(own.pid())).isEqualTo(new IoPriority(IoPriority.CLASS_BE, 7));
            tmux.keys("q");
        }
    }

    @Test
    void lostTerminalEndsJiotop() throws Exception {
        String marker = "--keep-exited=11";
        Tmux tmux = new Tmux(100, 25, jiotop("-d 0.5 " + marker));
        tmux.await(s -> s.contains("Total DISK READ"), WAIT);
        tmux.close(); // the terminal goes away: SIGHUP
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean alive = true;
        while (alive && System.nanoTime() < end) {
            Process p = new ProcessBuilder("pgrep", "-f", "^jiotop @/proc/self/fd/3 -d 0.5 " + marker).start();
            alive = p.waitFor() == 0;
            Thread.sleep(200);
        }
        assertThat(alive).as("jiotop still running after its terminal went").isFalse();
    }
}
