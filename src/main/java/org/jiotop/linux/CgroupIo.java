package org.jiotop.linux;

import java.util.List;

/**
 * A cgroup's own I/O counters, as the kernel keeps them: per device and summed over devices.
 * They include I/O no task's counters hold, such as writeback charged to the cgroup.
 * {@code source} is {@link CgroupHierarchy#V2} ({@code io.stat}) or {@link CgroupHierarchy#BLKIO}.
 */
public record CgroupIo(CgroupHierarchy source, IoCounts total, List<DeviceIo> devices) {
    public CgroupIo {
        devices = List.copyOf(devices);
    }

    static CgroupIo of(CgroupHierarchy source, List<DeviceIo> devices) {
        IoCounts total = IoCounts.ZERO;
        for (DeviceIo d : devices) {
            total = total.plus(d.counts());
        }
        return new CgroupIo(source, total, devices);
    }
}
