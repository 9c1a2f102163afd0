package org.jiotop.cli;

import org.jiotop.linux.Capability;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What the exporter says, and its status, when its password or key store is unusable; where it says it listens. */
class ExportSetupTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void root() {
        Capability.assume(Capability.NET_ADMIN);
    }

    private static MainTest.Result serve(String option) {
        return MainTest.run("--serve", "127.0.0.1:0", option, "-n", "1", "-d", "0.1");
    }

    private static void refused(MainTest.Result r, String message) {
        assertThat(r.status()).isEqualTo(Main.EXIT_CANNOT_RUN);
        assertThat(r.err()).isEqualTo("jiotop: " + message + "\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aSeriesCapBelowTheSeriesThereAlwaysAreIsRefusedWithTheirNumber() throws Exception {
        refused(serve("--export-max-series=14"), "--export-max-series=14 is below the 15 series the exporter"
                + " always has (its own, those of \"other\")");
        refused(MainTest.run("--serve", "127.0.0.1:0", "--export-pids", "--export-pids-max=1000", "-n", "1"),
                "--export-max-series=5000 is below the 5016 series the exporter always has (its own, those of"
                        + " \"other\" and of --export-pids-max processes)");
        Path empty = Files.writeString(tmp.resolve("token"), "\n");
        refused(MainTest.run("--serve", "127.0.0.1:0", "--otlp=http://127.0.0.1:9/v1/metrics",
                "--otlp-header=Authorization:" + empty, "-n", "1"), "--otlp-header: header value file " + empty
                + " is empty");
    }

    /** A header value the HTTP client would refuse at every push is refused at start, the value left out. */
    @Test
    void anOtlpHeaderFileThatHoldsNoHeaderValueIsNamed() throws Exception {
        Path twoLines = Files.writeString(tmp.resolve("token"), "Bearer s3cret\nsecond line\n");
        MainTest.Result r = MainTest.run("--otlp=http://127.0.0.1:9/v1/metrics",
                "--otlp-header=Authorization:" + twoLines, "-n", "1");
        refused(r, "--otlp-header: header value file " + twoLines + ": not one line of text (an HTTP header value"
                + " holds no line break, control character or character beyond Latin-1)");
        assertThat(r.err()).doesNotContain("s3cret");
        refused(MainTest.run("--otlp=http://127.0.0.1:9/v1/metrics", "--otlp-header=Authorization:/nonexistent/t",
                "-n", "1"), "--otlp-header: header value file /nonexistent/t: no such file");
    }

    /** Multi-tenant receivers (Mimir, Cortex) want a tenant header beside the credentials. */
    @Test
    void everyOtlpHeaderGivenIsSentWithEachPush() throws Exception {
        Path token = Files.writeString(tmp.resolve("token"), "Bearer s3cret\n");
        Path tenant = Files.writeString(tmp.resolve("tenant"), "team-a\n");
        java.util.List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/v1/metrics", x -> {
            x.getRequestBody().readAllBytes();
            received.add(x.getRequestHeaders().getFirst("Authorization") + " "
                    + x.getRequestHeaders().getFirst("X-Scope-OrgID"));
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        receiver.start();
        try {
            MainTest.Result r = MainTest.run("--otlp=http://127.0.0.1:" + receiver.getAddress().getPort()
                    + "/v1/metrics", "--otlp-header=Authorization:" + token, "--otlp-header=X-Scope-OrgID:" + tenant,
                    "-n", "2", "-d", "0.2");
            assertThat(r.status()).as(r.err()).isZero();
        } finally {
            receiver.stop(0);
        }
        assertThat(received).isNotEmpty().allMatch("Bearer s3cret team-a"::equals);
    }

    @Test
    void anEmptyPasswordFileIsRefused() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty"), " \n");
        refused(serve("--serve-auth=scraper:" + empty), "--serve-auth: password file " + empty + " is empty");
    }

    @Test
    void aPasswordFileThatCannotBeReadIsNamedWithTheReason() {
        refused(serve("--serve-auth=scraper:/nonexistent/jiotop-password"),
                "--serve-auth: password file /nonexistent/jiotop-password: no such file");
        refused(serve("--serve-auth=scraper:" + tmp), "--serve-auth: password file " + tmp + ": not a regular file");
        refused(serve("--serve-tls=/nonexistent/jiotop.p12:" + tmp),
                "--serve-tls: password file " + tmp + ": not a regular file");
    }

    @Test
    void aKeyStoreThatIsNoneOrWhosePasswordIsWrongIsNamed() throws Exception {
        Path password = Files.writeString(tmp.resolve("password"), "changeit\n");
        Path text = Files.writeString(tmp.resolve("text.p12"), "not a key store\n");
        refused(serve("--serve-tls=" + text + ":" + password),
                "--serve-tls: " + text + ": not a PKCS#12 key store, or its password is wrong");
        Path other = keyStore("another password");
        refused(serve("--serve-tls=" + other + ":" + password),
                "--serve-tls: " + other + ": not a PKCS#12 key store, or its password is wrong");
        Path empty = keyStore("changeit");
        refused(serve("--serve-tls=" + empty + ":" + password),
                "--serve-tls: " + empty + ": holds no private key (a certificate alone cannot serve TLS)");
        refused(serve("--serve-tls=/nonexistent/jiotop.p12:" + password),
                "--serve-tls: key store /nonexistent/jiotop.p12: no such file");
    }

    @Test
    void anAddressInUseOrUnknownIsNamed() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            MainTest.Result r = MainTest.run("--serve", "127.0.0.1:" + taken.getLocalPort(), "-n", "1");
            refused(r, "--serve 127.0.0.1:" + taken.getLocalPort() + ": Address already in use");
        }
        refused(MainTest.run("--serve", "nohost.invalid:9123", "-n", "1"),
                "--serve nohost.invalid:9123: no such host: nohost.invalid");
    }

    /** An empty PKCS#12 key store under {@code password}. */
    private Path keyStore(String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Path file = Files.createTempFile(tmp, "store", ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    @Test
    void anIpv6AddressIsPrintedInBracketsAndServes() throws Exception {
        assumeTrue(Files.readString(Path.of("/proc/net/if_inet6")).contains(" lo"), "no IPv6 loopback");
        try (ExporterProcess exporter = ExporterProcess.listening(tmp, "[::1]:0", "-d", "0.2")) {
            assertThat(exporter.url()).matches("http://\\[::1\\]:[0-9]+/metrics");
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(exporter.url()))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("jiotop_groups ");
        }
    }

    @Test
    void sigtermEndsTheExporterCleanlyWithClientsConnected() throws Exception {
        try (ExporterProcess exporter = ExporterProcess.start(tmp, "-d", "0.2", "--export-pids");
             java.net.Socket idle = new java.net.Socket("127.0.0.1", exporter.port())) {
            idle.setSoTimeout(60_000);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(exporter.url()))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(exporter.terminate()).as("ended by SIGTERM, as a JVM so ended").isEqualTo(128 + 15);
            assertThat(exporter.stderr()).isEqualTo("jiotop: serving metrics on " + exporter.url() + "\n");
            assertThat(idle.getInputStream().read()).as("the idle connection is closed").isEqualTo(-1);
        }
    }

    /**
     * systemd takes only 0 and death by SIGTERM as a clean stop; a JVM exits with 128 + 15 instead,
     * which the unit must list, or every {@code systemctl stop} leaves it failed.
     */
    @Test
    void theSystemdUnitTakesTheStatusSigtermLeavesAsSuccess() throws Exception {
        int status;
        try (ExporterProcess exporter = ExporterProcess.start(tmp, "-d", "0.2")) {
            status = exporter.terminate();
        }
        List<String> success = Files.readString(Path.of("deploy/systemd/jiotop.service")).lines()
                .filter(l -> l.startsWith("SuccessExitStatus="))
                .flatMap(l -> Arrays.stream(l.substring(l.indexOf('=') + 1).strip().split("\\s+"))).toList();
        assertThat(success).as("SuccessExitStatus of deploy/systemd/jiotop.service").contains(Integer.toString(status));
    }
}
