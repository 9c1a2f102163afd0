package org.jiotop.linux;

/**
 * Where a process sits, from its {@code /proc/PID/cgroup}: the path its owner is told from, the
 * hierarchy that path came from, and its path in the v1 {@code blkio} hierarchy (null when the
 * file has no such line), which is where v1 keeps the I/O counters of its cgroup.
 */
public record TaskCgroup(CgroupHierarchy hierarchy, CgroupPath path, CgroupPath blkio) {
    /** A file that named none of the hierarchies read. */
    public static final TaskCgroup NONE = new TaskCgroup(CgroupHierarchy.NONE, CgroupPath.EMPTY, null);
}
