package org.jiotop.linux;

import java.util.List;

/**
 * One sample of the machine: every task asked for, taken from {@code monotonicNanos} on (the time
 * the scan began, before tasks were listed).
 * {@code vm} is null when /proc/vmstat cannot be read; {@code delayAccounting} says whether the
 * kernel is collecting delay figures ({@code kernel.task_delayacct}).
 */
public record Scan(long monotonicNanos, List<TaskSample> tasks, VmCounters vm, boolean delayAccounting) {
}
