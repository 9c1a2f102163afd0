package org.jiotop.output;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The grouped counters pushed to an OpenTelemetry collector over OTLP/HTTP (protobuf), through the
 * OpenTelemetry SDK and its JDK HTTP sender, every interval. Exports run on the SDK's own thread
 * with a deadline, one at a time ({@link ReportingExporter}), so a receiver that fails, refuses or
 * hangs never holds up sampling; each failure's reason goes to {@code failed}, which says it at
 * most once a minute, and the SDK's own log lines (one per failed export) are turned off.
 *
 * <p>The counters are observed from totals kept here, not counted by the SDK: its counters keep
 * every series they ever had, while a group's series ends when it has been idle a while, its
 * counts carried into {@code other} ({@link #expire}), as on /metrics. With the SDK's counters a
 * long run would push every group it ever saw, until the SDK's limit of 2,000 series a metric
 * lumped the later ones into one series of its own.
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
    /** The SDK's own limit on a metric's series. */
    private static final int DEFAULT_SERIES = 2000;
    /** Kept: a logger only weakly held by its manager could lose the level set on it. */
    private static final Logger SDK_LOG = Logger.getLogger("io.opentelemetry");

    /** A group's totals, as {@link IoField#raw}; the swap-in delay only once one has been added. */
    private static final class Totals {
        final Attributes attributes;
        final Attributes read;
        final Attributes write;
        final long[] values = new long[IoField.values().length];
        boolean swapin;

        Totals(Attributes attributes) {
            this.attributes = attributes;
            this.read = attributes.toBuilder().put(DIRECTION, "read").build();
            this.write = attributes.toBuilder().put(DIRECTION, "write").build();
        }

        void add(IoField f, long v) {
            values[f.ordinal()] += v;
        }
    }

    private final SdkMeterProvider provider;
    private final List<AttributeKey<String>> keys = new ArrayList<>();
    /** Guarded by itself: added to on the sampling thread, observed on the SDK's. */
    private final Map<SeriesLabels, Totals> totals = new HashMap<>();
    private final SeriesLabels other;
    /** Counters from /proc have no swap-in delay: its series then get no 0 that would mean "none". */
    private boolean swapinKnown = true;

    /**
     * @param labels the series' label names, in the order of {@link SeriesLabels#values()}
     * @param maxGroups the most groups with series of their own, as {@link MetricsExport.Settings#maxGroups}
     * @param headers HTTP headers sent with each request (authentication)
     * @param failed takes the reason of each failed push, one line
     */
    public OtlpExport(String endpoint, Map<String, String> headers, Duration interval, String hostName,
                      List<String> labels, int maxGroups, Consumer<String> failed) {
        this(otlpHttp(endpoint, headers, timeout(interval)), timeout(interval), interval, hostName, labels, maxGroups,
                failed);
    }

    /** How long a push every {@code interval} may take. */
    static Duration timeout(Duration interval) {
        Duration five = interval.multipliedBy(5);
        return five.compareTo(LEAST_TIMEOUT) < 0 ? LEAST_TIMEOUT
                : five.compareTo(MOST_TIMEOUT) > 0 ? MOST_TIMEOUT : five;
    }

    /** Pushes through {@code exporter}, whose exports end by {@code timeout}. */
    OtlpExport(MetricExporter exporter, Duration timeout, Duration interval, String hostName, List<String> labels,
               int maxGroups, Consumer<String> failed) {
        // The SDK lumps a metric's series past 2,000 into one; jiotop's cap already bounds them:
        // two a group (read and write) and "other", and the one the SDK keeps for the overflow.
        int series = Math.max(DEFAULT_SERIES, 2 * (maxGroups + 1) + 1);
        SDK_LOG.setLevel(Level.OFF);
        provider = SdkMeterProvider.builder()
                .setResource(resource(hostName, System.getenv(), failed))
                .registerMetricReader(PeriodicMetricReader.builder(new ReportingExporter(exporter, timeout, failed))
                        .setInterval(interval).build(), type -> series)
                .build();
        for (String l : labels) {
            keys.add(AttributeKey.stringKey(ATTRIBUTES.getOrDefault(l, "jiotop." + l)));
        }
        other = SeriesLabels.other(labels.size());
        Meter meter = provider.get("org.jiotop");
        String of = labels.contains("container") ? "container" : "process";
        // The names are OTLP's (the semantic conventions' where they have one, the unit apart); what
        // they count is said as the Prometheus metrics say it.
        meter.counterBuilder(of + ".disk.io").setUnit("By").setDescription("disk.io.direction read: "
                + IoField.READ_BYTES.help("") + "; write: " + IoField.WRITE_BYTES.help("")).buildWithCallback(m -> {
                    bytes(m, t -> t.read, IoField.READ_BYTES);
                    bytes(m, t -> t.write, IoField.WRITE_BYTES);
                });
        meter.counterBuilder("jiotop.disk.cancelled_write").setUnit("By")
                .setDescription(IoField.CANCELLED_WRITE_BYTES.help(""))
                .buildWithCallback(m -> bytes(m, t -> t.attributes, IoField.CANCELLED_WRITE_BYTES));
        seconds(meter, "jiotop.blkio_delay", IoField.BLKIO_DELAY_SECONDS);
        seconds(meter, "jiotop.swapin_delay", IoField.SWAPIN_DELAY_SECONDS);
    }

    /**
     * The resource: {@code host.name} and {@code service.name=jiotop}, then what the environment
     * sets as every OpenTelemetry SDK takes it, {@code OTEL_RESOURCE_ATTRIBUTES} and
     * {@code OTEL_SERVICE_NAME} (which wins): in a container the kernel's host name is the
     * container's, and a fleet tells its nodes, clusters and environments apart only so. A value
     * that cannot be read is left out whole, and said through {@code failed}.
     */
    static Resource resource(String hostName, Map<String, String> env, Consumer<String> failed) {
        AttributesBuilder b = Attributes.builder().put("host.name", hostName).put("service.name", "jiotop");
        String given = env.get("OTEL_RESOURCE_ATTRIBUTES");
        if (given != null && !given.isBlank()) {
            Map<String, String> parsed = ResourceAttributes.parse(given);
            if (parsed == null) {
                failed.accept("OTEL_RESOURCE_ATTRIBUTES is not key=value,... (values percent-encoded): ignored");
            } else {
                parsed.forEach(b::put);
            }
        }
        String service = env.get("OTEL_SERVICE_NAME");
        if (service != null && !service.isBlank()) {
            b.put("service.name", service.strip());
        }
        return Resource.getDefault().merge(Resource.create(b.build()));
    }

    private void seconds(Meter meter, String name, IoField f) {
        meter.counterBuilder(name).ofDoubles().setUnit("s").setDescription(f.help("")).buildWithCallback(m -> {
            synchronized (totals) {
                for (Totals t : totals.values()) {
                    if (f != IoField.SWAPIN_DELAY_SECONDS || t.swapin) {
                        m.record(t.values[f.ordinal()] / 1e9, t.attributes);
                    }
                }
            }
        });
    }

    private void bytes(ObservableLongMeasurement m, Function<Totals, Attributes> as, IoField f) {
        synchronized (totals) {
            for (Totals t : totals.values()) {
                m.record(t.values[f.ordinal()], as.apply(t));
            }
        }
    }

    /**
     * Where the metrics go: {@code url}, or when it has no path (the collector's address alone, as
     * OTEL_EXPORTER_OTLP_ENDPOINT is given) OTLP/HTTP's metrics path under it, as the SDKs add it;
     * null for null.
     */
    public static String metricsEndpoint(String url) {
        if (url == null) {
            return null;
        }
        java.net.URI u = java.net.URI.create(url);
        String path = u.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            return url;
        }
        return u.getScheme() + "://" + u.getRawAuthority() + "/v1/metrics"
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
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
        synchronized (totals) {
            interval.forEach((labels, d) -> {
                Totals t = totals.computeIfAbsent(labels, this::totals);
                for (IoField f : IoField.values()) {
                    if (f != IoField.SWAPIN_DELAY_SECONDS || swapinKnown) {
                        t.add(f, f.raw(d));
                    }
                }
                t.swapin |= swapinKnown;
            });
        }
    }

    /** Ends the series of {@code groups}, their counts carried into "other", as {@link MetricsExport#expired} says. */
    public void expire(List<SeriesLabels> groups) {
        synchronized (totals) {
            for (SeriesLabels g : groups) {
                Totals gone = totals.remove(g);
                if (gone == null) {
                    continue;
                }
                Totals o = totals.computeIfAbsent(other, this::totals);
                for (IoField f : IoField.values()) {
                    o.add(f, gone.values[f.ordinal()]);
                }
                o.swapin |= gone.swapin;
            }
        }
    }

    private Totals totals(SeriesLabels labels) {
        AttributesBuilder b = Attributes.builder();
        for (int i = 0; i < keys.size(); i++) {
            b.put(keys.get(i), labels.values().get(i));
        }
        return new Totals(b.build());
    }

    /** Sends what is left, waiting a few seconds at most for a receiver that may not answer. */
    @Override
    public void close() {
        provider.shutdown().join(3, TimeUnit.SECONDS);
    }
}
