package org.jiotop.cli;

import com.sun.net.httpserver.HttpServer;
import org.jiotop.linux.Capability;
import org.jiotop.testkit.Child;
import org.jiotop.testkit.IoRecorder;
import org.jiotop.testkit.SteadyWriter;
import org.jiotop.testkit.TestCgroups;
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
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code --otlp}, with {@code --serve} or alone: a loopback receiver decodes each push with the
 * official OTLP protobuf classes and finds the writer's bytes as the kernel counted them, per
 * process or per container; a receiver that fails, is not there or never answers holds up no
 * sample and costs one line on stderr, not one per interval.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class OtlpEndToEndTest {
    private static final long RATE = 8L << 20;
    private static final String NAME = "jotlp";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

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
        Path token = Files.writeString(tmp.resolve("token"), "Bearer s3cret\n");
        try (OtlpReceiver receiver = OtlpReceiver.start("process.disk.io", "process.executable.name", NAME);
             Child w = writer(); IoRecorder kernel = new IoRecorder(w.pid());
             ExporterProcess exporter = ExporterProcess.start(tmp, "-d", "0.25", "--otlp", receiver.url(),
                     "--otlp-header=Authorization:" + token)) {
            assertThat(exporter.listeningPorts()).containsExactly(exporter.port());
            receiver.carriesTheKernelsRate(kernel);
            assertThat(exporter.stderr()).doesNotContain("otlp");
            assertThat(receiver.authorization()).isEqualTo("Bearer s3cret");
        }
    }

    /**
     * {@code --otlp} alone: no port is opened, the writer's bytes arrive as with {@code --serve}, a
     * closed stdin (a service's) does not end it, and SIGTERM does, as it ends the exporter.
     */
    @Test
    void aloneItPushesWithoutListeningAndEndsOnSigterm() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start("process.disk.io", "process.executable.name", NAME);
             Child w = writer(); IoRecorder kernel = new IoRecorder(w.pid());
             ExporterProcess exporter = ExporterProcess.pushing(tmp, receiver.url(), "-d", "0.25")) {
            exporter.closeStdin();
            assertThat(exporter.listeningPorts()).isEmpty();
            receiver.carriesTheKernelsRate(kernel);
            assertThat(exporter.alive()).isTrue();
            assertThat(exporter.terminate()).as("ended by SIGTERM, as a JVM so ended").isEqualTo(128 + 15);
            assertThat(exporter.stderr()).isEqualTo("jiotop: pushing metrics to " + receiver.url() + "\n");
        }
    }

    /**
     * Counters from /proc (--procfs) have no swap-in delay: none is pushed, as no Prometheus series
     * has one, while the block-I/O delay is.
     */
    @Test
    void fromProcNoSwapinDelayIsPushed() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start("process.disk.io", "process.executable.name", NAME);
             Child w = writer(); IoRecorder kernel = new IoRecorder(w.pid());
             ExporterProcess exporter = ExporterProcess.pushing(tmp, receiver.url(), "-d", "0.25", "--procfs")) {
            receiver.carriesTheKernelsRate(kernel);
            assertThat(receiver.names()).contains("process.disk.io", "jiotop.blkio_delay")
                    .doesNotContain("jiotop.swapin_delay");
        }
    }

    /**
     * With {@code --export-by} naming container, the counter is {@code container.disk.io} and a
     * writer in a cgroup named like a Docker container is found under its 12-digit ID.
     */
    @Test
    void byContainerTheWritersBytesArriveAsContainerDiskIo() throws Exception {
        Capability.assume(Capability.NET_ADMIN, Capability.DAC_OVERRIDE);
        assumeTrue(Files.exists(TestCgroups.SYSTEMD.resolve("cgroup.procs")), "needs the v1 name=systemd hierarchy");
        String id = TestCgroups.randomContainerId();
        try (TestCgroups cgroups = new TestCgroups(); Child w = cgroups.writerInContainer("otlp", id, RATE)) {
            try (OtlpReceiver receiver = OtlpReceiver.start("container.disk.io", "container.name", id.substring(0, 12));
                 IoRecorder kernel = new IoRecorder(w.pid());
                 ExporterProcess exporter = ExporterProcess.pushing(tmp, receiver.url(), "-d", "0.25",
                         "--export-by=command,container")) {
                receiver.carriesTheKernelsRate(kernel);
                assertThat(exporter.stderr()).isEqualTo("jiotop: pushing metrics to " + receiver.url() + "\n");
            }
        }
    }

    /** What rises each interval that sampling goes on. */
    private interface Progress {
        long now() throws Exception;
    }

    /**
     * {@code progress} goes on rising (sampling is not held up) while the receiver has failed many
     * times, which stderr says in one line.
     */
    private void samplingGoesOnAndOneLineSaysSo(ExporterProcess exporter, String says, Progress progress)
            throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!exporter.stderr().contains(says) && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        long before = progress.now();
        int rises = 0;
        // Ten rises at an interval of 0.1 s: ten or more pushes have fallen due since the line.
        while (rises < 10 && System.nanoTime() < end) {
            Thread.sleep(150);
            long now = progress.now();
            if (now > before) {
                rises++;
                before = now;
            }
        }
        assertThat(rises).isEqualTo(10);
        assertThat(exporter.stderr().lines().filter(l -> l.contains("--otlp")).toList()).as(exporter.stderr())
                .hasSize(1).allSatisfy(l -> assertThat(l).contains(says).doesNotContain("Exception"));
    }

    /** With --serve, the writer's counter scrape after scrape. */
    private void servedGoesOn(String url, String says) throws Exception {
        try (ExporterProcess exporter = ExporterProcess.start(tmp, "-d", "0.1", "--otlp", url)) {
            samplingGoesOnAndOneLineSaysSo(exporter, says, () -> counted(exporter));
        }
    }

    /** With --otlp alone, which has nothing to scrape: the recording, which grows every interval. */
    private void pushedGoesOn(String url, String says) throws Exception {
        Path recording = Files.createTempFile(tmp, "otlp", ".jiotop");
        Files.delete(recording);
        try (ExporterProcess exporter = ExporterProcess.pushing(tmp, url, "-d", "0.1", "--record",
                recording.toString())) {
            samplingGoesOnAndOneLineSaysSo(exporter, says, () -> Files.size(recording));
        }
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
        String nobody = "http://127.0.0.1:" + freePort() + "/v1/metrics";
        try (Child w = writer()) {
            for (String url : List.of(at + "/fails", nobody, at + "/hangs")) {
                servedGoesOn(url, "jiotop: --otlp " + url + ": ");
                pushedGoesOn(url, "jiotop: --otlp " + url + ": ");
            }
        } finally {
            release.countDown();
            receiver.stop(0);
        }
    }
}
