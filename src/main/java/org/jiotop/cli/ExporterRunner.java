package org.jiotop.cli;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpsConfigurator;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.jiotop.linux.KernelException;
import org.jiotop.linux.ProcFs;
import org.jiotop.linux.UserDb;
import org.jiotop.model.Report;
import org.jiotop.model.ReportSettings.Figures;
import org.jiotop.model.Row;
import org.jiotop.model.SortKey;
import org.jiotop.model.TaskActivity;
import org.jiotop.output.MetricsExport;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code --serve}: samples processes every interval and serves the counters on /metrics through
 * the Prometheus client's HTTP server, optionally behind basic auth and TLS.
 */
final class ExporterRunner {
    private final Options options;
    private final Set<Integer> uids;
    private final Monitor monitor;
    private final ExportNames names;

    ExporterRunner(Options options, Set<Integer> uids, ProcFs proc, Monitor monitor, UserDb users) {
        this.options = options;
        this.uids = uids;
        this.monitor = monitor;
        this.names = new ExportNames(proc, users);
    }

    int run(PrintStream err) throws KernelException, IOException {
        String[] hostPort = options.serve().split(" ");
        PrometheusRegistry registry = new PrometheusRegistry();
        MetricsExport export = new MetricsExport(registry, options.exportPids(), options.exportPidsMax());
        HTTPServer.Builder builder = HTTPServer.builder().hostname(hostPort[0]).port(Integer.parseInt(hostPort[1]))
                .registry(registry);
        if (options.serveAuth() != null) {
            builder.authenticator(basicAuth(options.serveAuth()));
        }
        if (options.serveTls() != null) {
            builder.httpsConfigurator(tls(options.serveTls()));
        }
        try (HTTPServer server = builder.buildAndStart()) {
            err.println("jiotop: serving metrics on " + (options.serveTls() != null ? "https" : "http") + "://"
                    + hostPort[0] + ":" + server.getPort() + "/metrics");
            Cadence cadence = new Cadence(options.delaySeconds());
            monitor.sample();
            for (long i = 0; options.iterations() < 0 || i < options.iterations(); i++) {
                if (!cadence.awaitNext()) {
                    break; // stopped from within this JVM (tests); a signal ends the JVM instead
                }
                monitor.sample();
                Report report = monitor.report(Figures.BANDWIDTH, false, uids, null, null,
                        (row, processes) -> null, SortKey.ID, false);
                List<TaskActivity> tasks = new ArrayList<>(report.rows().size());
                for (Row r : report.rows()) {
                    tasks.add(r.activity());
                }
                export.record(tasks, names::of, report.lostExitReports());
                names.keepOnly(tasks);
            }
        }
        return Main.EXIT_OK;
    }

    private static BasicAuthenticator basicAuth(String userAndFile) throws IOException {
        int colon = userAndFile.indexOf(':');
        String user = userAndFile.substring(0, colon);
        String password = Files.readString(Path.of(userAndFile.substring(colon + 1)), StandardCharsets.UTF_8).strip();
        return new BasicAuthenticator("jiotop") {
            @Override
            public boolean checkCredentials(String u, String p) {
                return java.security.MessageDigest.isEqual(u.getBytes(StandardCharsets.UTF_8),
                        user.getBytes(StandardCharsets.UTF_8))
                        && java.security.MessageDigest.isEqual(p.getBytes(StandardCharsets.UTF_8),
                        password.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /** A PKCS#12 key store holding the server's key and certificate, its password in a file. */
    private static HttpsConfigurator tls(String storeAndFile) throws IOException {
        int colon = storeAndFile.indexOf(':');
        char[] password = Files.readString(Path.of(storeAndFile.substring(colon + 1)), StandardCharsets.UTF_8).strip()
                .toCharArray();
        try (InputStream in = Files.newInputStream(Path.of(storeAndFile.substring(0, colon)))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(keys.getKeyManagers(), null, null);
            return new HttpsConfigurator(ssl);
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS key store " + storeAndFile.substring(0, colon) + ": " + e.getMessage(), e);
        }
    }
}
