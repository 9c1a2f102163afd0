package org.jiotop.linux;

import java.util.List;

/**
 * A cgroup's own I/O counters, as the kernel keeps them: per device and summed over devices.
 * They include I/O no task's counters hold, such as writeback charged to the cgroup.
 * {@code source} is {@link CgroupHierarchy#V2} ({@code io.stat}) or {@link CgroupHierarchy#BLKIO}.
 */
public record CgroupIo(CgroupHierarchy source, List<DeviceIo> devices) {
    public CgroupIo {
        devices = List.copyOf(devices);
    }

    /** The counters summed over the devices. */
    public IoCounts total() {
        IoCounts total = IoCounts.ZERO;
        for (DeviceIo d : devices) {
            total = total.plus(d.counts());
        }
        return total;
    }

    /**
     * What was counted since {@code earlier}, device by device: a device that appeared since counts
     * whole (a cgroup's counters start on a device with its first I/O there), one that went away
     * (a disk unplugged) takes nothing from the others'.
     */
    public IoCounts since(CgroupIo earlier) {
        IoCounts sum = IoCounts.ZERO;
        for (DeviceIo now : devices) {
            IoCounts before = IoCounts.ZERO;
            for (DeviceIo then : earlier.devices) {
                if (then.major() == now.major() && then.minor() == now.minor()) {
                    before = then.counts();
                    break;
                }
            }
            sum = sum.plus(now.counts().since(before));
        }
        return sum;
    }
}
