package org.jiotop.linux;

import java.util.BitSet;
import java.util.List;

/**
 * One sample of the machine: every task asked for, taken from {@code monotonicNanos} on (the time
 * the scan began, before tasks were listed). {@code processes} says whether the tasks are whole
 * processes or threads. {@code exits} are the threads whose exit the kernel reported since the
 * previous scan: in process mode up to the end of this scan (see {@link ExitSettling} for what that
 * promises); {@code lostExitReports} counts since the start the times such reports were lost (-1
 * when exits are not being listened to). {@code listed} holds every ID that /proc listed,
 * including those that could not be sampled (one that ended and was reaped while the scan ran is
 * left out in process mode). {@code vm} is null when /proc/vmstat cannot be read;
 * {@code delayAccounting} says whether the kernel collects delay figures
 * ({@code kernel.task_delayacct}). {@code unchanged} marks, by index in {@code tasks}, the samples
 * equal in every value to the ones the previous scan (of the same mode) gave of the same tasks.
 * A scanner's scan keeps its {@code tasks}, {@code listed} and {@code unchanged} until its second
 * scan after this one, which fills them again.
 */
public record Scan(long monotonicNanos, boolean processes, List<TaskSample> tasks, ListedIds listed,
                   List<TaskExit> exits, long lostExitReports, VmCounters vm, boolean delayAccounting,
                   BitSet unchanged) {

    /** Whether {@code tasks().get(index)} is as the previous scan had it. */
    public boolean unchanged(int index) {
        return unchanged.get(index);
    }

    /** Whether /proc listed {@code id} in this scan. */
    public boolean lists(int id) {
        return listed.contains(id);
    }
}
