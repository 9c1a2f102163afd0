package org.jiotop.linux;

import java.util.Arrays;

/**
 * What each process's own files said at the last thread scan from /proc: its start, parent, user
 * and {@code /proc/PID/io} counters, which sum its threads (exited ones and reaped children
 * included). A process that still says the same did no I/O since, and neither did any of its
 * threads. Kept by ascending PID, as scans list them, in two sets used in turn, so that a refresh
 * allocates nothing per process.
 */
final class ProcessSums {
    /** Per process: start, parent, user, then the io counters in {@link ProcParsers}' order. */
    private static final int WIDTH = 3 + ProcParsers.IO_COUNTERS;
    /** The start recorded for an unreadable process: no process starts at it. */
    private static final long UNREADABLE = Long.MIN_VALUE;
    private static final long[] NO_IO = new long[ProcParsers.IO_COUNTERS];

    private static final class Set {
        int[] pids = new int[256];
        long[] values = new long[256 * WIDTH];
        int count;
    }

    private Set last = new Set();
    private Set filling = new Set();
    private int cursor;

    /** Starts a scan: what it records replaces, at its end, what the last one did. */
    void begin() {
        filling.count = 0;
        cursor = 0;
    }

    /** Whether the last scan recorded {@code pid} with these values; asked in ascending PID order. */
    boolean same(int pid, long startNanos, int ppid, int uid, long[] io) {
        if (!find(pid)) {
            return false;
        }
        long[] v = last.values;
        int at = cursor * WIDTH;
        if (v[at] != startNanos || v[at + 1] != ppid || v[at + 2] != uid) {
            return false;
        }
        return Arrays.equals(v, at + 3, at + WIDTH, io, 0, ProcParsers.IO_COUNTERS);
    }

    /**
     * Whether the last scan recorded {@code pid} as unreadable ({@link #recordUnreadable}); asked in
     * ascending PID order, before {@link #same} of the same process.
     */
    boolean unreadable(int pid) {
        return find(pid) && last.values[cursor * WIDTH] == UNREADABLE;
    }

    /**
     * Records that no file of {@code pid} and its threads could be read but their stat: another
     * user's process, whose own io the next scan need not try before its threads'.
     */
    void recordUnreadable(int pid) {
        record(pid, UNREADABLE, -1, -1, NO_IO);
    }

    private boolean find(int pid) {
        while (cursor < last.count && last.pids[cursor] < pid) {
            cursor++;
        }
        return cursor < last.count && last.pids[cursor] == pid;
    }

    /** Records {@code pid}, after every PID recorded so far in this scan. */
    void record(int pid, long startNanos, int ppid, int uid, long[] io) {
        Set s = filling;
        if (s.count == s.pids.length) {
            s.pids = Arrays.copyOf(s.pids, s.count * 2);
            s.values = Arrays.copyOf(s.values, s.count * 2 * WIDTH);
        }
        int at = s.count * WIDTH;
        s.pids[s.count++] = pid;
        s.values[at] = startNanos;
        s.values[at + 1] = ppid;
        s.values[at + 2] = uid;
        System.arraycopy(io, 0, s.values, at + 3, ProcParsers.IO_COUNTERS);
    }

    /** Ends the scan begun last. */
    void end() {
        Set s = last;
        last = filling;
        filling = s;
    }
}
