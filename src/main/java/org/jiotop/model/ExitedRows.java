package org.jiotop.model;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The exited tasks a report keeps showing, without further activity, after the interval they ended
 * in: for {@code keepExited} more intervals, or for good when {@code keepExitedWithIo} and the task
 * did any I/O, so that accumulated figures keep adding up.
 */
final class ExitedRows {
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
    private final List<Kept> kept = new ArrayList<>();

    ExitedRows(int keepExited, boolean keepExitedWithIo) {
        this.keepExited = keepExited;
        this.keepExitedWithIo = keepExitedWithIo;
    }

    int size() {
        return kept.size();
    }

    /** Keeps {@code a}, a task that ended in this interval, for the intervals to come, if it is to be kept. */
    void keep(TaskActivity a) {
        if (keepExited > 0 || (keepExitedWithIo && !a.accumulated().isZero())) {
            kept.add(new Kept(a, keepExited));
        }
    }

    /** The tasks of earlier intervals still to be shown, now without activity; counts this interval. */
    List<TaskActivity> nextInterval() {
        List<TaskActivity> out = new ArrayList<>(kept.size());
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
