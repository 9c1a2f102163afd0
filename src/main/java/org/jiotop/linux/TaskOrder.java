package org.jiotop.linux;

import java.util.Arrays;

/**
 * Every live task as {@code (tgid, tid)}, sorted, kept up to date from a map of tid to tgid by
 * merging in only the tasks that changed: a refresh in which nothing forked or exited costs
 * nothing and allocates nothing, and one in which k tasks changed costs a pass over the list and
 * a sort of k.
 */
final class TaskOrder {
    /** Sorted keys, {@code tgid << 32 | tid}: by process, then thread. */
    private long[] order = new long[0];
    private long[] spare = new long[0];
    private long[] changed = new long[16];
    private int count;
    private int[] pids = new int[0];
    private int[] pidScratch = new int[0];

    private static long key(int tgid, int tid) {
        return (long) tgid << 32 | tid;
    }

    private static int tgid(long key) {
        return (int) (key >>> 32);
    }

    /** Lists the map afresh. */
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
        publish();
    }

    /**
     * Takes in the changes to the tasks {@code tids[0..n)} (sorted here, duplicates allowed):
     * each is listed as the map now has it, or dropped when the map no longer has it.
     */
    void update(TidMap tgidOf, int[] tids, int n) {
        if (n == 0) {
            return;
        }
        Arrays.sort(tids, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || tids[distinct - 1] != tids[i]) {
                tids[distinct++] = tids[i];
            }
        }
        if (changed.length < distinct) {
            changed = new long[distinct * 2];
        }
        int fresh = 0;
        for (int i = 0; i < distinct; i++) {
            int tgid = tgidOf.get(tids[i]);
            if (tgid != 0) {
                changed[fresh++] = key(tgid, tids[i]);
            }
        }
        Arrays.sort(changed, 0, fresh);
        if (spare.length < count + fresh) {
            spare = new long[(count + fresh) * 3 / 2 + 16];
        }
        int out = 0;
        int j = 0;
        for (int i = 0; i < count; i++) {
            long k = order[i];
            if (Arrays.binarySearch(tids, 0, distinct, (int) k) >= 0) {
                continue; // listed again from the map below, if still there
            }
            while (j < fresh && changed[j] < k) {
                spare[out++] = changed[j++];
            }
            spare[out++] = k;
        }
        while (j < fresh) {
            spare[out++] = changed[j++];
        }
        long[] t = order;
        order = spare;
        spare = t;
        count = out;
        publish();
    }

    /** Makes a new array of processes only when the set of processes changed. */
    private void publish() {
        if (pidScratch.length < count) {
            pidScratch = new int[order.length];
        }
        int n = 0;
        for (int i = 0; i < count; i++) {
            int tgid = tgid(order[i]);
            if (n == 0 || pidScratch[n - 1] != tgid) {
                pidScratch[n++] = tgid;
            }
        }
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

    /** Copies every task, by process then thread, into {@code tids} and {@code tgids} (each at least {@link #size} long). */
    void copy(int[] tids, int[] tgids) {
        for (int i = 0; i < count; i++) {
            tids[i] = (int) order[i];
            tgids[i] = tgid(order[i]);
        }
    }
}
