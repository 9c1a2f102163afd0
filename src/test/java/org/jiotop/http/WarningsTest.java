package org.jiotop.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WarningsTest {
    @Test
    void oneLinePerKindAndMinuteWithTheCountOfTheQuietOnes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long[] now = {0};
        Warnings warnings = new Warnings(new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> now[0]);
        for (int i = 0; i < 283; i++) {
            warnings.warn("--serve: a client went away mid-response", "127.0.0.1:" + i + ": Broken pipe");
            now[0] += Warnings.INTERVAL_NANOS / 100;
        }
        warnings.warn("--serve: a scrape failed", "IllegalStateException: x");
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "jiotop: --serve: a client went away mid-response: 127.0.0.1:0: Broken pipe",
                "jiotop: --serve: a client went away mid-response: 127.0.0.1:100: Broken pipe (99 more since the last such line)",
                "jiotop: --serve: a client went away mid-response: 127.0.0.1:200: Broken pipe (99 more since the last such line)",
                "jiotop: --serve: a scrape failed: IllegalStateException: x");
    }

    @Test
    void aThrowableIsOneLine() {
        assertThat(Warnings.oneLine(new java.io.IOException("Broken pipe\n\tat x"))).isEqualTo("IOException: Broken pipe");
        assertThat(Warnings.oneLine(new OutOfMemoryError())).isEqualTo("OutOfMemoryError");
    }
}
