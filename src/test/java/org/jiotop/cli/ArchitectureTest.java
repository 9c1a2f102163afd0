package org.jiotop.cli;

import org.jiotop.linux.ProcFs;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** On an architecture whose system calls jiotop does not know, it makes none. */
class ArchitectureTest {
    private static MainTest.Result runOn(String osArch, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ProcFs.system(), Map.of(), Terminals.NONE, osArch);
        return new MainTest.Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anotherArchitectureIsRefusedWithOneLine() {
        MainTest.Result r = runOn("riscv64", "-b", "-n", "1");
        assertThat(r.status()).isEqualTo(Main.EXIT_CANNOT_RUN);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("jiotop: unsupported architecture: riscv64 (x86_64 and aarch64 are supported)"
                + System.lineSeparator());
    }

    @Test
    void helpAndVersionStillAnswer() {
        assertThat(runOn("riscv64", "--version").status()).isEqualTo(Main.EXIT_OK);
        assertThat(runOn("riscv64", "--help").status()).isEqualTo(Main.EXIT_OK);
    }

    @Test
    void supportedArchitecturesGoOnToTheKernel() {
        // -n 0 stops right after the checks made before the kernel is asked.
        assertThat(runOn("amd64", "-b", "-n", "0").err()).isEmpty();
        assertThat(runOn("aarch64", "-b", "-n", "0").err()).isEmpty();
    }
}
