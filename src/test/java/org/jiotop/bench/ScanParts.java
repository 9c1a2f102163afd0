package org.jiotop.bench;

import org.jiotop.linux.ProcFs;
import org.jiotop.linux.TaskCounters;
import org.jiotop.linux.TaskstatsSocket;

/**
 * What each part of a process-mode (-P) scan costs, on this thread's CPU clock, each part a pause
 * after the one before (as in {@link Floor}): the /proc listing and the /proc/PID/io reads that
 * make the floor, and what jiotop reads besides. Arguments: rounds (default 15), pause in ms
 * (default 1000). Prints medians in ms.
 */
public final class ScanParts {
    private ScanParts() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        long pause = args.length > 1 ? Long.parseLong(args[1]) : 1000;
        ProcFs proc = ProcFs.system();
        String[] names = {"listing /proc", "/proc/PID/io of each process", "leader query (taskstats)",
            "PID 1's threads (list + query)", "/proc/vmstat", "task_delayacct"};
        long[][] cpu = new long[names.length][rounds];
        try (TaskstatsSocket taskstats = TaskstatsSocket.open()) {
            TaskCounters counters = new TaskCounters();
            for (int r = -3; r < rounds; r++) {
                int[] pids = proc.pids();
                long[] round = {
                    Floor.timed(pause, proc::pids),
                    Floor.timed(pause, () -> {
                        for (int pid : pids) {
                            proc.processIo(pid);
                        }
                    }),
                    Floor.timed(pause, () -> taskstats.query(pids, pids.length, false, counters)),
                    Floor.timed(pause, () -> {
                        int[] tids = proc.tids(1);
                        taskstats.query(tids, tids.length, false, counters);
                    }),
                    Floor.timed(pause, proc::vmstat),
                    Floor.timed(pause, proc::taskDelayAcct),
                };
                if (r >= 0) {
                    for (int i = 0; i < names.length; i++) {
                        cpu[i][r] = round[i];
                    }
                }
            }
        }
        System.out.printf("processes %d, %d rounds, median CPU ms:%n", proc.pids().length, rounds);
        for (int i = 0; i < names.length; i++) {
            System.out.printf("  %-32s %8.3f%n", names[i], Floor.median(cpu[i]));
        }
    }
}
