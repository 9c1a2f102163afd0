package org.jiotop.http;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server's answers to plain requests, as raw bytes on a socket (no root needed). */
class MetricsServerTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private MetricsServer server;

    private MetricsServer start(BasicAuth auth) throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        Counter.builder().name("jiotop_test").labelNames("n").register(registry).labelValues("a").inc(3);
        server = MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), null, auth, registry,
                new Warnings(new PrintStream(err, true, StandardCharsets.UTF_8)));
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Sends {@code requests} at once and reads until the server closes the connection. */
    private String exchange(String requests) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(requests.getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static int contentLength(String response) {
        Matcher m = Pattern.compile("(?i)Content-Length: (\\d+)").matcher(response);
        assertThat(m.find()).as(response).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void pipelinedGetAndHeadOnOneConnection() throws IOException {
        start(null);
        String both = exchange("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"
                + "HEAD /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        int second = both.indexOf("HTTP/1.1 200", 1);
        String get = both.substring(0, second);
        String head = both.substring(second);
        assertThat(get).startsWith("HTTP/1.1 200 OK\r\n").contains("jiotop_test_total{n=\"a\"} 3.0");
        assertThat(get.substring(get.indexOf("\r\n\r\n") + 4)).hasSize(contentLength(get));
        // HEAD: the length GET would have, no body, and the connection closed as asked.
        assertThat(contentLength(head)).isEqualTo(contentLength(get));
        assertThat(head).endsWith("\r\n\r\n").contains("Connection: close\r\n");
    }

    @Test
    void otherPathsMethodsAndBodies() throws IOException {
        start(null);
        assertThat(exchange("GET /nothing HTTP/1.1\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 404 ");
        assertThat(exchange("GET /-/healthy HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.1 200 ")
                .endsWith("Exporter is healthy.\n");
        assertThat(exchange("DELETE /metrics HTTP/1.1\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 405 ")
                .contains("Allow: GET, HEAD\r\n");
        assertThat(exchange("GET /metrics HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc")).startsWith("HTTP/1.1 400 ")
                .contains("Connection: close\r\n");
        assertThat(exchange("GET /metrics HTTP/1.1\r\nBad header\r\n\r\n")).startsWith("HTTP/1.1 400 ");
    }

    @Test
    void basicAuthGuardsEveryPath() throws IOException {
        start(new BasicAuth("scraper", "s3cret"));
        for (String path : new String[]{"/metrics", "/", "/-/healthy", "/nothing"}) {
            assertThat(exchange("GET " + path + " HTTP/1.1\r\nConnection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 401 ").contains("WWW-Authenticate: Basic realm=\"jiotop\"");
        }
        String right = Base64.getEncoder().encodeToString("scraper:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(exchange("GET /metrics HTTP/1.1\r\nAuthorization: Basic " + right
                + "\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200 ");
    }

    @Test
    void aScrapeThatRunsOutOfMemoryOrFailsGetsAnErrorAndTheNextOneWorks() throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        int[] scrapes = {0};
        Counter c = Counter.builder().name("jiotop_test").build();
        registry.register(() -> {
            switch (++scrapes[0]) {
                case 1 -> throw new OutOfMemoryError("Java heap space");
                case 2 -> throw new IllegalStateException("odd");
                default -> {
                    return c.collect();
                }
            }
        });
        server = MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), null, null, registry,
                new Warnings(new PrintStream(err, true, StandardCharsets.UTF_8)));
        String get = "GET /metrics HTTP/1.1\r\nConnection: close\r\n\r\n";
        assertThat(exchange(get)).startsWith("HTTP/1.1 503 ");
        assertThat(exchange(get)).startsWith("HTTP/1.1 500 ");
        assertThat(exchange(get)).startsWith("HTTP/1.1 200 ").contains("jiotop_test_total 0.0");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "jiotop: --serve: a scrape ran out of memory: OutOfMemoryError: Java heap space\n"
                        + "jiotop: --serve: a scrape failed: IllegalStateException: odd\n");
    }

    @Test
    void anAddressThatCannotBeHadSaysWhy() throws IOException {
        start(null);
        PrometheusRegistry registry = new PrometheusRegistry();
        Warnings warnings = new Warnings(new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThatThrownBy(() -> MetricsServer.start(new InetSocketAddress("127.0.0.1", server.port()), null, null,
                registry, warnings)).isInstanceOf(java.net.BindException.class);
        assertThatThrownBy(() -> MetricsServer.start(InetSocketAddress.createUnresolved("nohost.invalid", 9123),
                null, null, registry, warnings)).hasMessage("no such host: nohost.invalid");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
