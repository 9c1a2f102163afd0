package org.jiotop.cli;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import org.jiotop.linux.Capability;
import org.jiotop.testkit.Child;
import org.jiotop.testkit.IoRecorder;
import org.jiotop.testkit.SteadyWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code --otlp}: a loopback receiver decodes each push with the official OTLP protobuf classes
 * and finds the writer's bytes as the kernel counted them; a receiver that fails, is not there or
 * never answers holds up no sample and costs one line on stderr, not one per interval.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OtlpEndToEndTest {
    private static final long RATE = 8L << 20;
    private static final String NAME = "jotlp";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One point of the writer's written bytes: when it was collected, and the count. */
    private record Point(long timeNanos, long bytes) {
    }

    @TempDir
    Path tmp;

    /** A steady writer whose process is called {@link #NAME} (a link to java: comm is the link's name). */
    private Child writer() throws IOException {
        Capability.assume(Capability.NET_ADMIN);
        Path scratch = Files.createDirectories(Path.of("target", "e2e-scratch")).toAbsolutePath();
        Path link = tmp.resolve(NAME);
        Files.createSymbolicLink(link, Path.of(ProcessHandle.current().info().command().orElseThrow()));
        Child w = Child.command(link.toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                SteadyWriter.class.getName(), scratch.resolve("otlp-" + ProcessHandle.current().pid()).toString(),
                Long.toString(RATE));
        w.readLine();
        return w;
    }

    private static String attribute(List<KeyValue> attributes, String key) {
        return attributes.stream().filter(a -> a.getKey().equals(key)).map(a -> a.getValue().getStringValue())
                .findFirst().orElse(null);
    }

    /** The writer's written bytes in one push, or null when the push has none. */
    private static Point written(ExportMetricsServiceRequest push) {
        for (ResourceMetrics r : push.getResourceMetricsList()) {
            assertThat(attribute(r.getResource().getAttributesList(), "service.name")).isEqualTo("jiotop");
            assertThat(attribute(r.getResource().getAttributesList(), "host.name")).isNotBlank();
            for (ScopeMetrics s : r.getScopeMetricsList()) {
                for (Metric m : s.getMetricsList()) {
                    if (!m.getName().equals("process.disk.io")) {
                        continue;
                    }
                    assertThat(m.getUnit()).isEqualTo("By");
                    assertThat(m.getSum().getIsMonotonic()).isTrue();
                    for (NumberDataPoint p : m.getSum().getDataPointsList()) {
                        if (NAME.equals(attribute(p.getAttributesList(), "process.executable.name"))
                                && "write".equals(attribute(p.getAttributesList(), "disk.io.direction"))) {
                            return new Point(p.getTimeUnixNano(), p.getAsInt());
                        }
                    }
                }
            }
        }
        return null;
    }

    private static long counted(ExporterProcess exporter) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(exporter.url())).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^jiotop_write_bytes_total\\{command=\"" + NAME + "\",[^}]*\\} (\\S+)$")
                .matcher(body);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void pushesCarryTheWritersBytesAsTheKernelCountedThem() throws Exception {
        List<Point> points = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> headers = new HashMap<>();
        receiver.createContext("/v1/metrics", x -> {
            byte[] body = x.getRequestBody().readAllBytes();
            headers.put("authorization", x.getRequestHeaders().getFirst("Authorization"));
            Point p = written(ExportMetricsServiceRequest.parseFrom(body));
            if (p != null) {
                points.add(p);
            }
            x.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        receiver.start();
        Path token = Files.writeString(tmp.resolve("token"), "Bearer s3cret\n");
        try (Child w = writer(); IoRecorder kernel = new IoRecorder(w.pid());
             ExporterProcess exporter = ExporterProcess.start(tmp, "-d", "0.25", "--otlp",
                     "http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/metrics",
                     "--otlp-header=Authorization:" + token)) {
            // Twelve seconds of pushes: a point lags its sample by an interval at most, 2 % of that.
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((points.size() < 2 || points.getLast().timeNanos() - points.getFirst().timeNanos() < 12e9)
                    && System.nanoTime() < end) {
                Thread.sleep(200);
            }
            assertThat(exporter.stderr()).doesNotContain("otlp");
            assertThat(headers).containsEntry("authorization", "Bearer s3cret");
            Point first = points.getFirst();
            Point last = points.getLast();
            double seconds = (last.timeNanos() - first.timeNanos()) / 1e9;
            assertThat(seconds).isGreaterThanOrEqualTo(12);
            double pushed = (last.bytes() - first.bytes()) / seconds;
            double actual = kernel.writeRate(Instant.ofEpochSecond(0, last.timeNanos()), seconds);
            assertThat(pushed).isCloseTo(actual, within(actual * 0.05));
        } finally {
            receiver.stop(0);
        }
    }

    /**
     * The exporter's counters for the writer go on rising scrape after scrape (sampling is not held
     * up) while the receiver has failed many times, which stderr says in one line.
     */
    private void samplingGoesOnAndOneLineSaysSo(ExporterProcess exporter, String says) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!exporter.stderr().contains(says) && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        long before = counted(exporter);
        int rises = 0;
        // Ten rises at an interval of 0.1 s: ten or more pushes have fallen due since the line.
        while (rises < 10 && System.nanoTime() < end) {
            Thread.sleep(300);
            long now = counted(exporter);
            if (now > before) {
                rises++;
                before = now;
            }
        }
        assertThat(rises).isEqualTo(10);
        assertThat(exporter.stderr().lines().filter(l -> l.contains("--otlp")).toList()).as(exporter.stderr())
                .hasSize(1).allSatisfy(l -> assertThat(l).contains(says));
    }

    @Test
    void aReceiverThatFailsIsNotThereOrHangsHoldsUpNoSampleAndCostsOneLine() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CountDownLatch release = new CountDownLatch(1);
        receiver.createContext("/fails", x -> {
            x.getRequestBody().readAllBytes();
            x.sendResponseHeaders(500, -1);
            x.close();
        });
        receiver.createContext("/hangs", x -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        receiver.start();
        String at = "http://127.0.0.1:" + receiver.getAddress().getPort();
        try (Child w = writer()) {
            try (ExporterProcess exporter = ExporterProcess.start(tmp, "-d", "0.1", "--otlp", at + "/fails")) {
                samplingGoesOnAndOneLineSaysSo(exporter, "jiotop: --otlp " + at + "/fails: ");
            }
            String nobody = "http://127.0.0.1:" + freePort() + "/v1/metrics";
            try (ExporterProcess exporter = ExporterProcess.start(tmp, "-d", "0.1", "--otlp", nobody)) {
                samplingGoesOnAndOneLineSaysSo(exporter, "jiotop: --otlp " + nobody + ": ");
            }
            try (ExporterProcess exporter = ExporterProcess.start(tmp, "-d", "0.1", "--otlp", at + "/hangs")) {
                samplingGoesOnAndOneLineSaysSo(exporter, "jiotop: --otlp " + at + "/hangs: ");
            }
        } finally {
            release.countDown();
            receiver.stop(0);
        }
    }
}
