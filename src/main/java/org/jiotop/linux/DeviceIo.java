package org.jiotop.linux;

/** A cgroup's I/O counters on one block device, {@code major:minor}. */
public record DeviceIo(int major, int minor, IoCounts counts) {
}
