package org.jiotop.linux;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a cgroup's own I/O counters: cgroup v2's {@code io.stat} under the v2 mount, v1's
 * {@code blkio.throttle.io_service_bytes} and {@code io_serviced} under the blkio mount. A missing
 * file (no such cgroup, or no io controller in v2) gives null, never zeros. v1's throttle
 * counters count only the I/O of devices that have a throttle limit in that cgroup (so kernel 6.18
 * does); without one they read zero. One instance per thread.
 */
public final class CgroupIoReader {
    /** A line per device, some 80 bytes: thousands of devices. A longer file is not summed. */
    static final int LIMIT = 256 * 1024;

    private final byte[] v2Root;
    private final byte[] blkioRoot;
    private final BoundedFile file = new BoundedFile(LIMIT);

    /** Either root may be null: that hierarchy is not mounted. */
    public CgroupIoReader(Path v2Root, Path blkioRoot) {
        this.v2Root = bytes(v2Root);
        this.blkioRoot = bytes(blkioRoot);
    }

    /**
     * The mounts of a standard layout: cgroup v2 at {@code /sys/fs/cgroup} (pure v2, where it has
     * {@code cgroup.controllers}) or {@code /sys/fs/cgroup/unified} (hybrid), v1 blkio at
     * {@code /sys/fs/cgroup/blkio}.
     */
    public static CgroupIoReader system() {
        Path mount = Path.of("/sys/fs/cgroup");
        Path v2 = Files.exists(mount.resolve("cgroup.controllers")) ? mount : mount.resolve("unified");
        return new CgroupIoReader(v2, mount.resolve("blkio"));
    }

    /** The counters of cgroup {@code path} in v2 ({@code io.stat}), or null. */
    public CgroupIo ioStat(CgroupPath path) {
        int n = v2Root == null ? -1 : file.read(path.under(v2Root, "io.stat"));
        return n < 0 || n > LIMIT ? null : CgroupIoParsers.ioStat(file.content(), n);
    }

    /** The counters of cgroup {@code path} in v1's blkio hierarchy, or null. */
    public CgroupIo blkio(CgroupPath path) {
        if (blkioRoot == null) {
            return null;
        }
        int servicedLength = file.read(path.under(blkioRoot, "blkio.throttle.io_serviced"));
        if (servicedLength < 0 || servicedLength > LIMIT) {
            return null;
        }
        byte[] serviced = java.util.Arrays.copyOf(file.content(), servicedLength);
        int n = file.read(path.under(blkioRoot, "blkio.throttle.io_service_bytes"));
        return n < 0 || n > LIMIT ? null : CgroupIoParsers.blkio(file.content(), n, serviced, servicedLength);
    }

    /**
     * The counters of the cgroup a task's owner is told from, or null: {@code io.stat} when the
     * path is v2's, else blkio's when the task's blkio path is that same path. (A task's blkio
     * path may be another cgroup, or the root, whose counters are not its group's.) Not the v2
     * root's {@code io.stat}: the kernel fills it from the disks' own statistics, so it holds
     * every cgroup's I/O, not that of the tasks in the root (v1's root counts its own).
     */
    public CgroupIo of(TaskCgroup task) {
        boolean v2 = task.hierarchy() == CgroupHierarchy.V2 && !task.path().isRoot();
        CgroupIo io = v2 ? ioStat(task.path()) : null;
        return io == null && task.path().equals(task.blkio()) ? blkio(task.path()) : io;
    }

    private static byte[] bytes(Path root) {
        return root == null ? null : root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
