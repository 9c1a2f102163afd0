package org.jiotop.linux;

/** Which line of {@code /proc/PID/cgroup} a task's cgroup path was taken from. */
public enum CgroupHierarchy {
    /** The cgroup v2 (unified) line, {@code 0::PATH}. */
    V2,
    /** The v1 hierarchy systemd keeps its units in, {@code N:name=systemd:PATH}. */
    SYSTEMD,
    /** The v1 {@code blkio} controller's hierarchy, {@code N:blkio:PATH}. */
    BLKIO,
    /** None of those: the file was empty or named other v1 controllers only. */
    NONE
}
