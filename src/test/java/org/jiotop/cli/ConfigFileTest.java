package org.jiotop.cli;

import org.jiotop.linux.ProcFs;
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

    @Test
    void aMissingFileIsNoSettingsAndAnUnreadableOneIsNamed() throws Exception {
        assertThat(new ConfigFile(config()).read()).isEmpty();
        assertThatThrownBy(() -> SmallFile.read(xdg.resolve("none/there"))).isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
}
