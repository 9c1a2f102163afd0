package org.jiotop.linux;

import java.util.List;

/**
 * One sample of the machine: every task asked for, taken from {@code monotonicNanos} on (the time
 * the scan began, before tasks were listed). {@code processes} says whether the tasks are whole
 * processes or threads. {@code exits} are the threads that exited since the previous scan, as the
 * kernel reported them; {@code lostExitReports} counts since the start the times such reports were
 * lost (-1 when exits are not being listened to). {@code listed} holds, sorted, every ID that /proc
 * listed, including those that could not be sampled (a zombie, whose taskstats query fails while
 * its /proc entry remains until its parent reaps it). {@code vm} is null when /proc/vmstat cannot be
 * read; {@code delayAccounting} says whether the kernel collects delay figures
 * ({@code kernel.task_delayacct}).
 */
public record Scan(long monotonicNanos, boolean processes, List<TaskSample> tasks, int[] listed, List<TaskExit> exits,
                   long lostExitReports, VmCounters vm, boolean delayAccounting) {

    /** Whether /proc listed {@code id} in this scan. */
    public boolean lists(int id) {
        return java.util.Arrays.binarySearch(listed, id) >= 0;
    }
}
