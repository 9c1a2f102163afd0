package org.jiotop.cli;

import org.jiotop.linux.ProcFs;
import org.jiotop.view.LiveState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The saved settings against files that are not what they seem. */
class ConfigFileTest {
    private static final String SECRET = "root:$6$secret-hash:19000:0:99999:7:::";

    @TempDir
    Path xdg;

    private Path config() throws IOException {
        return Files.createDirectories(xdg.resolve("jiotop")).resolve("config");
    }

    private String runWithConfig() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[]{"-b", "--use-config", "-n", "0"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), ProcFs.system(),
                Map.of("XDG_CONFIG_HOME", xdg.toString()), Terminals.NONE);
        return status + " " + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLinkToASecretFileIsNeverEchoed() throws Exception {
        Path secret = Files.writeString(xdg.resolve("shadow"), SECRET + "\n");
        Files.createSymbolicLink(config(), secret);
        String result = runWithConfig();
        assertThat(result).startsWith("2 jiotop: ").doesNotContain("secret").doesNotContain("root:");
        assertThat(result.lines()).hasSize(1);
    }

    @Test
    @Timeout(10)
    void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = config();
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThat(runWithConfig()).isEqualTo("0 jiotop: ignoring " + fifo + ": not a regular file\n");
    }

    @Test
    @Timeout(10)
    void devZeroAndHugeFilesAreRefused() throws Exception {
        Files.createSymbolicLink(config(), Path.of("/dev/zero"));
        assertThat(runWithConfig()).isEqualTo("0 jiotop: ignoring " + config() + ": not a regular file\n");
        Files.delete(config());
        try (RandomAccessFile big = new RandomAccessFile(config().toFile(), "rw")) {
            big.setLength(100L << 20);
        }
        assertThat(runWithConfig()).isEqualTo("0 jiotop: ignoring " + config() + ": larger than 64 KiB\n");
    }

    @Test
    void savingNeverFollowsAPlantedLink() throws Exception {
        Path victim = Files.writeString(xdg.resolve("victim"), "precious\n");
        Files.createSymbolicLink(config().resolveSibling("config.tmp"), victim);
        Path target = Files.writeString(xdg.resolve("old-target"), "--only\n");
        Files.createSymbolicLink(config(), target);
        new ConfigFile(config()).write(List.of("--delay=2.0"));
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
        assertThat(Files.readString(target)).as("the link is replaced, not written through").isEqualTo("--only\n");
        assertThat(Files.isSymbolicLink(config())).isFalse();
        assertThat(new ConfigFile(config()).read()).containsExactly("--delay=2.0");
        try (var left = Files.list(config().getParent())) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("config", "config.tmp");
        }
    }

    /** What W saves, read back by the next live view, gives the settings the view had. */
    private void roundTrip(Options started, java.util.function.Consumer<LiveState> keys) throws Exception {
        LiveState state = LiveSettings.state(started, Map.of());
        keys.accept(state);
        Options saved = LiveSettings.saved(started, state);
        ConfigFile file = new ConfigFile(config());
        file.write(ConfigFile.lines(saved));
        Options read = OptionParser.parse(file.read(), new String[0]);
        for (Option o : Option.values()) {
            if (o.spec.saved) {
                assertThat(read.get(o)).as("--" + o.spec.longName + " in " + file.read()).isEqualTo(saved.get(o));
            }
        }
        LiveState again = LiveSettings.state(read, Map.of());
        assertThat(again.sortKey()).isEqualTo(state.sortKey());
        assertThat(again.descending()).as("order").isEqualTo(state.descending());
        assertThat(again.only()).as("only").isEqualTo(state.only());
        assertThat(again.processes()).as("processes").isEqualTo(state.processes());
        assertThat(again.figures()).isEqualTo(state.figures());
        assertThat(again.fullCommand()).as("full command").isEqualTo(state.fullCommand());
        assertThat(again.hidden()).isEqualTo(state.hidden());
        assertThat(again.color()).as("colour").isEqualTo(state.color());
        assertThat(again.ascii()).as("ascii").isEqualTo(state.ascii());
        assertThat(again.keyHelp()).as("key help").isEqualTo(state.keyHelp());
        assertThat(again.devices()).as("device panel").isEqualTo(state.devices());
        assertThat(again.graphSource()).as("graph source").isEqualTo(state.graphSource());
        assertThat(again.search() == null ? null : again.search().pattern())
                .isEqualTo(state.search() == null ? null : state.search().pattern());
        assertThat(Main.sizeStyle(read)).isEqualTo(Main.sizeStyle(started));
        assertThat(read.delaySeconds()).isEqualTo(started.delaySeconds());
    }

    @Test
    void whatTheLiveViewSavesIsReadBackAsItWas() throws Exception {
        roundTrip(Options.defaults(), s -> { });
        assertThat(new ConfigFile(config()).read()).as("defaults need no line").isEmpty();
        roundTrip(OptionParser.parse("-d", "0.25", "-k", "--si", "--threshold=7", "-o", "-P", "-a", "-c",
                "-1", "-2", "-3", "-4", "-5", "-6", "-7", "-9", "--sort=command", "--reverse", "--no-color", "--ascii",
                "--no-help", "--filter=a b|^c=d#"), s -> { });
        roundTrip(OptionParser.parse("-A", "-d", "86400", "--sort=tid"), LiveState::reverse);
        roundTrip(OptionParser.parse("-o"), s -> s.showDevices(true));
        assertThat(new ConfigFile(config()).read()).contains("--devices");
        roundTrip(OptionParser.parse("--devices"), s -> s.showDevices(false));
        assertThat(new ConfigFile(config()).read()).doesNotContain("--devices");
        // Columns hidden until asked for (x, y, l, m, k) and the graph source (s) have their options.
        roundTrip(Options.defaults(), s -> s.show(java.util.Set.of(org.jiotop.output.Column.READ_SYSCALLS,
                org.jiotop.output.Column.CGROUP)).graphSource(org.jiotop.model.GraphSource.WRITE));
        assertThat(new ConfigFile(config()).read()).containsExactly("--show=cgroup,read_syscalls",
                "--graph-source=write");
        roundTrip(OptionParser.parse("--show=write_chars", "--graph-source=read"),
                s -> org.jiotop.view.KeyHandler.handle(s,
                        new org.jiotop.view.Key(org.jiotop.view.Key.Kind.CHAR, 'm'), 10, 0));
        assertThat(new ConfigFile(config()).read()).containsExactly("--graph-source=read");
        // Everything a key can change, changed (colours are no key's: they stay as the options say).
        roundTrip(OptionParser.parse("-3"), s -> s.configure(org.jiotop.model.SortKey.WRITE, true, org.jiotop.model.GroupKind.CONTAINER,
                org.jiotop.model.ReportSettings.Figures.ACCUMULATED, true, java.util.Set.of(org.jiotop.output.Column.SWAPIN), true, true, false,
                java.util.regex.Pattern.compile(" spaced ")));
    }

    @Test
    void noColorInTheEnvironmentIsNotSavedAsAnOption() throws Exception {
        Options o = OptionParser.parse("-o");
        LiveState state = LiveSettings.state(o, Map.of("NO_COLOR", "1"));
        assertThat(state.color()).isFalse();
        assertThat(ConfigFile.lines(LiveSettings.saved(o, state))).containsExactly("--only");
        Options given = OptionParser.parse("--no-color");
        assertThat(ConfigFile.lines(LiveSettings.saved(given, LiveSettings.state(given, Map.of()))))
                .containsExactly("--no-color");
    }

    @Test
    void aFilterWithALineBreakIsLeftOutSoTheFileStillReads() throws Exception {
        Options o = OptionParser.parse("-o", "--filter=a\nb");
        LiveState state = LiveSettings.state(o, Map.of());
        assertThat(LiveSettings.savableFilter(state)).isFalse();
        ConfigFile file = new ConfigFile(config());
        file.write(ConfigFile.lines(LiveSettings.saved(o, state)));
        assertThat(file.read()).containsExactly("--only");
        assertThat(OptionParser.parse(file.read(), new String[0]).is(Option.ONLY)).isTrue();
    }

    @Test
    void theSavedFileHasOneOptionALineByItsLongName() throws Exception {
        Options o = OptionParser.parse("-d", "2", "-k", "-6", "--sort=write");
        assertThat(ConfigFile.lines(LiveSettings.saved(o, LiveSettings.state(o, Map.of()))))
                .containsExactly("--delay=2.0", "--kilobytes", "--hide-swapin", "--sort=write");
    }

    @Test
    void aListTheCommandLineGivesReplacesTheFilesAndBatchTextLeavesOutTheLiveViewsColumns() throws Exception {
        List<String> saved = List.of("--show=cgroup,read_syscalls", "-q");
        assertThat(OptionParser.parse(saved, new String[]{"--show=write_chars"}).shown())
                .containsExactly(org.jiotop.output.Column.WRITE_CHARS);
        assertThat(OptionParser.parse(saved, new String[0]).shown())
                .containsExactly(org.jiotop.output.Column.CGROUP, org.jiotop.output.Column.READ_SYSCALLS);
        // The file's live-only column does not stop batch output that uses the live view's settings.
        Options batch = OptionParser.parse(saved, new String[]{"-b", "--use-config", "-qq"});
        assertThat(batch.quiet()).as("-qq replaces the file's -q").isEqualTo(2);
        assertThat(batch.shown()).contains(org.jiotop.output.Column.READ_SYSCALLS);
    }

    @Test
    void aMissingFileIsNoSettingsAndAnUnreadableOneIsNamed() throws Exception {
        assertThat(new ConfigFile(config()).read()).isEmpty();
        assertThatThrownBy(() -> SmallFile.read(xdg.resolve("none/there"))).isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
}
