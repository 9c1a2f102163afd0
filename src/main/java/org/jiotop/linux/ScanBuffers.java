package org.jiotop.linux;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A scanner's collections of one scan (its samples, which of them are unchanged, the IDs listed),
 * in two sets used in turn, so that a refresh allocates nothing for each idle task. A {@link Scan}
 * keeps its collections until the second scan after it, which fills them again: the tracker is
 * done with a scan before the next one begins.
 */
final class ScanBuffers {
    private static final class Set {
        final ArrayList<TaskSample> tasks = new ArrayList<>();
        final BitSet unchanged = new BitSet();
        final BitSet listed = new BitSet();
    }

    private Set filling = new Set();
    private Set last = new Set();
    /** The last scan's samples, in listing order: an unchanged task keeps its sample object. */
    private List<TaskSample> previous = List.of();
    /** Whether {@link #previous} holds processes (or threads). */
    private boolean previousProcesses;

    /** The last scan's samples if it was of the same mode (threads or processes), else none. */
    List<TaskSample> previous(boolean processes) {
        return processes == previousProcesses ? previous : List.of();
    }

    /** Starts a scan of threads or processes, of about {@code expected} tasks. */
    ScanSamples begin(boolean processes, int expected) {
        Set s = filling;
        s.tasks.clear();
        s.tasks.ensureCapacity(expected);
        s.unchanged.clear();
        s.listed.clear();
        return new ScanSamples(previous(processes), s.tasks, s.unchanged);
    }

    /** Ends the scan begun last, which listed the first {@code count} of {@code ids}: those, as a set. */
    ListedIds end(boolean processes, int[] ids, int count) {
        Set s = filling;
        for (int i = 0; i < count; i++) {
            s.listed.set(ids[i]);
        }
        previous = s.tasks;
        previousProcesses = processes;
        filling = last;
        last = s;
        return new ListedIds(s.listed);
    }
}
