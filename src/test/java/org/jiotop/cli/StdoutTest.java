package org.jiotop.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Standard output writes UTF-8 whichever way text reaches it. */
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
}
