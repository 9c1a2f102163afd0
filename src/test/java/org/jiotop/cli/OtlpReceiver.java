package org.jiotop.cli;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import org.jiotop.testkit.IoRecorder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A loopback OTLP/HTTP receiver that decodes each push with the official OTLP protobuf classes and
 * keeps the written bytes of one series: the points of {@code metric} whose attribute {@code key}
 * is {@code value}, with {@code disk.io.direction=write}.
 */
final class OtlpReceiver implements AutoCloseable {
    /** One point of the series: when it was collected, and the count. */
    record Point(long timeNanos, long bytes) {
    }

    private final String metric;
    private final String key;
    private final String value;
    private final HttpServer server;
    private final List<Point> points = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final Set<String> names = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private OtlpReceiver(String metric, String key, String value) throws IOException {
        this.metric = metric;
        this.key = key;
        this.value = value;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/metrics", x -> {
            byte[] body = x.getRequestBody().readAllBytes();
            String auth = x.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                authorization.set(auth);
            }
            Point p = written(ExportMetricsServiceRequest.parseFrom(body));
            if (p != null) {
                points.add(p);
            }
            x.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    static OtlpReceiver start(String metric, String key, String value) throws IOException {
        return new OtlpReceiver(metric, key, value);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/metrics";
    }

    /** The names of the metrics pushed so far. */
    Set<String> names() {
        return Set.copyOf(names);
    }

    /** The Authorization header of the pushes, or null when none had one. */
    String authorization() {
        return authorization.get();
    }

    private static String attribute(List<KeyValue> attributes, String key) {
        return attributes.stream().filter(a -> a.getKey().equals(key)).map(a -> a.getValue().getStringValue())
                .findFirst().orElse(null);
    }

    /** The series' written bytes in one push, or null when the push has none. */
    private Point written(ExportMetricsServiceRequest push) {
        // Every name first: the point below returns from the middle of the push's metrics.
        push.getResourceMetricsList().forEach(r -> r.getScopeMetricsList().forEach(
                s -> s.getMetricsList().forEach(m -> names.add(m.getName()))));
        for (ResourceMetrics r : push.getResourceMetricsList()) {
            assertThat(attribute(r.getResource().getAttributesList(), "service.name")).isEqualTo("jiotop");
            assertThat(attribute(r.getResource().getAttributesList(), "host.name")).isNotBlank();
            for (ScopeMetrics s : r.getScopeMetricsList()) {
                for (Metric m : s.getMetricsList()) {
                    if (!m.getName().equals(metric)) {
                        continue;
                    }
                    assertThat(m.getUnit()).isEqualTo("By");
                    assertThat(m.getSum().getIsMonotonic()).isTrue();
                    for (NumberDataPoint p : m.getSum().getDataPointsList()) {
                        if (value.equals(attribute(p.getAttributesList(), key))
                                && "write".equals(attribute(p.getAttributesList(), "disk.io.direction"))) {
                            return new Point(p.getTimeUnixNano(), p.getAsInt());
                        }
                    }
                }
            }
        }
        return null;
    }

    /**
     * Waits for twelve seconds of pushes of the series (a point lags its sample by an interval at
     * most, 2 % of that), then checks that the bytes they add up to are the kernel's within 5 %.
     */
    void carriesTheKernelsRate(IoRecorder kernel) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((points.size() < 2 || points.getLast().timeNanos() - points.getFirst().timeNanos() < 12e9)
                && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        assertThat(points).as("pushes of %s with %s=%s", metric, key, value).hasSizeGreaterThanOrEqualTo(2);
        Point first = points.getFirst();
        Point last = points.getLast();
        double seconds = (last.timeNanos() - first.timeNanos()) / 1e9;
        assertThat(seconds).isGreaterThanOrEqualTo(12);
        double pushed = (last.bytes() - first.bytes()) / seconds;
        double actual = kernel.writeRate(Instant.ofEpochSecond(0, last.timeNanos()), seconds);
        assertThat(pushed).isCloseTo(actual, within(actual * 0.05));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
