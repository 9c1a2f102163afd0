package org.jiotop.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        assertClosedPipeEndsQuietly(Map.of("LC_ALL", "C.UTF-8", "LANGUAGE", "de"));
    }

    /** In a locale whose charset is not UTF-8 the translated text comes in that charset. */
    @Test
    void aClosedPipeIsANormalEndInALatin1Locale(@TempDir Path locales) throws Exception {
        Process def = new ProcessBuilder("localedef", "-i", "de_DE", "-f", "ISO-8859-1",
                locales.resolve("de_DE").toString()).redirectErrorStream(true).start();
        def.getInputStream().transferTo(OutputStream.nullOutputStream());
        assumeTrue(def.waitFor(60, TimeUnit.SECONDS) && Files.isDirectory(locales.resolve("de_DE")),
                "needs localedef and the de_DE locale source");
        assertClosedPipeEndsQuietly(Map.of("LOCPATH", locales.toString(), "LC_ALL", "de_DE"));
    }

    private static void assertClosedPipeEndsQuietly(Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), BrokenPipeProbe.class.getName());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getInputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(err).isEmpty();
        assertThat(p.exitValue()).isEqualTo(Main.EXIT_OK);
    }
}
