package org.jiotop.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Standard output writes UTF-8 whichever way text reaches it, and a reader that goes away ends it quietly. */
class StdoutTest {
    @Test
    void textIsWrittenAsUtf8InOrder() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Stdout out = Stdout.to(bytes);
        String text = "dd if=/dev/zero zażółć 名前 \uD83D\uDE00";
        out.append(text).append('\n');
        out.print('é');
        out.print('x');
        out.println("end");
        out.printf("%s|", "ü");
        out.print((String) null);
        assertThat(out.finish(Main.EXIT_OK, System.err)).isEqualTo(Main.EXIT_OK);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo(text + "\n" + "éxend" + System.lineSeparator() + "ü|null");
    }

    /**
     * The JDK words EPIPE as the C library does, in the user's language: in German it is not
     * "Broken pipe", and {@code jiotop -b | head -1} must still end quietly with status 0.
     */
    @Test
    void aClosedPipeIsANormalEndInAnyLanguage() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), BrokenPipeProbe.class.getName());
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().put("LANGUAGE", "de");
        Process p = pb.start();
        p.getInputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(err).isEmpty();
        assertThat(p.exitValue()).isEqualTo(Main.EXIT_OK);
    }
}
