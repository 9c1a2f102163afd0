package org.jiotop.cli;

import org.jiotop.deploy.Dashboard;
import org.jiotop.linux.Capability;
import org.jiotop.testkit.Child;
import org.jiotop.testkit.IoRecorder;
import org.jiotop.testkit.PrometheusServer;
import org.jiotop.testkit.TestCgroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * deploy/'s dashboard against a real Prometheus scraping two exporters on loopback (two instances
 * of one job) while a steady writer runs in a cgroup named like a Docker container: every query of
 * every panel, its variables filled in, returns data, and the container's write rate is what the
 * kernel counted for the writer, within 10 %, on both instances.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class DashboardEndToEndTest {
    private static final long RATE = 8L << 20;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern RESULT = Pattern.compile("\"metric\":\\{([^}]*)\\},\"value\":\\[([0-9.]+),\"([^\"]+)\"\\]");

    @TempDir
    Path tmp;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** An instant query's results: each series' labels (as Prometheus writes them) to [time, value]. */
    private static Map<String, double[]> query(int port, String query) throws Exception {
        String url = "http://127.0.0.1:" + port + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        Map<String, double[]> out = new HashMap<>();
        String body;
        try {
            body = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return out; // not listening yet
        }
        assertThat(body).as(query).doesNotContain("\"status\":\"error\"");
        Matcher m = RESULT.matcher(body);
        while (m.find()) {
            out.put(m.group(1), new double[]{Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
        }
        return out;
    }

    @Test
    void everyPanelHasDataAndTheContainersRateIsTheKernels() throws Exception {
        Capability.assume(Capability.NET_ADMIN, Capability.DAC_OVERRIDE);
        assumeTrue(Files.exists(TestCgroups.SYSTEMD.resolve("cgroup.procs")), "needs the v1 name=systemd hierarchy");
        String id = TestCgroups.randomContainerId();
        Dashboard dashboard = Dashboard.read();
        try (TestCgroups cgroups = new TestCgroups();
             Child writer = cgroups.writerInContainer("dashboard", id, RATE)) {
            int[] ports = {freePort(), freePort()};
            try (IoRecorder kernel = new IoRecorder(writer.pid());
                 ExporterProcess a = ExporterProcess.listening(tmp, "127.0.0.1:" + ports[0], "-d", "0.25",
                         "--export-by=command,user,unit,pod,container");
                 ExporterProcess b = ExporterProcess.listening(tmp, "127.0.0.1:" + ports[1], "-d", "0.25",
                         "--export-by=command,user,unit,pod,container")) {
                try (PrometheusServer prometheus = PrometheusServer.start(tmp, ports[0], ports[1])) {
                    check(dashboard, prometheus, id.substring(0, 12), kernel);
                }
            }
        }
    }

    private void check(Dashboard dashboard, PrometheusServer prometheus, String container, IoRecorder kernel)
            throws Exception {
        int promPort = prometheus.port();
        String series = "jiotop_write_bytes_total{container=\"" + container + "\"}";
        // Counters step every 0.25 s and are scraped every second: a 10 s window evens that out,
        // once Prometheus holds at least 12 scrapes of the series from each exporter.
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!(query(promPort, "count_over_time(" + series + "[15s])").size() == 2
                && query(promPort, "count_over_time(" + series + "[15s])").values().stream()
                .allMatch(v -> v[1] >= 12)) && System.nanoTime() < end) {
            Thread.sleep(500);
        }
        Thread.sleep(10_000);
        for (String q : dashboard.queries()) {
            String filled = Dashboard.substituted(q, "10s");
            assertThat(query(promPort, filled)).as("%s (log: %s)", filled, prometheus.logText()).isNotEmpty();
        }
        Map<String, double[]> rates = query(promPort, "sum by (instance) (rate(" + series + "[10s]))");
        assertThat(rates).hasSize(2);
        for (Map.Entry<String, double[]> r : rates.entrySet()) {
            double actual = kernel.writeRate(Instant.ofEpochMilli(Math.round(r.getValue()[0] * 1000)), 10);
            assertThat(r.getValue()[1]).as(r.getKey()).isCloseTo(actual, within(actual * 0.10));
        }
    }
}
