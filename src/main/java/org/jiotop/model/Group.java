package org.jiotop.model;

import org.jiotop.linux.CgroupHierarchy;
import org.jiotop.linux.IoCounts;

/**
 * What a group row stands for: its label, how many processes it sums (exited ones included), the
 * uid they share (-1 when they are not all one user's), and the group's own kernel counters over
 * the interval ({@code device}, read from {@code deviceSource}), null when unknown.
 */
public record Group(String label, int tasks, int uid, CgroupHierarchy deviceSource, IoCounts device) {
    public static final int MIXED_USERS = -1;

    public Group withDevice(CgroupHierarchy source, IoCounts counts) {
        return new Group(label, tasks, uid, source, counts);
    }

    public boolean oneUser() {
        return uid != MIXED_USERS;
    }
}
