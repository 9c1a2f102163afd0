package org.jiotop.output;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporterBuilder;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import org.jiotop.linux.Visibility;
import org.jiotop.model.IoDelta;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The grouped counters pushed to an OpenTelemetry collector over OTLP/HTTP (protobuf), through the
 * OpenTelemetry SDK and its JDK HTTP sender, every interval. Exports run on the SDK's own thread
 * with a deadline, one at a time ({@link ReportingExporter}), so a receiver that fails, refuses or
 * hangs never holds up sampling; each failure's reason goes to {@code failed}, which says it at
 * most once a minute, and the SDK's own log lines (one per failed export) are turned off.
 */
public final class OtlpExport implements AutoCloseable {
    /** The semantic conventions' names for the series' labels, where they have one. */
    private static final Map<String, String> ATTRIBUTES = Map.of("command", "process.executable.name",
            "user", "process.owner", "unit", "systemd.unit", "namespace", "k8s.namespace.name",
            "pod", "k8s.pod.name", "container", "container.name");
    private static final AttributeKey<String> DIRECTION = AttributeKey.stringKey("disk.io.direction");
    /**
     * A push is given up after five intervals, within these bounds: by then several more have
     * fallen due and been skipped, and a collector that hangs is said on stderr that much sooner.
     */
    private static final Duration LEAST_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration MOST_TIMEOUT = Duration.ofSeconds(10);
    /** Kept: a logger only weakly held by its manager could lose the level set on it. */
    private static final Logger SDK_LOG = Logger.getLogger("io.opentelemetry");

    private final SdkMeterProvider provider;
    private final List<AttributeKey<String>> keys = new ArrayList<>();
    private final LongCounter io;
    private final LongCounter cancelled;
    private final DoubleCounter blkioDelay;
    private final DoubleCounter swapinDelay;
    /** Counters from /proc have no swap-in delay: its series then get no 0 that would mean "none". */
    private boolean swapinKnown = true;

    /**
     * @param labels the series' label names, in the order of {@link SeriesLabels#values()}
     * @param headers HTTP headers sent with each request (authentication)
     * @param failed takes the reason of each failed push, one line
     */
    public OtlpExport(String endpoint, Map<String, String> headers, Duration interval, String hostName,
                      List<String> labels, Consumer<String> failed) {
        this(otlpHttp(endpoint, headers, timeout(interval)), timeout(interval), interval, hostName, labels, failed);
    }

    /** How long a push every {@code interval} may take. */
    static Duration timeout(Duration interval) {
        Duration five = interval.multipliedBy(5);
        return five.compareTo(LEAST_TIMEOUT) < 0 ? LEAST_TIMEOUT
                : five.compareTo(MOST_TIMEOUT) > 0 ? MOST_TIMEOUT : five;
    }

    /** Pushes through {@code exporter}, whose exports end by {@code timeout}. */
    OtlpExport(MetricExporter exporter, Duration timeout, Duration interval, String hostName, List<String> labels,
               Consumer<String> failed) {
        SDK_LOG.setLevel(Level.OFF);
        provider = SdkMeterProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                        AttributeKey.stringKey("host.name"), hostName,
                        AttributeKey.stringKey("service.name"), "jiotop"))))
                .registerMetricReader(PeriodicMetricReader.builder(new ReportingExporter(exporter, timeout, failed))
                        .setInterval(interval).build())
                .build();
        for (String l : labels) {
            keys.add(AttributeKey.stringKey(ATTRIBUTES.getOrDefault(l, "jiotop." + l)));
        }
        Meter meter = provider.get("org.jiotop");
        String of = labels.contains("container") ? "container" : "process";
        // The names are OTLP's (the semantic conventions' where they have one, the unit apart); what
        // they count is said as the Prometheus metrics say it.
        io = meter.counterBuilder(of + ".disk.io").setUnit("By").setDescription("disk.io.direction read: "
                + IoField.READ_BYTES.help("") + "; write: " + IoField.WRITE_BYTES.help("")).build();
        cancelled = meter.counterBuilder("jiotop.disk.cancelled_write").setUnit("By")
                .setDescription(IoField.CANCELLED_WRITE_BYTES.help("")).build();
        blkioDelay = seconds(meter, "jiotop.blkio_delay", IoField.BLKIO_DELAY_SECONDS);
        swapinDelay = seconds(meter, "jiotop.swapin_delay", IoField.SWAPIN_DELAY_SECONDS);
    }

    private static DoubleCounter seconds(Meter meter, String name, IoField f) {
        return meter.counterBuilder(name).ofDoubles().setUnit("s").setDescription(f.help("")).build();
    }

    static MetricExporter otlpHttp(String endpoint, Map<String, String> headers, Duration timeout) {
        OtlpHttpMetricExporterBuilder exporter = OtlpHttpMetricExporter.builder().setEndpoint(endpoint)
                .setTimeout(timeout);
        headers.forEach(exporter::addHeader);
        return exporter.build();
    }

    /** What the counters of the intervals added from now on could see, as {@link MetricsExport#visibility} is told. */
    public void visibility(Visibility v) {
        swapinKnown = !v.procfs();
    }

    /** Adds one interval's I/O by series, as {@link MetricsExport#record} gives it. */
    public void add(Map<SeriesLabels, IoDelta> interval) {
        interval.forEach((labels, d) -> {
            AttributesBuilder b = Attributes.builder();
            for (int i = 0; i < keys.size(); i++) {
                b.put(keys.get(i), labels.values().get(i));
            }
            Attributes group = b.build();
            io.add(IoField.READ_BYTES.raw(d), group.toBuilder().put(DIRECTION, "read").build());
            io.add(IoField.WRITE_BYTES.raw(d), group.toBuilder().put(DIRECTION, "write").build());
            cancelled.add(IoField.CANCELLED_WRITE_BYTES.raw(d), group);
            blkioDelay.add(IoField.BLKIO_DELAY_SECONDS.value(d), group);
            if (swapinKnown) {
                swapinDelay.add(IoField.SWAPIN_DELAY_SECONDS.value(d), group);
            }
        });
    }

    /** Sends what is left, waiting a few seconds at most for a receiver that may not answer. */
    @Override
    public void close() {
        provider.shutdown().join(3, TimeUnit.SECONDS);
    }
}
