package org.jiotop.linux;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads {@code /proc/PID/cgroup} under a given root (a fixture tree in tests): where a process
 * sits ({@link CgroupFile} says which line counts). At most {@link #LIMIT} bytes are read, so a
 * file made huge by long names costs a fixed amount; a line cut by that limit is left out. One
 * instance per thread.
 */
public final class ProcCgroup {
    /**
     * A line per hierarchy (a dozen on a v1 machine) with a path of a few hundred bytes at most
     * under any container runtime or kubelet: far below this.
     */
    static final int LIMIT = 8 * 1024;

    private final byte[] root;
    private final BoundedFile file = new BoundedFile(LIMIT);

    public ProcCgroup(Path root) {
        this.root = root.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static ProcCgroup system() {
        return new ProcCgroup(Path.of("/proc"));
    }

    /** Where process {@code pid} sits, or null when it is gone (its file cannot be read). */
    public TaskCgroup read(int pid) {
        int n = file.read(name(pid));
        if (n < 0) {
            return null;
        }
        byte[] text = file.content();
        if (n > LIMIT) {
            n = LIMIT;
            while (n > 0 && text[n - 1] != '\n') {
                n--;
            }
        }
        return CgroupFile.parse(text, n);
    }

    private byte[] name(int pid) {
        byte[] tail = ("/" + pid + "/cgroup").getBytes(StandardCharsets.US_ASCII);
        byte[] name = java.util.Arrays.copyOf(root, root.length + tail.length);
        System.arraycopy(tail, 0, name, root.length, tail.length);
        return name;
    }
}
