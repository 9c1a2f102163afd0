package org.jiotop.model;

import org.jiotop.linux.CgroupHierarchy;
import org.jiotop.linux.IoCounts;

/**
 * What a group row stands for: its label, how many processes it sums (exited ones included), the
 * uid they share (-1 when they are not all one user's), the bytes its processes wrote in the
 * interval less what each of them cancelled ({@code writtenBytes}, as their rows show them: a
 * process that cancelled more than it wrote takes nothing off another's; -1 when not summed), and
 * the group's own kernel counters over the interval ({@code device}, read from
 * {@code deviceSource}, over {@code deviceSeconds}), null when unknown.
 */
public record Group(String label, int tasks, int uid, long writtenBytes, CgroupHierarchy deviceSource,
                    IoCounts device, double deviceSeconds) {
    public static final int MIXED_USERS = -1;

    public Group(String label, int tasks, int uid) {
        this(label, tasks, uid, -1);
    }

    public Group(String label, int tasks, int uid, long writtenBytes) {
        this(label, tasks, uid, writtenBytes, null, null, 0);
    }

    public Group withDevice(CgroupHierarchy source, IoCounts counts, double seconds) {
        return new Group(label, tasks, uid, writtenBytes, source, counts, seconds);
    }

    /** The bytes its cgroup read and wrote per second, or -1 when unknown. */
    public double deviceBytesPerSecond() {
        return device == null ? -1 : (device.readBytes() + device.writeBytes()) / deviceSeconds;
    }

    public boolean oneUser() {
        return uid != MIXED_USERS;
    }
}
