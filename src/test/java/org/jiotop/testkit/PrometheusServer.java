package org.jiotop.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (Debian package "prometheus") on a free loopback port, scraping every
 * second the targets given as job "jiotop", its data and log in a folder of the test's; stopped on
 * close.
 */
public record PrometheusServer(Process process, int port, Path log) implements AutoCloseable {

    /** Starts it, scraping {@code 127.0.0.1:PORT} for each of {@code targets}. */
    public static PrometheusServer start(Path dir, int... targets) throws IOException {
        StringJoiner list = new StringJoiner(", ", "[", "]");
        for (int t : targets) {
            list.add("'127.0.0.1:" + t + "'");
        }
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: jiotop
                    static_configs:
                      - targets: %s
                """.formatted(list));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = dir.resolve("prometheus.log");
        Process p = new ProcessBuilder("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PrometheusServer(p, port, log);
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
        process.destroyForcibly();
    }
}
