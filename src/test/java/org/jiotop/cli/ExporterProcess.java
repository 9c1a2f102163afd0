package org.jiotop.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * jiotop's exporter in a JVM of its own with the launcher's flags (scripts/jvm-flags.sh), so with
 * the heap ceiling it has in production: what runs out of memory there fails the test, and the
 * test JVM's heap cannot hide it. Its stderr goes to a file the test reads.
 */
final class ExporterProcess implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("serving metrics on (https?://\\S+)");
    private static final Pattern PUSHING = Pattern.compile("pushing metrics to (\\S+)");

    private final Process process;
    private final Path stderr;
    private final String url;

    private ExporterProcess(Process process, Path stderr, String url) {
        this.process = process;
        this.stderr = stderr;
        this.url = url;
    }

    /** Starts {@code jiotop --serve 127.0.0.1:0 OPTIONS} and waits until it listens. */
    static ExporterProcess start(Path dir, String... options) throws IOException, InterruptedException {
        return listening(dir, "127.0.0.1:0", options);
    }

    /** Starts {@code jiotop --serve ADDRESS OPTIONS} and waits until it listens. */
    static ExporterProcess listening(Path dir, String address, String... options)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--serve", address));
        args.addAll(Arrays.asList(options));
        return launch(dir, args, URL);
    }

    /** Starts {@code jiotop --otlp URL OPTIONS}, without --serve, and waits until it says where it pushes. */
    static ExporterProcess pushing(Path dir, String url, String... options) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--otlp", url));
        args.addAll(Arrays.asList(options));
        return launch(dir, args, PUSHING);
    }

    private static ExporterProcess launch(Path dir, List<String> args, Pattern started)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        cmd.addAll(launcherFlags());
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(args);
        Path stderr = Files.createTempFile(dir, "exporter", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            Matcher m = started.matcher(Files.readString(stderr));
            if (m.find()) {
                return new ExporterProcess(p, stderr, m.group(1));
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new AssertionError("the exporter did not start: " + Files.readString(stderr));
    }

    private static List<String> launcherFlags() throws IOException, InterruptedException {
        Process sh = new ProcessBuilder("sh", "-c", ". scripts/jvm-flags.sh && jiotop_jvm_flags"
                + " && printf '%s' \"$JIOTOP_JVM_FLAGS\"").redirectErrorStream(true).start();
        String flags = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (sh.waitFor() != 0) {
            throw new AssertionError("scripts/jvm-flags.sh: " + flags);
        }
        return List.of(flags.strip().split("\\s+"));
    }

    /** Where /metrics is, e.g. {@code http://127.0.0.1:43211/metrics}; with --otlp alone, where it pushes. */
    String url() {
        return url;
    }

    int port() {
        return Integer.parseInt(url.replaceAll(".*:(\\d+)/metrics$", "$1"));
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    String stderr() throws IOException {
        return Files.readString(stderr);
    }

    /** Closes its stdin, as a service's is (/dev/null reads as closed at once). */
    void closeStdin() throws IOException {
        process.getOutputStream().close();
    }

    /** The TCP ports it listens on (IPv4 and IPv6), from its socket descriptors and /proc/net. */
    Set<Integer> listeningPorts() throws IOException {
        Set<String> sockets = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid()), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        sockets.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed since it was listed
                }
            }
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.strip().split("\\s+");
                // local address, state (0A: LISTEN), inode
                if (f[3].equals("0A") && sockets.contains(f[9])) {
                    ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    /** Sends SIGTERM and waits for the exit; its status. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the exporter did not end on SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
