package org.jiotop.cli;

import org.jiotop.linux.Capability;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that connect and then send their request slowly or never, or far too much of it, against
 * an exporter in its own JVM with the launcher's heap: scrapes go on being answered within 2 s,
 * and the slow connections are closed once their time is up.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExportHostileClientsTest {
    /** More than the server keeps open (64), and far more than it renders at once. */
    private static final int SILENT = 80;
    private static final int TRICKLING = 20;

    @TempDir
    Path tmp;

    @BeforeEach
    void root() {
        Capability.assume(Capability.NET_ADMIN);
    }

    @Test
    void slowClientsDoNotHoldUpScrapesAndAreClosedAtTheirDeadline() throws Exception {
        try (ExporterProcess exporter = ExporterProcess.start(tmp, "-d", "0.5")) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            scrapesKeepBeingAnswered(exporter, http, 0, "GET /metrics HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII),
                    "X-Slow: one header line a second\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void slowTlsHandshakesDoNotHoldUpScrapes() throws Exception {
        Path store = tmp.resolve("jiotop.p12");
        Path password = Files.writeString(tmp.resolve("store-password"), "changeit\n");
        Process gen = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "jiotop", "-keyalg", "EC", "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass", "changeit", "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1",
                "-validity", "2").redirectErrorStream(true).start();
        assertThat(gen.waitFor()).as(new String(gen.getInputStream().readAllBytes())).isZero();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            trust.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ssl).build();
        // The start of a TLS 1.2 handshake record of 512 bytes, and then the ClientHello never ends.
        byte[] partialHello = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};
        try (ExporterProcess exporter = ExporterProcess.start(tmp, "-d", "0.5",
                "--serve-tls=" + store + ":" + password)) {
            scrapesKeepBeingAnswered(exporter, https, 1, partialHello, new byte[]{0x00});
            // Plain HTTP to the TLS port: a handshake that failed, said on stderr.
            try (Socket plain = new Socket("127.0.0.1", exporter.port())) {
                plain.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                plain.getInputStream().readAllBytes();
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!exporter.stderr().contains("--serve: a TLS handshake failed") && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertThat(exporter.stderr()).contains("--serve: a TLS handshake failed");
        }
    }

    /**
     * Opens {@link #SILENT} connections that send {@code start} and then nothing, and
     * {@link #TRICKLING} that send {@code start} and then {@code more} every second; meanwhile
     * scrapes every 200 ms must all be answered within 2 s, and after the head deadline (5 s) every
     * slow connection must have been closed by the server.
     */
    private static void scrapesKeepBeingAnswered(ExporterProcess exporter, HttpClient http, int tlsSkip,
                                                 byte[] start, byte[] more) throws Exception {
        String url = exporter.url();
        assertThat(scrape(http, url).statusCode()).isEqualTo(200);
        List<Socket> slow = new ArrayList<>();
        List<Thread> tricklers = new ArrayList<>();
        try {
            for (int i = 0; i < SILENT + TRICKLING; i++) {
                Socket s = new Socket("127.0.0.1", exporter.port());
                s.getOutputStream().write(start);
                slow.add(s);
                if (i >= SILENT) {
                    tricklers.add(Thread.ofVirtual().start(() -> trickle(s, more)));
                }
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(7);
            int answered = 0;
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = scrape(http, url);
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(ms).as("scrape %d took %d ms", answered, ms).isLessThan(2000);
                assertThat(r.body()).contains("jiotop_groups ");
                answered++;
                Thread.sleep(200);
            }
            assertThat(answered).isGreaterThan(10);
            for (Socket s : slow) {
                assertThat(closedByServer(s)).as("slow connection %s still open", s).isTrue();
            }
            assertThat(exporter.alive()).isTrue();
            assertThat(exporter.stderr()).doesNotContain("Exception in", "OutOfMemoryError", "SEVERE");
        } finally {
            for (Socket s : slow) {
                s.close();
            }
            for (Thread t : tricklers) {
                t.join(5000);
            }
        }
    }

    private static void trickle(Socket s, byte[] more) {
        try {
            OutputStream out = s.getOutputStream();
            while (true) {
                Thread.sleep(1000);
                out.write(more);
            }
        } catch (IOException | InterruptedException e) {
            // closed: by the server, as it should, or by the test at its end
        }
    }

    /** Whether the server has closed {@code s}: a read ends (or is reset) within 3 s, with no answer but an error. */
    private static boolean closedByServer(Socket s) throws IOException {
        s.setSoTimeout(3000);
        try {
            byte[] b = new byte[4096];
            int n;
            while ((n = s.getInputStream().read(b)) > 0) {
                String said = new String(b, 0, n, StandardCharsets.ISO_8859_1);
                assertThat(said).as("what a slow client was sent").doesNotStartWith("HTTP/1.1 200");
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    private static HttpResponse<String> scrape(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aHeadOfOneMebibyteGets431AndAClosedConnection() throws Exception {
        try (ExporterProcess exporter = ExporterProcess.start(tmp, "-d", "0.5");
             Socket s = new Socket("127.0.0.1", exporter.port())) {
            s.setSoTimeout(5000);
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    out.write("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: ".getBytes(StandardCharsets.US_ASCII));
                    out.write("a".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII));
                    out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the server may close before all of it is sent
                }
            });
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 431 ").contains("Connection: close\r\n");
            writer.join(5000);
            assertThat(exporter.alive()).isTrue();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            assertThat(scrape(http, exporter.url()).statusCode()).isEqualTo(200);
        }
    }
}
