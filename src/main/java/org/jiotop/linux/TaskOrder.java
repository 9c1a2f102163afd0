package org.jiotop.linux;

import java.util.Arrays;

/**
 * Every live task as {@code (tgid, tid)}, sorted, kept up to date by merging in only what changed:
 * a refresh in which nothing forked or exited costs nothing and allocates nothing, and one in
 * which k tasks changed costs k binary searches and copying the runs between them.
 */
final class TaskOrder {
    /** Sorted keys, {@code tgid << 32 | tid}: by process, then thread. */
    private long[] order = new long[0];
    private long[] spare = new long[0];
    private int count;
    private int[] pids = new int[0];
    private int[] pidScratch = new int[16];

    static long key(int tgid, int tid) {
        return (long) tgid << 32 | tid;
    }

    private static int tgid(long key) {
        return (int) (key >>> 32);
    }

    /** Lists every task of {@code tgidOf} afresh. */
    void rebuild(TidMap tgidOf) {
        if (order.length < tgidOf.size()) {
            order = new long[tgidOf.size() + tgidOf.size() / 2];
        }
        count = 0;
        for (int slot = 0; slot < tgidOf.capacity(); slot++) {
            if (tgidOf.keyAt(slot) != 0) {
                order[count++] = key(tgidOf.valueAt(slot), tgidOf.keyAt(slot));
            }
        }
        Arrays.sort(order, 0, count);
    }

    /**
     * Drops the keys {@code removed[0..r)} that are listed, then lists the keys {@code added[0..a)}
     * that are not: a key in both stays. {@code added} holds only tasks as they are now (a task
     * added and removed since the last update is in {@code removed} alone); either array may hold
     * duplicates, and is sorted here.
     */
    void update(long[] removed, int r, long[] added, int a) {
        if (r + a == 0) {
            return;
        }
        Arrays.sort(removed, 0, r);
        Arrays.sort(added, 0, a);
        if (spare.length < count + a) {
            spare = new long[(count + a) * 3 / 2 + 16];
        }
        int out = 0;
        int at = 0;
        int i = 0;
        int j = 0;
        while (i < r || j < a) {
            // At equal keys the removal goes first, so that a key both removed and added stays.
            boolean removal = j == a || (i < r && removed[i] <= added[j]);
            long k = removal ? removed[i++] : added[j++];
            int p = Arrays.binarySearch(order, at, count, k);
            int to = p < 0 ? -p - 1 : p;
            System.arraycopy(order, at, spare, out, to - at);
            out += to - at;
            at = to;
            boolean listed = p >= 0;
            if (removal && listed) {
                at++;
            } else if (!removal && !listed && (out == 0 || spare[out - 1] != k)) {
                spare[out++] = k;
            }
        }
        System.arraycopy(order, at, spare, out, count - at);
        out += count - at;
        long[] t = order;
        order = spare;
        spare = t;
        count = out;
    }

    /** Takes the processes from {@code threads} (tgid to thread count), keeping the array when they are the same. */
    void processes(TidMap threads) {
        pidScratch = threads.keys(pidScratch);
        int n = threads.size();
        Arrays.sort(pidScratch, 0, n);
        if (!Arrays.equals(pids, 0, pids.length, pidScratch, 0, n)) {
            pids = Arrays.copyOf(pidScratch, n);
        }
    }

    /** The processes, ascending: shared, not to be modified. */
    int[] pids() {
        return pids;
    }

    /** The threads of {@code pid}, ascending; empty when it has none. */
    int[] tids(int pid) {
        int from = Arrays.binarySearch(order, 0, count, key(pid, 0));
        from = from < 0 ? -from - 1 : from;
        int to = from;
        while (to < count && tgid(order[to]) == pid) {
            to++;
        }
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = (int) order[i];
        }
        return out;
    }

    int size() {
        return count;
    }

    /**
     * Copies every task, by process then thread, into {@code tids} and {@code tgids} (each at least
     * {@link #size} long).
     */
    void copy(int[] tids, int[] tgids) {
        for (int i = 0; i < count; i++) {
            tids[i] = (int) order[i];
            tgids[i] = tgid(order[i]);
        }
    }
}
