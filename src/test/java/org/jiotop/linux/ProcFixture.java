package org.jiotop.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A /proc that lists only chosen processes: links to their real files, and to the system files a
 * scan reads, so that tests against the running kernel see no other process start or end.
 */
final class ProcFixture {
    private static final Path REAL = Path.of("/proc");

    private ProcFixture() {
    }

    /** {@code pids}, each with its io, status and task folder. */
    static ProcFs of(Path root, int... pids) throws IOException {
        for (int pid : pids) {
            link(root, pid, "io", "status", "task");
        }
        return system(root);
    }

    /** {@code pid} without its io file (as /proc/1/io is unreadable here even for root). */
    static ProcFs withoutIo(Path root, int pid) throws IOException {
        link(root, pid, "status", "task");
        return system(root);
    }

    private static void link(Path root, int pid, String... names) throws IOException {
        Path dir = Files.createDirectories(root.resolve(Integer.toString(pid)));
        for (String name : names) {
            Files.createSymbolicLink(dir.resolve(name), REAL.resolve(pid + "/" + name));
        }
    }

    private static ProcFs system(Path root) throws IOException {
        Files.createSymbolicLink(root.resolve("vmstat"), REAL.resolve("vmstat"));
        Files.createSymbolicLink(root.resolve("sys"), REAL.resolve("sys"));
        return new ProcFs(root);
    }
}
