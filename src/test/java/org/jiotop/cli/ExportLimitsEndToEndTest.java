package org.jiotop.cli;

import org.jiotop.linux.Capability;
import org.jiotop.output.MetricsExport;
import org.jiotop.testkit.Child;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An exporter in its own JVM, with the launcher's heap ceiling and a cap on series, counting the
 * processes of one user while 2,000 distinctly named programs of that user each write one page:
 * scraped all along, its series never exceed the cap, the sum over all series never goes back and
 * ends at the bytes written, and its RSS stays flat. It then serves 500 concurrent scrapes of its
 * largest response and clients that hang up mid-response without running out of memory or
 * filling stderr.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExportLimitsEndToEndTest {
    private static final int WRITERS = 2000;
    private static final int MAX_SERIES = 2000;
    private static final int PAGE = 4096;
    private static final int PIDS_MAX = 50;
    private static final int NOBODY = 65534;
    private static final Pattern WRITTEN = Pattern.compile(
            "(?m)^jiotop_write_bytes_total\\{command=\"([^\"]*)\",user=\"([^\"]*)\"\\} (\\S+)$");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** What one scrape during the churn saw. */
    private record Scrape(long series, double written, long rssKib) {
    }

    @TempDir
    static Path tmp;
    private ExporterProcess exporter;
    /** The writers' names: this, then their number. */
    private String prefix;
    private String afterChurn;
    /** The bytes the kernel counted the writers and their spawner writing, from getrusage. */
    private long kernelCounted;
    private final List<Scrape> scrapes = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    void churn() throws Exception {
        Capability.assume(Capability.NET_ADMIN);
        exporter = ExporterProcess.start(tmp, "-d", "0.2", "--export-pids", "--export-pids-max=" + PIDS_MAX,
                "--export-max-series=" + MAX_SERIES, "-u", Integer.toString(NOBODY));
        scrapes.add(scrape(metrics()));
        prefix = "j" + (char) ('a' + ThreadLocalRandom.current().nextInt(26))
                + (char) ('a' + ThreadLocalRandom.current().nextInt(26));
        Path scratch = Files.createDirectories(Path.of("target", "e2e-scratch"));
        Path file = scratch.resolve("named-writers-" + prefix);
        Path links = Files.createDirectories(scratch.resolve("links-" + prefix));
        // Created beforehand: the writer that created it would also be charged the directory's pages.
        Files.deleteIfExists(file);
        Files.createFile(file);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        // A process is named after the file it runs: each writer is dd run through a link of its
        // own, appending one page, as the one user the exporter counts, so that the machine's other
        // I/O is not in the sums. Spawned (not forked from the interpreter) and eight at a time, as
        // creating 2,000 processes is most of this test's time.
        for (int i = 0; i < WRITERS; i++) {
            Files.createSymbolicLink(links.resolve(prefix + i), Path.of("/bin/dd"));
        }
        String script = """
                import os, resource, sys
                n, path, prefix, links = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
                os.setgroups([])
                os.setgid(%d)
                os.setuid(%d)
                running = 0
                for i in range(n):
                    link = os.path.join(links, prefix + str(i))
                    os.posix_spawn(link, [link, 'if=/dev/zero', 'of=' + path, 'bs=%d', 'count=1',
                                          'oflag=append', 'conv=notrunc', 'status=none'], {})
                    running += 1
                    if running == 8:
                        os.wait()
                        running -= 1
                while running:
                    os.wait()
                    running -= 1
                # What the kernel counted its children (all waited for) and itself writing, in 512-byte blocks.
                print(512 * (resource.getrusage(resource.RUSAGE_CHILDREN).ru_oublock
                             + resource.getrusage(resource.RUSAGE_SELF).ru_oublock), flush=True)
                """.formatted(NOBODY, NOBODY, PAGE);
        Thread scraper = Thread.ofVirtual().start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    scrapes.add(scrape(metrics()));
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long written;
        try (Child writers = Child.command("python3", "-c", script, Integer.toString(WRITERS), file.toString(),
                prefix, links.toString())) {
            written = Long.parseLong(writers.readLine());
        } finally {
            Files.deleteIfExists(file);
            try (var l = Files.list(links)) {
                for (Path link : l.toList()) {
                    Files.delete(link);
                }
            }
            Files.delete(links);
        }
        // The last exits are counted a refresh or two later.
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        do {
            Thread.sleep(300);
            afterChurn = metrics();
        } while (scrape(afterChurn).written() - scrapes.getFirst().written() < written && System.nanoTime() < end);
        kernelCounted = written;
        scraper.interrupt();
        scraper.join();
        scrapes.add(scrape(afterChurn));
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (exporter != null) {
            exporter.close();
        }
    }

    private String metrics() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(exporter.url()))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private Scrape scrape(String metrics) throws IOException {
        long rss = Files.readAllLines(Path.of("/proc", Long.toString(exporter.pid()), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .findFirst().orElseThrow();
        return new Scrape(metrics.lines().filter(l -> l.startsWith("jiotop_")).count(),
                written(metrics).values().stream().mapToDouble(Double::doubleValue).sum(), rss);
    }

    /** jiotop_write_bytes_total by "command/user". */
    private static Map<String, Double> written(String metrics) {
        Map<String, Double> out = new HashMap<>();
        Matcher m = WRITTEN.matcher(metrics);
        while (m.find()) {
            out.put(m.group(1) + "/" + m.group(2), Double.parseDouble(m.group(3)));
        }
        return out;
    }

    private static double value(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(metrics);
        assertThat(m.find()).as(name).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void seriesStayWithinTheCapAndTheirSumIsEveryByteWrittenNeverGoingBack() {
        System.out.printf("exporter RSS during the churn of %d programs: %d KiB at start, %d KiB at most,"
                        + " %d KiB at the end, over %d scrapes%n", WRITERS, scrapes.getFirst().rssKib(),
                scrapes.stream().mapToLong(Scrape::rssKib).max().orElseThrow(), scrapes.getLast().rssKib(),
                scrapes.size());
        assertThat(scrapes.size()).isGreaterThan(10);
        assertThat(scrapes).allSatisfy(s -> assertThat(s.series()).isLessThanOrEqualTo(MAX_SERIES));
        for (int i = 1; i < scrapes.size(); i++) {
            assertThat(scrapes.get(i).written()).as("scrape %d", i)
                    .isGreaterThanOrEqualTo(scrapes.get(i - 1).written());
        }
        double total = scrapes.getLast().written() - scrapes.getFirst().written();
        assertThat(kernelCounted).isGreaterThanOrEqualTo((long) WRITERS * PAGE);
        assertThat(total).isCloseTo((double) kernelCounted, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(scrapes.getLast().rssKib()).isLessThan(2 * scrapes.getFirst().rssKib());
        assertThat(value(afterChurn, "jiotop_series")).isLessThanOrEqualTo(MAX_SERIES);
        assertThat(value(afterChurn, "jiotop_groups_folded_total")).isPositive();
        Map<String, Double> own = new HashMap<>(written(afterChurn));
        assertThat(own).containsKey("other/other");
        own.keySet().removeIf(k -> !k.startsWith(prefix));
        assertThat(own).isNotEmpty();
        // One page each; now and then a writer is also charged a page of file system metadata, more
        // often on a loaded machine (20 of 345 writers in one run).
        assertThat(own.values()).as("%s", own).allSatisfy(v -> {
            assertThat(v).isPositive();
            assertThat(v % PAGE).isZero();
        });
        assertThat(own.values().stream().filter(v -> v == PAGE).count()).as("%s", own)
                .isGreaterThanOrEqualTo(own.size() * 90L / 100);
        assertThat(exporter.alive()).isTrue();
    }

    @Test
    void perProcessSeriesStayWithinTheirCap() throws Exception {
        String now = metrics();
        assertThat(now.lines().filter(l -> l.startsWith("jiotop_process_write_bytes_total{")).count())
                .isLessThanOrEqualTo(PIDS_MAX);
    }

    @Test
    void fiveHundredConcurrentScrapesAreAllAnswered() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<String>> scrapes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            scrapes.add(client.sendAsync(HttpRequest.newBuilder(URI.create(exporter.url()))
                            .timeout(Duration.ofSeconds(40)).build(), HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(r -> r.statusCode() + " " + (r.body().length > 100_000)));
        }
        for (CompletableFuture<String> s : scrapes) {
            assertThat(s.get(60, TimeUnit.SECONDS)).isEqualTo("200 true");
        }
        assertThat(exporter.alive()).isTrue();
        assertThat(exporter.stderr()).doesNotContain("OutOfMemoryError", "out of memory", "Exception in");
    }

    @Test
    void clientsThatHangUpMidResponseGiveOneLineOnStderr() throws Exception {
        long before = wentAway();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            clients.add(Thread.ofVirtual().start(() -> {
                try (Socket s = new Socket("127.0.0.1", exporter.port())) {
                    s.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    // Reset at once: the response, rendered after, goes to a connection already gone
                    // (one that is read a little first may fit whole in the kernel's buffers).
                    s.setSoLinger(true, 0);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        for (Thread t : clients) {
            t.join(15_000);
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (wentAway() == 0 && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        assertThat(wentAway()).as(exporter.stderr()).isPositive();
        assertThat(wentAway() - before).as(exporter.stderr()).isLessThanOrEqualTo(1);
        assertThat(exporter.stderr()).doesNotContain("SEVERE", "\tat ");
        assertThat(metrics()).contains("jiotop_groups ");
    }

    private long wentAway() throws IOException {
        return exporter.stderr().lines().filter(l -> l.contains("went away mid-response")).count();
    }
}
