package org.jiotop.cli;

import org.jiotop.linux.CgroupHierarchy;
import org.jiotop.linux.CgroupIo;
import org.jiotop.linux.CgroupIoReader;
import org.jiotop.linux.CgroupLabels;
import org.jiotop.linux.CgroupPath;
import org.jiotop.linux.IoCounts;
import org.jiotop.linux.TaskCgroup;
import org.jiotop.model.Group;
import org.jiotop.model.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A group's own kernel I/O counters over the interval: what the cgroups its live processes sit in
 * counted ({@link CgroupIoReader}): in v2 the outermost of them where one holds another (v2 counts
 * a cgroup's children in it), in v1 each. Each cgroup is read once per interval, when the report of a new
 * interval asks; the figure is the change since the previous interval's reading, so a group's
 * first interval has none. Unknown (null) when any of its cgroups cannot be read or was not read
 * the interval before, and for the rows of processes with no owner or an unreadable one.
 */
final class GroupDevices {
    /** The file a reading came from: the hierarchy it is in and the cgroup's path there. */
    private record Counters(CgroupHierarchy source, CgroupPath path) {
    }

    private final CgroupIoReader reader;
    private Map<TaskCgroup, CgroupIo> previous = Map.of();
    private Map<TaskCgroup, CgroupIo> current = new HashMap<>();
    private long intervalEnd = Long.MIN_VALUE;

    GroupDevices(CgroupIoReader reader) {
        this.reader = reader;
    }

    /**
     * {@code groups} with the counters of the cgroups {@code cgroups} names for each label, over the
     * interval from {@code startNanos} to {@code endNanos}. Readings of an earlier interval than the
     * one just before (the column was hidden, another kind shown) are not a base: the change since
     * then is not this interval's.
     */
    List<Row> attach(List<Row> groups, Map<String, Set<TaskCgroup>> cgroups, long startNanos, long endNanos,
                     double seconds) {
        if (endNanos != intervalEnd) {
            previous = intervalEnd == startNanos ? current : Map.of();
            intervalEnd = endNanos;
            current = new HashMap<>();
        }
        List<Row> out = new ArrayList<>(groups.size());
        for (Row r : groups) {
            Group g = r.group();
            Set<TaskCgroup> where = cgroups.get(g.label());
            boolean owned = !g.label().equals(CgroupLabels.NONE) && !g.label().equals(CgroupLabels.UNKNOWN);
            out.add(owned && where != null ? counted(r, outermost(where), seconds) : r);
        }
        return out;
    }

    private Row counted(Row r, List<TaskCgroup> where, double seconds) {
        IoCounts sum = IoCounts.ZERO;
        CgroupHierarchy source = null;
        boolean known = true;
        Set<Counters> summed = new HashSet<>();
        // Every cgroup is read, even after one is unknown: each reading is the next interval's base.
        for (TaskCgroup c : where) {
            CgroupIo now = read(c);
            CgroupIo before = previous.get(c);
            if (now == null || before == null) {
                known = false;
                continue;
            }
            // Processes placed alike in one hierarchy but not in another (v2 /a with blkio /a, and
            // name=systemd /a with blkio /a) share a label and one file of counters, counted once.
            if (!summed.add(new Counters(now.source(), c.path()))) {
                continue;
            }
            source = source == null ? now.source() : source;
            sum = sum.plus(now.since(before));
        }
        return known ? r.withGroup(r.group().withDevice(source, sum, seconds)) : r;
    }

    /** A cgroup's counters, read once per interval; one that cannot be read is not tried again in it. */
    private CgroupIo read(TaskCgroup c) {
        if (current.containsKey(c)) {
            return current.get(c);
        }
        CgroupIo io = reader.of(c);
        current.put(c, io);
        return io;
    }

    /**
     * The cgroups whose counters add up to the group's: in v2 the outermost (a cgroup's io.stat
     * includes its children's), in v1 all of them (blkio.throttle counts a cgroup's own I/O only).
     */
    private static List<TaskCgroup> outermost(Set<TaskCgroup> where) {
        List<TaskCgroup> out = new ArrayList<>(where.size());
        for (TaskCgroup c : where) {
            boolean inside = false;
            for (TaskCgroup o : where) {
                inside |= o != c && c.hierarchy() == CgroupHierarchy.V2 && o.hierarchy() == CgroupHierarchy.V2
                        && under(c.path().bytes(), o.path().bytes());
            }
            if (!inside) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean under(byte[] path, byte[] parent) {
        if (path.length <= parent.length) {
            return false;
        }
        for (int i = 0; i < parent.length; i++) {
            if (path[i] != parent[i]) {
                return false;
            }
        }
        return parent[parent.length - 1] == '/' || path[parent.length] == '/';
    }
}
