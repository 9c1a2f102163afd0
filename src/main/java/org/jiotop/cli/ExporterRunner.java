package org.jiotop.cli;

import org.jiotop.http.BasicAuth;
import org.jiotop.http.MetricsServer;
import org.jiotop.http.Warnings;
import org.jiotop.linux.HostName;
import org.jiotop.linux.KernelException;
import org.jiotop.linux.KubeletNames;
import org.jiotop.linux.ProcFs;
import org.jiotop.linux.UserDb;
import org.jiotop.model.Report;
import org.jiotop.model.ReportSettings.Figures;
import org.jiotop.model.Row;
import org.jiotop.model.SortKey;
import org.jiotop.model.TaskActivity;
import org.jiotop.output.ConsistentRegistry;
import org.jiotop.output.MetricsExport;
import org.jiotop.output.OtlpExport;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --serve} and {@code --otlp}: samples processes every interval on the calling thread and
 * serves the counters on /metrics from the server's own threads, optionally behind basic auth and
 * TLS, or pushes them over OTLP from the SDK's thread, or both. The sides share
 * nothing but the thread-safe counters, so a scrape never waits for a refresh nor a refresh for a
 * scrape, and what fails on one side (out of memory included) does not end the other.
 */
final class ExporterRunner {
    private final Options options;
    private final Set<Integer> uids;
    private final Monitor monitor;
    private final ExportNames names;
    private final ExportSeries series;

    ExporterRunner(Options options, Set<Integer> uids, ProcFs proc, Monitor monitor, UserDb users) {
        this.options = options;
        this.uids = uids;
        this.monitor = monitor;
        this.names = new ExportNames(proc);
        this.series = new ExportSeries(ExportLabel.parse(options.text(Option.EXPORT_BY)), names, users,
                new GroupLabels(users, Path.of("/proc")), new KubeletNames(Path.of("/")));
    }

    /**
     * What is exported, as the options say; an idle group keeps its series for about {@link
     * MetricsExport#IDLE_EXPIRY_SECONDS}.
     */
    private MetricsExport.Settings settings() {
        return new MetricsExport.Settings(ExportLabel.labelNames(ExportLabel.parse(options.text(Option.EXPORT_BY))),
                options.number(Option.EXPORT_MAX_SERIES), options.is(Option.EXPORT_PIDS),
                options.number(Option.EXPORT_PIDS_MAX),
                (long) Math.ceil(MetricsExport.IDLE_EXPIRY_SECONDS / options.delaySeconds()));
    }

    /** Runs until interrupted or for {@code -n} intervals; IOException messages are whole, for "jiotop: ". */
    int run(PrintStream err) throws KernelException, IOException {
        Map<String, String> otlpHeaders = ServeSecrets.otlpHeaders(options.otlpHeaders());
        ConsistentRegistry registry = new ConsistentRegistry();
        MetricsExport export;
        try {
            export = new MetricsExport(registry, settings());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        Warnings warnings = new Warnings(err);
        ListenAddress listen = options.serve();
        // Push-only (--otlp alone) has no listener; the registry still holds the cap's own series.
        MetricsServer server = listen == null ? null : serve(listen, registry, warnings);
        String otlpUrl = OtlpExport.metricsEndpoint(options.text(Option.OTLP));
        try (server; OtlpExport otlp = otlpUrl == null ? null : new OtlpExport(otlpUrl, otlpHeaders,
                Duration.ofNanos(Math.round(options.delaySeconds() * 1e9)), HostName.read(), settings().labels(),
                settings().maxGroups(), reason -> warnings.warn("--otlp " + otlpUrl, reason))) {
            err.println(server != null ? "jiotop: serving metrics on " + (options.text(Option.SERVE_TLS) != null
                    ? "https" : "http") + "://" + listen.hostForUrl() + ":" + server.port() + "/metrics"
                    : "jiotop: pushing metrics to " + otlpUrl);
            Cadence cadence = new Cadence(options.delaySeconds());
            monitor.sample();
            RefreshLoop.run(cadence, options.iterations(), () -> refresh(export, otlp), warnings,
                    server != null ? "--serve" : "--otlp");
        }
        return Main.EXIT_OK;
    }

    /** Starts serving /metrics on {@code listen}, behind the basic auth and TLS the options ask for. */
    private MetricsServer serve(ListenAddress listen, ConsistentRegistry registry, Warnings warnings)
            throws IOException {
        String auth = options.text(Option.SERVE_AUTH);
        String tlsFiles = options.text(Option.SERVE_TLS);
        BasicAuth basicAuth = auth == null ? null : ServeSecrets.basicAuth(auth);
        SSLContext tls = tlsFiles == null ? null : ServeSecrets.tls(tlsFiles);
        try {
            return MetricsServer.start(new InetSocketAddress(listen.host(), listen.port()), tls, basicAuth,
                    registry, warnings);
        } catch (IOException e) {
            throw new IOException("--serve " + listen + ": "
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        }
    }

    private void refresh(MetricsExport export, OtlpExport otlp) throws KernelException {
        long start = System.nanoTime();
        monitor.sample();
        Report report = monitor.report(Figures.BANDWIDTH, false, uids, null, null, false, SortKey.ID, false,
                null);
        names.reports(monitor.exits());
        List<TaskActivity> tasks = new ArrayList<>(report.rows().size());
        for (Row r : report.rows()) {
            tasks.add(r.activity());
        }
        export.visibility(report.visibility());
        series.interval(report.rows());
        var interval = export.record(tasks, series::of, report.lostExitReports());
        if (otlp != null) {
            otlp.visibility(report.visibility());
            otlp.add(interval);
            otlp.expire(export.expired());
        }
        names.keepOnly(tasks);
        export.sampled(System.nanoTime() - start);
    }
}
