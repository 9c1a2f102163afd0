package org.jiotop.linux;

import java.util.Arrays;

/**
 * The leader query of process mode, asked only where its answer can have changed. That query gives
 * each process's user, parent and start (and tells a live process from a gone one); a process mode
 * scan takes its bytes from /proc/PID/io, so for a process seen before, with no exit report since,
 * the earlier answer still holds: its ID cannot have been reused without its leader's exit being
 * reported. A process is asked again when it is new, when a report names it, when reports were
 * lost, or when its answer is older than {@link #MAX_AGE_NANOS} (its user can change by setuid,
 * its parent when that exits); the first answers of a run fall due spread over the second half of
 * that time, so no refresh asks about every process at once.
 */
final class LeaderAnswers {
    static final long MAX_AGE_NANOS = 5_000_000_000L;

    private final long maxAgeNanos;
    private TaskCounters answers = new TaskCounters();
    private TaskCounters kept = new TaskCounters();
    private final TaskCounters replies = new TaskCounters();
    private int[] keptPids = new int[0];
    private long[] keptDue = new long[0];
    private int keptCount;
    private int[] pids = new int[0];
    private long[] due = new long[0];
    private int count;
    private boolean[] asked = new boolean[0];
    private int[] askIds = new int[0];
    private int[] askRows = new int[0];
    private long lostReports = -1;
    private long queried;

    LeaderAnswers(long maxAgeNanos) {
        this.maxAgeNanos = maxAgeNanos;
    }

    /**
     * The answers for {@code pids[0..n)}: row {@code i} is about {@code pids[i]}, unanswered when
     * that process is gone. Earlier answers are used only when {@code pids} ascend and
     * {@code exited} (the TGIDs of the exit reports received since the last call, ascending) is
     * known, that is when {@code lostReports} (a count of lost reports, or -1 for no reports) has
     * not moved since the last call. The rows stay valid until the next call.
     */
    TaskCounters answer(TaskstatsSocket taskstats, int[] pids, int n, int[] exited, long lostReports, long now)
            throws KernelException {
        boolean reuse = lostReports >= 0 && lostReports == this.lostReports && ascending(pids, n);
        this.lostReports = lostReports;
        TaskCounters swap = kept;
        kept = answers;
        answers = swap;
        if (keptPids.length < count) {
            keptPids = new int[this.pids.length];
            keptDue = new long[this.pids.length];
        }
        System.arraycopy(this.pids, 0, keptPids, 0, count);
        System.arraycopy(due, 0, keptDue, 0, count);
        keptCount = count;
        count = n;
        if (this.pids.length < n) {
            int size = Math.max(n, this.pids.length * 2);
            this.pids = new int[size];
            due = new long[size];
            asked = new boolean[size];
            askIds = new int[size];
            askRows = new int[size];
        }
        System.arraycopy(pids, 0, this.pids, 0, n);
        answers.reset(n);
        int ask = 0;
        int j = 0;
        for (int i = 0; i < n; i++) {
            int pid = pids[i];
            while (reuse && j < keptCount && keptPids[j] < pid) {
                j++;
            }
            boolean known = reuse && j < keptCount && keptPids[j] == pid && kept.answered(j);
            if (known && keptDue[j] > now && Arrays.binarySearch(exited, pid) < 0) {
                answers.copy(i, kept, j);
                due[i] = keptDue[j];
                asked[i] = false;
            } else {
                due[i] = now + (known ? maxAgeNanos : firstAge(pid));
                asked[i] = true;
                askIds[ask] = pid;
                askRows[ask++] = i;
            }
        }
        ask(taskstats, ask);
        return answers;
    }

    /**
     * Asks again about the rows in {@code rows[0..m)} whose answer was kept rather than asked for in
     * this scan: a process that is gone since answers no more, and a row's counters are then fresh.
     */
    void confirm(TaskstatsSocket taskstats, int[] rows, int m) throws KernelException {
        int ask = 0;
        for (int k = 0; k < m; k++) {
            int i = rows[k];
            if (!asked[i]) {
                asked[i] = true;
                askIds[ask] = pids[i];
                askRows[ask++] = i;
            }
        }
        ask(taskstats, ask);
    }

    /**
     * Drops every kept answer: the exit reports drained since were not all seen here (a scan in
     * thread mode drains them too).
     */
    void forget() {
        lostReports = -1;
    }

    /** Whether row {@code i}'s answer came from a query of this scan. */
    boolean askedNow(int i) {
        return asked[i];
    }

    /** How many processes the kernel has been asked about so far. */
    long queried() {
        return queried;
    }

    private void ask(TaskstatsSocket taskstats, int ask) throws KernelException {
        if (ask == 0) {
            return;
        }
        taskstats.query(askIds, ask, false, replies);
        queried += ask;
        for (int k = 0; k < ask; k++) {
            answers.copy(askRows[k], replies, k);
        }
    }

    /** The age at which a process's first answer falls due, spread over (max / 2, max] by its ID. */
    private long firstAge(int pid) {
        long spread = (pid * 0x9E3779B97F4A7C15L) >>> 54; // 0..1023, well mixed
        return maxAgeNanos / 2 + maxAgeNanos / 2048 * (spread + 1);
    }

    private static boolean ascending(int[] ids, int n) {
        for (int i = 1; i < n; i++) {
            if (ids[i] <= ids[i - 1]) {
                return false;
            }
        }
        return true;
    }
}
