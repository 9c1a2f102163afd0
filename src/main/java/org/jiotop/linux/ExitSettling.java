package org.jiotop.linux;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Ends a process-mode scan consistent with the exits that happened while it ran. The kernel adds a
 * child's whole I/O to its parent's /proc/PID/io when the parent reaps it, and only after the
 * child's exit report is on the listener's socket. So once every /proc/PID/io has been read, the
 * reports are drained once more, and each process whose leader has reported its exit is looked up:
 * <ul>
 * <li>gone (or being reaped): its parent is read again, so the parent's sample holds the child for
 * certain, and the process counts as not listed;</li>
 * <li>still there: its parent's sample cannot hold it yet, and it counts as listed.</li>
 * </ul>
 * A process that reported a thread's exit in that last drain is read again too, so its sample holds
 * every thread whose report the scan carries. Each new read can race with another exit, so the
 * round repeats until one drain finds nothing to read again. What a scan then promises: a process
 * it lists was not reaped before its parent was read, one it does not list was, with its reports in
 * this scan or an earlier one (unless the kernel dropped them), and a process it samples includes
 * every thread reported so far.
 */
final class ExitSettling {
    /** Each round needs an exit within the microseconds of the round before: a bound never reached in practice. */
    static final int MAX_ROUNDS = 16;

    private final ProcFs proc;
    /** Processes whose leader reported its exit but that were still there after the last scan: their parent. */
    private Map<Integer, Integer> zombies = new HashMap<>();

    ExitSettling(ProcFs proc) {
        this.proc = proc;
    }

    /**
     * Settles the scan of {@code pids} whose bytes are {@code io} (by row; read again where needed).
     * {@code exits} holds the reports drained before the listing and gets those drained now from
     * {@code drain}; {@code gone} gets the processes found reaped. Returns the processes still there
     * that the listing did not hold (started after it).
     */
    int[] settle(int[] pids, IoRows io, List<TaskExit> exits, Set<Integer> gone, Consumer<List<TaskExit>> drain) {
        Rows rows = new Rows(pids);
        Map<Integer, Integer> candidates = new LinkedHashMap<>(zombies);
        if (!exits.isEmpty()) {
            for (TaskExit e : exits) {
                // One not listed ended before the listing, so before any parent was read.
                if (leader(e) && rows.of(e.last().tgid()) >= 0) {
                    candidates.putIfAbsent(e.last().tgid(), e.last().ppid());
                }
            }
        }
        List<TaskExit> fresh = new ArrayList<>();
        for (int round = 1; ; round++) {
            fresh.clear();
            drain.accept(fresh);
            exits.addAll(fresh);
            Set<Integer> reread = new LinkedHashSet<>();
            for (TaskExit e : fresh) {
                reread.add(e.last().tgid());
                if (leader(e)) {
                    candidates.putIfAbsent(e.last().tgid(), e.last().ppid());
                }
            }
            for (Map.Entry<Integer, Integer> c : candidates.entrySet()) {
                if (!gone.contains(c.getKey())) {
                    int ppid = proc.ppidUnlessReaped(c.getKey());
                    if (ppid < 0) {
                        gone.add(c.getKey());
                        reread.add(c.getValue());
                    } else {
                        c.setValue(ppid);
                    }
                }
            }
            reread.removeAll(gone);
            if (reread.isEmpty() || round == MAX_ROUNDS) {
                break;
            }
            boolean read = false;
            for (int pid : reread) {
                int row = rows.of(pid);
                if (row >= 0 && io.has(row)) {
                    // Unreadable now: reaped meanwhile, and its report is in the next round's drain.
                    io.reread(proc, row, pid, true);
                    read = true;
                }
            }
            if (!read) {
                break;
            }
        }
        candidates.keySet().removeAll(gone);
        zombies = candidates;
        int[] extra = new int[candidates.size()];
        int n = 0;
        for (int pid : candidates.keySet()) {
            if (rows.of(pid) < 0) {
                extra[n++] = pid;
            }
        }
        return Arrays.copyOf(extra, n);
    }

    private static boolean leader(TaskExit e) {
        return e.last().id() == e.last().tgid();
    }

    /** Finds a PID's row: by binary search in a listing (ascending), one by one in a -p list. */
    private static final class Rows {
        private final int[] pids;
        private int ascending = -1;

        Rows(int[] pids) {
            this.pids = pids;
        }

        int of(int pid) {
            if (ascending < 0) {
                ascending = 1;
                for (int i = 1; i < pids.length; i++) {
                    if (pids[i] <= pids[i - 1]) {
                        ascending = 0;
                        break;
                    }
                }
            }
            if (ascending == 1) {
                int i = Arrays.binarySearch(pids, pid);
                return i >= 0 ? i : -1;
            }
            for (int i = 0; i < pids.length; i++) {
                if (pids[i] == pid) {
                    return i;
                }
            }
            return -1;
        }
    }
}
