package org.jiotop.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request heads as clients send them: whole, in pieces, several at once, too large, malformed. */
class HeadReaderTest {
    /** Gives its bytes {@code step} at a time, as a slow client's reads come in. */
    private static InputStream trickle(String text, int step) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    @Test
    void aScrapeInAnyPiecesAndThenAnother() throws Exception {
        String two = "GET /metrics?name[]=a HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n"
                + "\r\nHEAD / HTTP/1.0\nConnection: keep-alive\n\n";
        for (int step : new int[]{1, 2, 3, 7, 1000}) {
            HeadReader reader = new HeadReader(trickle(two, step));
            int[] started = {0};
            RequestHead first = reader.next(() -> started[0]++);
            assertThat(first.method()).isEqualTo("GET");
            assertThat(first.path()).isEqualTo("/metrics");
            assertThat(first.query()).isEqualTo("name[]=a");
            assertThat(first.values("accept-encoding")).isEqualTo(List.of("gzip"));
            assertThat(first.keepAlive()).isTrue();
            RequestHead second = reader.next(() -> started[0]++);
            assertThat(second.method()).isEqualTo("HEAD");
            assertThat(second.http10()).isTrue();
            assertThat(second.keepAlive()).isTrue();
            assertThat(reader.next(() -> started[0]++)).isNull();
            assertThat(started[0]).as("step %d", step).isEqualTo(2);
        }
    }

    @Test
    void aHeadThatDoesNotFitIs431WithoutReadingTheRest() {
        InputStream endless = new InputStream() {
            private long given;

            @Override
            public int read() {
                given++;
                return given < 20 ? "GET / HTTP/1.1\r\nX: ".charAt((int) given - 1) : 'a';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                assertThat(given).isLessThan(2L * Limits.HEAD_BYTES);
                for (int i = 0; i < len; i++) {
                    b[off + i] = (byte) read();
                }
                return len;
            }
        };
        assertThatThrownBy(() -> new HeadReader(endless).next(() -> {
        })).isInstanceOf(HttpError.class).extracting(e -> ((HttpError) e).status()).isEqualTo(431);
    }

    @Test
    void malformedHeadsAre400() {
        for (String head : new String[]{"GET /\r\n\r\n", "GET / HTTP/2.0\r\n\r\n", "GET metrics HTTP/1.1\r\n\r\n",
                "GET / HTTP/1.1\r\nNo colon\r\n\r\n", "GET / HTTP/1.1\r\n folded: x\r\n\r\n",
                "GET / HTTP/1.1\r\nBad name: x\r\n\r\n", "G(T / HTTP/1.1\r\n\r\n"}) {
            assertThatThrownBy(() -> new HeadReader(trickle(head, 100)).next(() -> {
            })).as(head).isInstanceOf(HttpError.class).extracting(e -> ((HttpError) e).status()).isEqualTo(400);
        }
    }

    @Test
    void bodiesAndConnectionHeaders() throws IOException, HttpError {
        RequestHead h = new HeadReader(trickle("POST http://h:1/metrics HTTP/1.1\r\nContent-Length: 5\r\n"
                + "Connection: close\r\n\r\n", 100)).next(() -> {
        });
        assertThat(h.path()).isEqualTo("/metrics");
        assertThat(h.hasBody()).isTrue();
        assertThat(h.keepAlive()).isFalse();
    }

    @Test
    void aClientThatClosesBeforeItsRequestEndsGivesNoHead() throws Exception {
        assertThat(new HeadReader(trickle("", 1)).next(() -> {
        })).isNull();
        assertThat(new HeadReader(trickle("GET / HTTP/1.1\r\nHost:", 3)).next(() -> {
        })).isNull();
    }
}
