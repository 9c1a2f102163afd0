package org.jiotop.linux;

/**
 * The text of {@code /proc/PID/cgroup}: one line per hierarchy, {@code ID:CONTROLLERS:PATH}. The
 * path an owner is told from is the cgroup v2 line's ({@code 0::PATH}), else the v1
 * {@code name=systemd} hierarchy's, else the v1 {@code blkio} hierarchy's; but a path of {@code /}
 * gives way to the next one that is not: on a hybrid machine the v2 line reads {@code /} while
 * the v1 hierarchies hold the real place.
 *
 * <p>Older kernels let a cgroup's name hold a newline (6.18 refuses one) and write it unescaped: a
 * line without the {@code ID:CONTROLLERS:/} shape is the rest of the line before it, and is
 * joined to its path with the newline. The first line of each hierarchy wins, since the kernel
 * writes one per hierarchy: a forged line in a name that comes after it (cgroup v2 has one
 * line; names a user may choose are in its delegated subtree) is never taken. A v2 path ending in
 * {@code " (deleted)"} (the kernel's mark for a removed cgroup, which a zombie may still be in)
 * is read without it.
 */
final class CgroupFile {
    private static final String DELETED = " (deleted)";
    private static final int V2 = 0;
    private static final int SYSTEMD = 1;
    private static final int BLKIO = 2;
    private static final CgroupHierarchy[] ORDER = {CgroupHierarchy.V2, CgroupHierarchy.SYSTEMD, CgroupHierarchy.BLKIO};

    private CgroupFile() {
    }

    /** The first {@code n} bytes of {@code b}, whole lines. */
    static TaskCgroup parse(byte[] b, int n) {
        int[] from = {-1, -1, -1};
        int[] to = new int[ORDER.length];
        int current = -1;
        for (int line = 0; line < n; ) {
            int end = line;
            while (end < n && b[end] != '\n') {
                end++;
            }
            int path = pathStart(b, line, end);
            if (path >= 0) {
                int kind = kind(b, line, path - 1);
                current = kind >= 0 && from[kind] < 0 ? kind : -1;
                if (current >= 0) {
                    from[current] = path;
                    to[current] = end;
                }
            } else if (current >= 0) {
                to[current] = end;
            }
            line = end + 1;
        }
        if (from[V2] >= 0 && endsWith(b, from[V2] + 1, to[V2], DELETED)) {
            to[V2] -= DELETED.length();
        }
        int chosen = first(b, from, to, false);
        if (chosen < 0) {
            chosen = first(b, from, to, true);
        }
        if (chosen < 0) {
            return TaskCgroup.NONE;
        }
        CgroupPath path = CgroupPath.of(b, from[chosen], to[chosen]);
        CgroupPath blkio = chosen == BLKIO ? path : from[BLKIO] < 0 ? null : CgroupPath.of(b, from[BLKIO], to[BLKIO]);
        return new TaskCgroup(ORDER[chosen], path, blkio);
    }

    /** The first hierarchy, in order of preference, that the file named: any, or with a path other than {@code /}. */
    private static int first(byte[] b, int[] from, int[] to, boolean rootToo) {
        for (int k = 0; k < ORDER.length; k++) {
            if (from[k] >= 0 && (rootToo || to[k] - from[k] != 1 || b[from[k]] != '/')) {
                return k;
            }
        }
        return -1;
    }

    /** Where the path starts on a line shaped {@code ID:CONTROLLERS:/...}, else -1. */
    private static int pathStart(byte[] b, int from, int to) {
        int i = from;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        if (i == from || i == to || b[i] != ':') {
            return -1;
        }
        i++;
        while (i < to && b[i] != ':') {
            i++;
        }
        return i + 1 < to && b[i + 1] == '/' ? i + 1 : -1;
    }

    /** Which hierarchy a line is about, from its ID and controllers ({@code [from, colon)}), or -1. */
    private static int kind(byte[] b, int from, int colon) {
        int controllers = from;
        while (b[controllers] != ':') {
            controllers++;
        }
        controllers++;
        if (controllers == colon) {
            return controllers - from == 2 && b[from] == '0' ? V2 : -1;
        }
        int kind = -1;
        for (int start = controllers, i = controllers; i <= colon; i++) {
            if (i == colon || b[i] == ',') {
                if (is(b, start, i, "name=systemd")) {
                    return SYSTEMD;
                }
                if (is(b, start, i, "blkio")) {
                    kind = BLKIO;
                }
                start = i + 1;
            }
        }
        return kind;
    }

    private static boolean is(byte[] b, int from, int to, String ascii) {
        return to - from == ascii.length() && endsWith(b, from, to, ascii);
    }

    private static boolean endsWith(byte[] b, int from, int to, String ascii) {
        int at = to - ascii.length();
        if (at < from) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
