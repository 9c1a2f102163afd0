package org.jiotop.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jiotop.linux.Capability;
import org.jiotop.testkit.Child;
import org.jiotop.testkit.IoRecorder;
import org.jiotop.testkit.PrometheusServer;
import org.jiotop.testkit.SteadyWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * JSON, CSV and the Prometheus exporter against the real kernel, promtool and a real Prometheus
 * server (Debian package "prometheus", installed by .ci/run), all on loopback.
 */
class ExportEndToEndTest {
    private static final long RATE = 8L << 20;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;
    private Path scratch;

    @BeforeEach
    void root() throws IOException {
        Capability.assume(Capability.NET_ADMIN);
        scratch = Files.createDirectories(Path.of("target", "e2e-scratch")).toAbsolutePath();
    }

    /** A steady writer whose process is called "jwriter" (a link to java: comm is the link's name). */
    private Child jwriter(String file) throws IOException {
        Path link = tmp.resolve("jwriter");
        if (!Files.exists(link)) {
            Files.createSymbolicLink(link, Path.of(ProcessHandle.current().info().command().orElseThrow()));
        }
        return Child.command(link.toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                SteadyWriter.class.getName(), scratch.resolve(file).toString(), Long.toString(RATE));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * An exporter that runs until {@link #stop}: a fixed number of refreshes could run out before
     * a slow machine has answered all of a test's requests.
     */
    private static Background<MainTest.Result> serve(int port, String... options) {
        List<String> args = new ArrayList<>(List.of("--serve", "127.0.0.1:" + port));
        args.addAll(List.of(options));
        return Background.run(() -> MainTest.run(args.toArray(String[]::new)));
    }

    private static void stop(Background<MainTest.Result> exporter) {
        exporter.cancel(true);
        exporter.join();
    }

    private static HttpResponse<String> awaitMetrics(int port, String contains) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        HttpResponse<String> r = null;
        while (System.nanoTime() < end) {
            try {
                r = get("http://127.0.0.1:" + port + "/metrics");
                if (r.statusCode() == 200 && r.body().contains(contains)) {
                    return r;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + contains + " in " + (r == null ? "(no answer)" : r.body()));
    }

    @Test
    void jsonAndCsvCarryTheFiguresOfAKnownWriter() throws Exception {
        try (Child writer = jwriter("json"); IoRecorder kernel = new IoRecorder(writer.pid())) {
            String tid = writer.readLine().substring("ready ".length());
            String json = MainTest.run("-b", "--format=json", "-p", tid, "-n", "2", "-d", "1").out();
            List<String> lines = json.lines().toList();
            assertThat(lines).hasSize(2);
            for (String line : lines) {
                double rate = -1;
                double interval = -1;
                Instant end = null;
                try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), line)) {
                    for (JsonToken t; (t = p.nextToken()) != null; ) {
                        if (t != JsonToken.PROPERTY_NAME) {
                            continue;
                        }
                        boolean inRow = p.streamReadContext().getParent().inArray();
                        String name = p.currentName();
                        p.nextToken();
                        switch (name) {
                            case "write_bytes_per_second" -> rate = inRow ? p.getDoubleValue() : rate;
                            case "interval_seconds" -> interval = p.getDoubleValue();
                            case "time" -> end = Instant.parse(p.getString());
                            default -> {
                            }
                        }
                    }
                }
                double actual = kernel.writeRate(end, interval);
                assertThat(rate).as(line).isCloseTo(actual, within(actual * 0.05));
            }
            String csv = MainTest.run("-b", "--format=csv", "-p", tid, "-n", "2", "-d", "1").out();
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv))
                    .getRecords();
            assertThat(records).hasSize(2);
            for (CSVRecord r : records) {
                assertThat(r.get("id")).isEqualTo(tid);
                double actual = kernel.writeRate(
                        Instant.ofEpochMilli(new BigDecimal(r.get("timestamp")).movePointRight(3).longValueExact()),
                        Double.parseDouble(r.get("interval_seconds")));
                assertThat(Double.parseDouble(r.get("write_bytes_per_second"))).as(csv)
                        .isCloseTo(actual, within(actual * 0.05));
            }
        }
    }

    @Test
    void metricsPassPromtoolInBothFormats() throws Exception {
        int port = freePort();
        try (Child writer = jwriter("promtool")) {
            writer.readLine();
            CompletableFuture<MainTest.Result> exporter = Background.run(
                    () -> MainTest.run("--serve", "127.0.0.1:" + port, "-d", "0.5", "-n", "20"));
            HttpResponse<String> text = awaitMetrics(port, "command=\"jwriter\"");
            assertThat(text.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(text.body()).contains("# TYPE jiotop_write_bytes_total counter")
                    .contains("# HELP jiotop_write_bytes_total").containsPattern(
                            "jiotop_write_bytes_total\\{command=\"jwriter\",user=\"root\"\\} [0-9.eE+]+");
            Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
            promtool.getOutputStream().write(text.body().getBytes(StandardCharsets.UTF_8));
            promtool.getOutputStream().close();
            String said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(promtool.waitFor()).as(said).isZero();
            HttpResponse<String> open = get("http://127.0.0.1:" + port + "/metrics", "Accept",
                    "application/openmetrics-text; version=1.0.0; charset=utf-8");
            assertThat(open.headers().firstValue("Content-Type").orElse("")).startsWith("application/openmetrics-text");
            assertThat(open.body()).endsWith("# EOF\n");
            assertThat(exporter.get().status()).isZero();
        }
    }

    @Test
    void countersNeverGoBackWhenProcessesOfAGroupExit() throws Exception {
        int port = freePort();
        Background<MainTest.Result> exporter = serve(port, "-d", "0.3");
        try {
            countersOfTheDdGroupNeverGoBack(port);
        } finally {
            stop(exporter);
        }
    }

    private void countersOfTheDdGroupNeverGoBack(int port) throws Exception {
        awaitMetrics(port, "jiotop_lost_exit_reports_total");
        String file = scratch.resolve("dd-group").toString();
        Process loop = new ProcessBuilder("bash", "-c", "for i in $(seq 10); do dd if=/dev/zero of=" + file
                + " bs=1M count=4 oflag=direct status=none; sleep 0.2; done").inheritIO().start();
        List<Double> seen = new ArrayList<>();
        Pattern dd = Pattern.compile("(?m)^jiotop_write_bytes_total\\{command=\"dd\",user=\"root\"\\} (\\S+)$");
        while (loop.isAlive() || seen.size() < 3) {
            Matcher m = dd.matcher(get("http://127.0.0.1:" + port + "/metrics").body());
            if (m.find()) {
                seen.add(Double.parseDouble(m.group(1)));
            }
            Thread.sleep(150);
        }
        // The last dd's exit is counted at the exporter's next refresh or so: a slow machine gets 10 s.
        double written = 10 * (4 << 20);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            Thread.sleep(300);
            Matcher last = dd.matcher(get("http://127.0.0.1:" + port + "/metrics").body());
            assertThat(last.find()).isTrue();
            seen.add(Double.parseDouble(last.group(1)));
        } while (seen.getLast() < 0.99 * written && System.nanoTime() < end);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i)).as("scrape %d of %s", i, seen).isGreaterThanOrEqualTo(seen.get(i - 1));
        }
        assertThat(seen.getLast()).isGreaterThanOrEqualTo(0.99 * written);
    }

    @Test
    void basicAuthKeepsOthersOut() throws Exception {
        int port = freePort();
        Path password = Files.writeString(tmp.resolve("password"), "s3cret\n");
        Background<MainTest.Result> exporter = serve(port, "--serve-auth=scraper:" + password, "-d", "0.3");
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            HttpResponse<String> anonymous = null;
            while (System.nanoTime() < end) {
                try {
                    anonymous = get("http://127.0.0.1:" + port + "/metrics");
                    break;
                } catch (IOException e) {
                    Thread.sleep(100);
                }
            }
            assertThat(anonymous).isNotNull();
            assertThat(anonymous.statusCode()).isEqualTo(401);
            String wrong = Base64.getEncoder().encodeToString("scraper:guess".getBytes(StandardCharsets.UTF_8));
            assertThat(get("http://127.0.0.1:" + port + "/metrics", "Authorization", "Basic " + wrong).statusCode())
                    .isEqualTo(401);
            String right = Base64.getEncoder().encodeToString("scraper:s3cret".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> ok = get("http://127.0.0.1:" + port + "/metrics", "Authorization", "Basic " + right);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("jiotop_lost_exit_reports_total");
        } finally {
            stop(exporter);
        }
    }

    @Test
    void realPrometheusMeasuresTheWritersRate() throws Exception {
        int port = freePort();
        try (Child writer = jwriter("prometheus"); IoRecorder kernel = new IoRecorder(writer.pid())) {
            writer.readLine();
            Background<MainTest.Result> exporter = serve(port, "-d", "0.25");
            try {
                measureWithPrometheus(port, kernel);
            } finally {
                stop(exporter);
            }
        }
    }

    private void measureWithPrometheus(int port, IoRecorder kernel) throws Exception {
        awaitMetrics(port, "command=\"jwriter\"");
        try (PrometheusServer prometheus = PrometheusServer.start(tmp, port)) {
            int promPort = prometheus.port();
            // Counters step every 0.25 s and are scraped every second: a 10 s window evens that
            // out, once Prometheus holds at least 12 scrapes of the series.
            String series = "jiotop_write_bytes_total{command=\"jwriter\"}";
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(queryValue(promPort, "count_over_time(" + series + "[15s])") >= 12)
                    && System.nanoTime() < end) {
                Thread.sleep(500);
            }
            // Compared with what the kernel counted over the same 10 s before the query's time.
            Thread.sleep(10_000);
            String query = "sum(rate(" + series + "[10s]))";
            double[] answer = query(promPort, query);
            double actual = kernel.writeRate(Instant.ofEpochMilli(Math.round(answer[0] * 1000)), 10);
            assertThat(answer[1]).as("%s (log: %s)", query, prometheus.logText())
                    .isCloseTo(actual, within(actual * 0.10));
        }
    }

    /** The value of an instant PromQL query with one result, NaN when it has none (or no server yet). */
    private static double queryValue(int port, String query) throws Exception {
        return query(port, query)[1];
    }

    /** An instant PromQL query with one result: its evaluation time (Unix seconds) and value, or NaNs. */
    private static double[] query(int port, String query) throws Exception {
        String url = "http://127.0.0.1:" + port + "/api/v1/query?query="
                + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8);
        String body;
        try {
            body = get(url).body();
        } catch (IOException e) {
            return new double[]{Double.NaN, Double.NaN};
        }
        Matcher m = Pattern.compile("\"value\":\\[([0-9.]+),\"([^\"]+)\"\\]").matcher(body);
        return m.find() ? new double[]{Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))}
                : new double[]{Double.NaN, Double.NaN};
    }

    @Test
    void tlsServesMetricsOverHttps() throws Exception {
        int port = freePort();
        Path store = tmp.resolve("jiotop.p12");
        Path password = Files.writeString(tmp.resolve("store-password"), "changeit\n");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process gen = new ProcessBuilder(keytool, "-genkeypair", "-alias", "jiotop", "-keyalg", "EC", "-storetype",
                "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=IP:127.0.0.1",
                "-validity", "2").redirectErrorStream(true).start();
        assertThat(gen.waitFor()).as(new String(gen.getInputStream().readAllBytes())).isZero();
        CompletableFuture<MainTest.Result> exporter = Background.run(
                () -> MainTest.run("--serve", "127.0.0.1:" + port, "--serve-tls=" + store + ":" + password, "-d",
                        "0.3", "-n", "30"));
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            trust.load(in, "changeit".toCharArray());
        }
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().sslContext(ssl).build();
        HttpResponse<String> r = null;
        IOException last = null;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (r == null && System.nanoTime() < end) {
            try {
                r = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        assertThat(r).as("%s", last).isNotNull();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("jiotop_lost_exit_reports_total");
        assertThat(exporter.get().err()).contains("serving metrics on https://127.0.0.1:" + port + "/metrics");
    }

    @Test
    void hostileProcessNameIsEscapedInMetricsJsonAndCsv() throws Exception {
        String script = "import os,time\n"
                + "open('/proc/self/comm','wb').write(b'\\x1b[31mEV\\x01\\xff')\n"
                + "print('ready', flush=True)\n"
                + "f=os.open('" + scratch.resolve("hostile") + "', os.O_WRONLY|os.O_CREAT)\n"
                + "while True:\n"
                + "    os.write(f, b'x'*1048576); os.fsync(f); time.sleep(0.1)\n";
        try (Child evil = Child.command("python3", "-c", script)) {
            assertThat(evil.readLine()).isEqualTo("ready");
            String pid = Integer.toString(evil.pid());
            String json = MainTest.run("-b", "-P", "--format=json", "-p", pid, "-n", "1", "-d", "0.5").out();
            assertThat(json).contains("\\\\x1b[31mEV\\\\x01\\\\xff").doesNotContain("\u001b");
            String csv = MainTest.run("-b", "-P", "--format=csv", "-p", pid, "-n", "1", "-d", "0.5").out();
            assertThat(csv).doesNotContain("\u001b").contains("python3");
            int port = freePort();
            Background<MainTest.Result> exporter = serve(port, "-d", "0.3");
            try {
                HttpResponse<String> metrics = awaitMetrics(port, "EV");
                assertThat(metrics.body()).doesNotContain("\u001b")
                        .contains("command=\"\\\\x1b[31mEV\\\\x01\\\\xff\"");
            } finally {
                stop(exporter);
            }
        }
    }
}
