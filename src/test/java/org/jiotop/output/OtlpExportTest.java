package org.jiotop.output;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import org.jiotop.linux.Visibility;
import org.jiotop.model.IoDelta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OTLP push: one export in flight at a time, however long the collector takes, and each
 * failure said in words.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OtlpExportTest {
    private static final List<String> LABELS = MetricsExport.DEFAULT_LABELS;
    private static final Map<SeriesLabels, IoDelta> WROTE =
            Map.of(SeriesLabels.of("dd", "root"), new IoDelta(0, 4096, 0, 0, 0));

    /** An exporter whose exports end only when the test says. */
    private static final class Held implements MetricExporter {
        final List<CompletableResultCode> exports = new CopyOnWriteArrayList<>();
        final List<Collection<MetricData>> pushed = new CopyOnWriteArrayList<>();

        @Override
        public CompletableResultCode export(Collection<MetricData> metrics) {
            CompletableResultCode r = new CompletableResultCode();
            exports.add(r);
            pushed.add(metrics);
            return r;
        }

        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType type) {
            return AggregationTemporality.CUMULATIVE;
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }

    @Test
    void pushesThatFallDueWhileOneWaitsAreSkipped() throws Exception {
        Held held = new Held();
        List<String> failures = new CopyOnWriteArrayList<>();
        try (OtlpExport otlp = new OtlpExport(held, Duration.ofSeconds(10), Duration.ofMillis(50), "h", LABELS, 1000,
                failures::add)) {
            otlp.add(WROTE);
            waitFor(() -> !held.exports.isEmpty());
            Thread.sleep(1000);
            assertThat(held.exports).as("twenty intervals, one export waiting").hasSize(1);
            held.exports.getFirst().fail();
            waitFor(() -> held.exports.size() > 1);
            assertThat(held.exports).as("the next push once the first has ended").hasSizeGreaterThan(1);
            assertThat(failures).containsExactly("the push failed");
            held.exports.forEach(CompletableResultCode::succeed);
        }
    }

    private static Map<String, String> descriptions(Collection<MetricData> push) {
        Map<String, String> out = new java.util.HashMap<>();
        push.forEach(m -> out.put(m.getName(), m.getDescription()));
        return out;
    }

    /**
     * Counters from /proc have no swap-in delay: no point says 0 for it, as no Prometheus series
     * does; the help texts are those of the Prometheus metrics.
     */
    @Test
    void fromProcNoSwapinDelayIsPushed() throws Exception {
        Held held = new Held();
        Map<SeriesLabels, IoDelta> waited = Map.of(SeriesLabels.of("dd", "root"),
                new IoDelta(0, 4096, 0, 5_000_000, 7_000_000));
        try (OtlpExport otlp = new OtlpExport(held, Duration.ofSeconds(10), Duration.ofMillis(50), "h", LABELS, 1000,
                f -> { })) {
            otlp.visibility(new Visibility(Visibility.Source.PROCFS, 0, 1));
            otlp.add(waited);
            waitFor(() -> !held.exports.isEmpty());
            assertThat(descriptions(held.pushed.getFirst())).containsOnlyKeys("process.disk.io",
                    "jiotop.disk.cancelled_write", "jiotop.blkio_delay")
                    .containsEntry("jiotop.blkio_delay", IoField.BLKIO_DELAY_SECONDS.help(""))
                    .containsEntry("jiotop.disk.cancelled_write", IoField.CANCELLED_WRITE_BYTES.help(""));
            otlp.visibility(Visibility.TASKSTATS);
            otlp.add(waited);
            held.exports.getFirst().succeed();
            waitFor(() -> held.pushed.size() > 1);
            assertThat(descriptions(held.pushed.getLast())).containsEntry("jiotop.swapin_delay",
                    "Time tasks waited for swap-in (needs kernel.task_delayacct=1)");
            held.exports.forEach(CompletableResultCode::succeed);
        }
    }

    private static HttpServer receiver(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/metrics", handler);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return server;
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/metrics";
    }

    /** The reason the first failed push to {@code url} gives, with a deadline of {@code timeout}. */
    private static String firstFailure(String url, Duration timeout) throws InterruptedException {
        List<String> failures = new CopyOnWriteArrayList<>();
        try (OtlpExport otlp = new OtlpExport(OtlpExport.otlpHttp(url, Map.of(), timeout), timeout,
                Duration.ofMillis(100), "h", LABELS, 1000, failures::add)) {
            otlp.add(WROTE);
            waitFor(() -> !failures.isEmpty());
        }
        assertThat(failures).isNotEmpty();
        return failures.getFirst();
    }

    @Test
    void aCollectorThatNeverAnswersHasOneRequestOpenAtATime() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = receiver(x -> {
            requests.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.close();
        });
        try {
            List<String> failures = new CopyOnWriteArrayList<>();
            Duration timeout = Duration.ofSeconds(2);
            try (OtlpExport otlp = new OtlpExport(OtlpExport.otlpHttp(url(server), Map.of(), timeout), timeout,
                    Duration.ofMillis(100), "h", LABELS, 1000, failures::add)) {
                otlp.add(WROTE);
                waitFor(() -> requests.get() > 0);
                Thread.sleep(1500);
                assertThat(requests.get()).as("requests within the first's deadline, at an interval of 0.1 s")
                        .isEqualTo(1);
                waitFor(() -> !failures.isEmpty());
                assertThat(failures.getFirst()).isEqualTo("no answer within 2 s");
            }
        } finally {
            release.countDown();
            server.stop(0);
        }
    }

    @Test
    void aFailedPushIsSaidInWordsWithoutJavaClassNames() throws Exception {
        HttpServer server = receiver(x -> {
            x.getRequestBody().readAllBytes();
            x.sendResponseHeaders(500, -1);
            x.close();
        });
        try {
            assertThat(firstFailure(url(server), Duration.ofSeconds(5))).isEqualTo("the collector answered HTTP 500");
        } finally {
            server.stop(0);
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        // A refused connection and an unknown name fail at once; the deadline is only a bound, which
        // a loaded machine can pass before the client has even tried.
        assertThat(firstFailure("http://127.0.0.1:" + closed + "/v1/metrics", Duration.ofSeconds(3)))
                .startsWith("cannot connect").doesNotContain("Exception").doesNotContain("java.");
        assertThat(firstFailure("http://nohost.invalid:4318/v1/metrics", Duration.ofSeconds(3)))
                .isEqualTo("unknown host");
    }

    @Test
    void aCollectorsAddressAloneGetsTheMetricsPath() {
        assertThat(OtlpExport.metricsEndpoint("http://collector:4318")).isEqualTo("http://collector:4318/v1/metrics");
        assertThat(OtlpExport.metricsEndpoint("https://c/")).isEqualTo("https://c/v1/metrics");
        assertThat(OtlpExport.metricsEndpoint("http://c:4318?tenant=a")).isEqualTo("http://c:4318/v1/metrics?tenant=a");
        assertThat(OtlpExport.metricsEndpoint("http://c:4318/otlp/v1/metrics"))
                .isEqualTo("http://c:4318/otlp/v1/metrics");
        assertThat(OtlpExport.metricsEndpoint(null)).isNull();
    }

    @Test
    void aPushIsGivenUpAfterFiveIntervalsWithinTwoToTenSeconds() {
        assertThat(OtlpExport.timeout(Duration.ofMillis(100))).isEqualTo(Duration.ofSeconds(2));
        assertThat(OtlpExport.timeout(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(5));
        assertThat(OtlpExport.timeout(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(10));
    }

    /** The bytes written by each series in {@code push}, their attribute values joined by "/". */
    private static Map<String, Long> written(Collection<MetricData> push) {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (MetricData m : push) {
            if (m.getName().equals("process.disk.io")) {
                m.getLongSumData().getPoints().stream()
                        .filter(p -> "write".equals(p.getAttributes().get(
                                io.opentelemetry.api.common.AttributeKey.stringKey("disk.io.direction"))))
                        .forEach(p -> out.put(p.getAttributes().get(io.opentelemetry.api.common.AttributeKey
                                .stringKey("process.executable.name")), p.getValue()));
            }
        }
        return out;
    }

    /**
     * A group whose series ended on /metrics for being idle is pushed no more either, its counts
     * carried into "other": the SDK's own counters would push every group a run ever saw.
     */
    @Test
    void anExpiredGroupIsPushedNoMoreAndItsCountsGoToOther() throws Exception {
        Held held = new Held();
        try (OtlpExport otlp = new OtlpExport(held, Duration.ofSeconds(10), Duration.ofMillis(50), "h", LABELS, 1000,
                f -> { })) {
            otlp.add(Map.of(SeriesLabels.of("dd", "root"), new IoDelta(0, 4096, 0, 0, 0),
                    SeriesLabels.of("tar", "root"), new IoDelta(0, 100, 0, 0, 0)));
            waitFor(() -> !held.exports.isEmpty());
            assertThat(written(held.pushed.getFirst())).containsExactlyInAnyOrderEntriesOf(
                    Map.of("dd", 4096L, "tar", 100L));
            otlp.expire(List.of(SeriesLabels.of("dd", "root")));
            held.exports.getFirst().succeed();
            waitFor(() -> held.pushed.size() > 1);
            assertThat(written(held.pushed.getLast())).containsExactlyInAnyOrderEntriesOf(
                    Map.of("other", 4096L, "tar", 100L));
            held.exports.forEach(CompletableResultCode::succeed);
        }
    }

    /**
     * However many groups the series cap lets through, each is pushed as itself: the SDK's own
     * limit (2,000 series a metric) would lump those past it into one overflow series.
     */
    @Test
    void everyGroupTheCapAdmitsIsPushedAsItself() throws Exception {
        Held held = new Held();
        int groups = 1500;
        try (OtlpExport otlp = new OtlpExport(held, Duration.ofSeconds(10), Duration.ofMillis(50), "h", LABELS,
                groups, f -> { })) {
            Map<SeriesLabels, IoDelta> interval = new java.util.HashMap<>();
            for (int i = 0; i < groups; i++) {
                interval.put(SeriesLabels.of("p" + i, "root"), new IoDelta(0, 1, 0, 0, 0));
            }
            interval.put(SeriesLabels.of("other", "other"), new IoDelta(0, 1, 0, 0, 0));
            otlp.add(interval);
            waitFor(() -> !held.exports.isEmpty());
            assertThat(written(held.pushed.getFirst())).hasSize(groups + 1).doesNotContainKey(null);
            held.exports.forEach(CompletableResultCode::succeed);
        }
    }

    /**
     * The environment's resource attributes, as every OpenTelemetry SDK reads them, over jiotop's
     * own: in a pod the kernel's host name is the pod's, and only they can name the node.
     */
    @Test
    void theResourceTakesTheAttributesTheEnvironmentSets() {
        List<String> failures = new CopyOnWriteArrayList<>();
        var resource = OtlpExport.resource("jiotop-7xk2p", Map.of(
                "OTEL_RESOURCE_ATTRIBUTES", "host.name=node-7, k8s.cluster.name=prod%2Ceu ,deployment.environment=a+b",
                "OTEL_SERVICE_NAME", "node-io"), failures::add).getAttributes().asMap();
        assertThat(resource).containsEntry(io.opentelemetry.api.common.AttributeKey.stringKey("host.name"), "node-7")
                .containsEntry(io.opentelemetry.api.common.AttributeKey.stringKey("k8s.cluster.name"), "prod,eu")
                .containsEntry(io.opentelemetry.api.common.AttributeKey.stringKey("deployment.environment"), "a+b")
                .containsEntry(io.opentelemetry.api.common.AttributeKey.stringKey("service.name"), "node-io");
        assertThat(failures).isEmpty();

        var unread = OtlpExport.resource("h", Map.of("OTEL_RESOURCE_ATTRIBUTES", "host.name=x,broken"),
                failures::add).getAttributes().asMap();
        OtlpExport.resource("h", Map.of("OTEL_RESOURCE_ATTRIBUTES", "k8s.cluster.name=prod%2"), failures::add);
        assertThat(unread).containsEntry(io.opentelemetry.api.common.AttributeKey.stringKey("host.name"), "h")
                .containsEntry(io.opentelemetry.api.common.AttributeKey.stringKey("service.name"), "jiotop");
        assertThat(failures).hasSize(2).containsOnly(
                "OTEL_RESOURCE_ATTRIBUTES is not key=value,... (values percent-encoded): ignored");
    }
}
