package org.jiotop.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a running process shows itself to ps, top and jiotop: its command line, its name and its
 * threads' names, read from /proc once its launcher has handed over to the JVM.
 */
public record ProcessNames(byte[] cmdline, String name, List<String> threads) {
    /** The arguments as a list (the command line's NUL-separated words). */
    public List<String> arguments() {
        String text = new String(cmdline, StandardCharsets.UTF_8);
        return List.of(text.substring(0, Math.max(0, text.length() - 1)).split("\0", -1));
    }

    /**
     * Reads process {@code p} once its command line starts with {@code first} and its thread named
     * {@code thread} runs: before, it is still the launcher's shell or a JVM starting.
     */
    public static ProcessNames await(Process p, String first, String thread) throws IOException, InterruptedException {
        Path proc = Path.of("/proc", String.valueOf(p.pid()));
        while (p.isAlive()) {
            try {
                byte[] cmdline = Files.readAllBytes(proc.resolve("cmdline"));
                List<String> threads = new ArrayList<>();
                try (var tasks = Files.list(proc.resolve("task"))) {
                    for (Path t : tasks.toList()) {
                        threads.add(Files.readString(t.resolve("comm")).strip());
                    }
                }
                ProcessNames names = new ProcessNames(cmdline, Files.readString(proc.resolve("comm")).strip(), threads);
                if (names.arguments().getFirst().equals(first) && threads.contains(thread)) {
                    return names;
                }
            } catch (NoSuchFileException e) {
                // a thread ended between the listing and its reading: look again
            }
            Thread.sleep(20);
        }
        throw new AssertionError("process ended before it showed " + first + " and a thread " + thread
                + " (exit " + p.exitValue() + ")");
    }
}
