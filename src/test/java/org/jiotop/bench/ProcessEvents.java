package org.jiotop.bench;

import org.jiotop.linux.EventTaskList;
import org.jiotop.linux.ProcFs;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * What listing the tasks costs from /proc against keeping them from the kernel's process events
 * ({@link EventTaskList}), each step on this thread's CPU clock after a pause (as in {@link Floor}):
 * the processes (process mode), and the processes with their threads (thread mode). An event step
 * is a refresh (take in the events of one pause, walking /proc when due) and the reading of the
 * list: an untimed refresh comes right before each pause. Arguments: rounds (default 30), pause in
 * ms (default 1000). Prints medians in ms and the bytes each step allocated (median); a refresh
 * that walked /proc again (every {@link EventTaskList#FULL_WALK_EVERY}-th, or after lost events)
 * costs what "/proc: processes + threads" does.
 */
public final class ProcessEvents {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ProcessEvents() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        long pause = args.length > 1 ? Long.parseLong(args[1]) : 1000;
        ProcFs proc = ProcFs.system();
        String[] names = {"/proc: processes", "/proc: processes + threads", "events: processes",
            "events: processes + threads", "events: all tasks (copyTasks)"};
        long[][] cpu = new long[names.length][rounds];
        long[][] bytes = new long[names.length][rounds];
        try (EventTaskList list = EventTaskList.open(proc)) {
            if (list == null) {
                throw new IllegalStateException("the kernel refused the process events (not root?)");
            }
            int[][] all = {new int[0], new int[0]};
            Floor.Step[] steps = {
                proc::pids,
                () -> {
                    for (int pid : proc.pids()) {
                        proc.tids(pid);
                    }
                },
                () -> {
                    list.refresh();
                    list.pids();
                },
                () -> {
                    list.refresh();
                    for (int pid : list.pids()) {
                        list.tids(pid);
                    }
                },
                () -> {
                    list.refresh();
                    if (all[0].length < list.taskCount()) {
                        all[0] = new int[list.taskCount() * 2];
                        all[1] = new int[list.taskCount() * 2];
                    }
                    list.copyTasks(all[0], all[1]);
                },
            };
            for (int r = -3; r < rounds; r++) {
                for (int i = 0; i < steps.length; i++) {
                    if (i >= 2) {
                        list.refresh();
                    }
                    long allocated = THREADS.getCurrentThreadAllocatedBytes();
                    long spent = Floor.timed(pause, steps[i]);
                    allocated = THREADS.getCurrentThreadAllocatedBytes() - allocated;
                    if (r >= 0) {
                        cpu[i][r] = spent;
                        bytes[i][r] = allocated;
                    }
                }
            }
            System.out.printf("processes %d, tasks %d, %d rounds, %d lost events, %d full walks%n",
                    list.pids().length, list.taskCount(), rounds, list.lostEvents(), list.resyncs());
        }
        System.out.printf("  %-32s %10s %12s%n", "CPU per step", "median ms", "bytes");
        for (int i = 0; i < names.length; i++) {
            System.out.printf("  %-32s %10.3f %12d%n", names[i], Floor.median(cpu[i]), median(bytes[i]));
        }
    }

    private static long median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
