package org.jiotop.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Cgroups a test makes in the running kernel's v1 hierarchies (blkio, and systemd's named one),
 * the processes it moves into them, and a shell writer: undone in reverse on close, also when the
 * test fails (processes go back to the root of each hierarchy, the writer is killed, the cgroups
 * removed).
 */
public final class TestCgroups implements AutoCloseable {
    public static final Path MOUNT = Path.of("/sys/fs/cgroup");
    public static final Path BLKIO = MOUNT.resolve("blkio");
    public static final Path SYSTEMD = MOUNT.resolve("systemd");

    private final List<Path> made = new ArrayList<>();
    private final Set<Path> hierarchies = new LinkedHashSet<>();
    private final List<Path> leaves = new ArrayList<>();
    private final Set<Integer> moved = new LinkedHashSet<>();
    private Path scratch;
    private Child writer;

    /** Makes the cgroup {@code names} (each inside the one before) in {@code hierarchy}; its path. */
    public Path make(Path hierarchy, String... names) throws IOException {
        Path dir = hierarchy;
        for (String name : names) {
            dir = dir.resolve(name);
            if (!Files.exists(dir)) {
                Files.createDirectory(dir);
                made.add(dir);
            }
        }
        hierarchies.add(hierarchy);
        leaves.add(dir);
        return dir;
    }

    /**
     * Sets a limit far above any disk on the device of the scratch folder, so that v1 counts its
     * I/O: "MAJ:MIN", or null when the kernel takes no limit for it (not a whole disk).
     */
    public String throttleScratchDevice(Path cgroup) throws IOException {
        long dev = (long) Files.getAttribute(scratchFolder(), "unix:dev");
        long major = (dev >>> 8 & 0xfff) | (dev >>> 32 & ~0xfffL);
        long minor = (dev & 0xff) | (dev >>> 12 & ~0xffL);
        String device = major + ":" + minor;
        try {
            Files.writeString(cgroup.resolve("blkio.throttle.write_bps_device"), device + " 1000000000000\n");
            return device;
        } catch (IOException e) {
            return null;
        }
    }

    /** Moves process {@code pid} into each of {@code cgroups} (made by {@link #make}). */
    public void move(int pid, Path... cgroups) throws IOException {
        moved.add(pid);
        for (Path c : cgroups) {
            Files.writeString(c.resolve("cgroup.procs"), pid + "\n");
        }
    }

    /**
     * Starts a shell, moves it into every cgroup made, then on "go" has it write {@code bytes}
     * with O_DIRECT, say "written", and sleep.
     */
    public Child writer(int bytes) throws IOException {
        Path file = scratchFolder().resolve("cgroup-writer-" + ProcessHandle.current().pid() + ".bin");
        writer = Child.command("sh", "-c", "read go; dd if=/dev/zero of='" + file + "' bs=64k count="
                + bytes / 65536 + " oflag=direct 2>/dev/null; rm -f '" + file + "'; echo written; exec sleep 600");
        move(writer.pid(), leaves.toArray(Path[]::new));
        return writer;
    }

    /** A random container ID, 64 hexadecimal digits as Docker's (its label is the first 12). */
    public static String randomContainerId() {
        byte[] raw = new byte[32];
        ThreadLocalRandom.current().nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }

    /**
     * A {@link SteadyWriter} of {@code rate} bytes a second in a cgroup of the name=systemd hierarchy
     * named like the Docker container {@code id}, moved there before it writes, so that all it
     * writes is the container's. {@code name} tells its slice and file from other tests'.
     */
    public Child writerInContainer(String name, String id, long rate) throws Exception {
        Child w = Child.java(SteadyWriter.class, scratchFolder().resolve(name + "-" + ProcessHandle.current().pid())
                .toString(), Long.toString(rate));
        try {
            move(w.pid(), make(SYSTEMD, "jiotop-" + name + "-" + id.substring(0, 8) + ".slice",
                    "docker-" + id + ".scope"));
            w.readLine();
            return w;
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
    }

    /** The folder on disk (under target/) where writers write. */
    public Path scratchFolder() throws IOException {
        if (scratch == null) {
            scratch = Files.createDirectories(Path.of("target", "e2e-scratch")).toAbsolutePath();
        }
        return scratch;
    }

    @Override
    public void close() throws Exception {
        for (int pid : moved) {
            for (Path hierarchy : hierarchies) {
                try {
                    Files.writeString(hierarchy.resolve("cgroup.procs"), pid + "\n");
                } catch (IOException e) {
                    // gone already: its cgroups are empty all the same
                }
            }
        }
        if (writer != null) {
            writer.close();
        }
        for (int i = made.size() - 1; i >= 0; i--) {
            Files.delete(made.get(i));
        }
    }
}
