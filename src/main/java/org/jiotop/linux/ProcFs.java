package org.jiotop.linux;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads {@code /proc} under a given root, so tests can point it at a fixture tree. A file that
 * vanished or cannot be read gives null or -1: tasks come and go between listing and reading.
 */
public final class ProcFs {
    /** Longest command line read; anything longer is cut (and shown with a marker). */
    public static final int MAX_CMDLINE = 128 * 1024;
    private static final int SMALL_FILE = 16 * 1024;

    private final Path root;
    private final File rootDir;
    private final byte[] buffer = new byte[SMALL_FILE];

    public ProcFs(Path root) {
        this.root = root;
        this.rootDir = root.toFile();
    }

    public static ProcFs system() {
        return new ProcFs(Path.of("/proc"));
    }

    /** Every PID listed, ascending. */
    public int[] pids() {
        return ids(rootDir.list());
    }

    /** The TIDs of process {@code pid}, ascending; empty when it is gone. */
    public int[] tids(int pid) {
        return ids(new File(rootDir, pid + "/task").list());
    }

    private static int[] ids(String[] names) {
        if (names == null) {
            return new int[0];
        }
        int[] ids = new int[names.length];
        int n = 0;
        for (String name : names) {
            int id = ProcParsers.parseId(name);
            if (id > 0) {
                ids[n++] = id;
            }
        }
        int[] out = Arrays.copyOf(ids, n);
        Arrays.sort(out);
        return out;
    }

    /** The raw NUL-separated command line of {@code pid} (empty for kernel threads), or null. */
    public byte[] cmdline(int pid) {
        try (InputStream in = Files.newInputStream(root.resolve(pid + "/cmdline"))) {
            return in.readNBytes(MAX_CMDLINE);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** The raw name ({@code comm}) of thread {@code tid} of process {@code tgid}, or null. */
    public byte[] comm(int tgid, int tid) {
        int n = read(root.resolve(tgid + "/task/" + tid + "/comm"));
        if (n < 0) {
            return null;
        }
        if (n > 0 && buffer[n - 1] == '\n') {
            n--;
        }
        return Arrays.copyOf(buffer, n);
    }

    /** {@code /proc/PID/io}, or null when it is gone or unreadable (as /proc/1/io is here). */
    public ProcessIo processIo(int pid) {
        int n = read(root.resolve(pid + "/io"));
        return n < 0 ? null : ProcParsers.parseIo(buffer, n);
    }

    /** The thread group of {@code tid}, or -1 when the task is gone. */
    public int tgidOf(int tid) {
        int n = read(root.resolve(tid + "/status"));
        return n < 0 ? -1 : ProcParsers.parseStatusTgid(buffer, n);
    }

    /** The parent of process {@code pid}, or -1 when it is gone. */
    public int ppidOf(int pid) {
        int n = read(root.resolve(pid + "/status"));
        return n < 0 ? -1 : ProcParsers.parseStatusPpid(buffer, n);
    }

    /**
     * The CPU time used so far by all threads of process {@code pid}, in nanoseconds (the first
     * field of each {@code /proc/PID/task/TID/schedstat}), or -1 when it is gone.
     */
    public long cpuNanos(int pid) {
        long total = 0;
        boolean any = false;
        for (int tid : tids(pid)) {
            int n = read(root.resolve(pid + "/task/" + tid + "/schedstat"));
            long v = n < 0 ? -1 : ProcParsers.parseDecimalPrefix(buffer, n);
            if (v >= 0) {
                total += v;
                any = true;
            }
        }
        return any ? total : -1;
    }

    /** System-wide block-layer traffic, or null when /proc/vmstat lacks it. */
    public VmCounters vmstat() {
        int n = read(root.resolve("vmstat"));
        return n < 0 ? null : ProcParsers.parseVmstat(buffer, n);
    }

    /** {@code kernel.task_delayacct}: true or false, or null when the sysctl does not exist. */
    public Boolean taskDelayAcct() {
        long v = number("sys/kernel/task_delayacct");
        return v < 0 ? null : v != 0;
    }

    /** Turns {@code kernel.task_delayacct} on or off (root only). */
    public void setTaskDelayAcct(boolean on) throws IOException {
        Files.writeString(root.resolve("sys/kernel/task_delayacct"), on ? "1\n" : "0\n");
    }

    /** {@code kernel.pid_max}, or 32768 when it cannot be read. */
    public int pidMax() {
        long v = number("sys/kernel/pid_max");
        return v <= 0 || v > Integer.MAX_VALUE ? 32768 : (int) v;
    }

    private long number(String relative) {
        int n = read(root.resolve(relative));
        return n < 0 ? -1 : ProcParsers.parseNumberFile(buffer, n);
    }

    /** Reads a small file into the shared buffer; its length, or -1. */
    private int read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(buffer, 0, buffer.length);
        } catch (IOException | SecurityException e) {
            return -1;
        }
    }
}
