package org.jiotop.model;

import org.jiotop.linux.TaskSample;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The exited tasks a report keeps showing, without further activity, after the interval they ended
 * in: for {@code keepExited} more intervals, or for good when {@code keepExitedWithIo} and the task
 * did any I/O, so that accumulated figures keep adding up.
 *
 * <p>At most {@link #MAX_KEPT} are kept one by one, so that hours of churn under {@code -a} cannot
 * exhaust memory: beyond that, the oldest that did I/O are folded into one row per user (ID 0,
 * named {@code (N earlier exited tasks)}) that carries their summed figures; nothing is lost
 * from the accumulated totals. Those without I/O are simply no longer shown.
 */
final class ExitedRows {
    static final int MAX_KEPT = 10_000;

    private static final class Kept {
        final TaskActivity activity;
        int intervalsLeft;

        Kept(TaskActivity activity, int intervalsLeft) {
            this.activity = activity;
            this.intervalsLeft = intervalsLeft;
        }
    }

    private final int keepExited;
    private final boolean keepExitedWithIo;
    private final ArrayDeque<Kept> kept = new ArrayDeque<>();
    /** By uid: the folded tasks' summed figures, and how many they are. */
    private final Map<Integer, Kept> folded = new HashMap<>();
    private final Map<Integer, Long> foldedCounts = new HashMap<>();

    ExitedRows(int keepExited, boolean keepExitedWithIo) {
        this.keepExited = keepExited;
        this.keepExitedWithIo = keepExitedWithIo;
    }

    int size() {
        return kept.size() + folded.size();
    }

    /** Keeps {@code a}, a task that ended in this interval, for the intervals to come, if it is to be kept. */
    void keep(TaskActivity a) {
        if (keepExited > 0 || (keepExitedWithIo && !a.accumulated().isZero())) {
            kept.add(new Kept(a, keepExited));
            if (kept.size() > MAX_KEPT) {
                fold(kept.removeFirst());
            }
        }
    }

    private void fold(Kept oldest) {
        TaskActivity a = oldest.activity;
        if (!keepExitedWithIo || a.accumulated().isZero()) {
            return;
        }
        int uid = a.sample().uid();
        long count = foldedCounts.merge(uid, 1L, Long::sum);
        Kept sum = folded.get(uid);
        IoDelta total = sum == null ? a.accumulated() : sum.activity.accumulated().plus(a.accumulated());
        long since = sum == null ? a.accumulatedSinceNanos()
                : Math.min(sum.activity.accumulatedSinceNanos(), a.accumulatedSinceNanos());
        TaskSample row = new TaskSample(0, 0, 0, since, uid, false, total.readBytes(), total.writeBytes(),
                total.cancelledWriteBytes(), total.blkioDelayNanos(), total.swapinDelayNanos());
        byte[] name = ("(" + count + " earlier exited tasks)").getBytes(StandardCharsets.US_ASCII);
        folded.put(uid, new Kept(new TaskActivity(row, IoDelta.ZERO, total, since, name), 0));
    }

    /** The tasks of earlier intervals still to be shown, now without activity; counts this interval. */
    List<TaskActivity> nextInterval() {
        List<TaskActivity> out = new ArrayList<>(size());
        for (Kept k : folded.values()) {
            out.add(k.activity);
        }
        for (Iterator<Kept> it = kept.iterator(); it.hasNext(); ) {
            Kept k = it.next();
            boolean keep = k.intervalsLeft-- > 0 || (keepExitedWithIo && !k.activity.accumulated().isZero());
            if (!keep) {
                it.remove();
                continue;
            }
            TaskActivity a = k.activity;
            out.add(new TaskActivity(a.sample(), IoDelta.ZERO, a.accumulated(), a.accumulatedSinceNanos(),
                    a.exitedName()));
        }
        return out;
    }
}
