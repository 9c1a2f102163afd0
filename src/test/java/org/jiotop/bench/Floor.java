package org.jiotop.bench;

import org.jiotop.linux.ProcFs;
import org.jiotop.linux.ProcessIo;
import org.jiotop.linux.Scan;
import org.jiotop.linux.ExitListener;
import org.jiotop.linux.TaskScanner;
import org.jiotop.linux.TaskCounters;
import org.jiotop.linux.TaskstatsSocket;
import org.jiotop.model.ReportBuilder;
import org.jiotop.model.ReportSettings;
import org.jiotop.model.SortKey;
import org.jiotop.model.TaskTracker;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * The kernel floor of one refresh, measured in this JVM on the CPU clock of this thread: listing
 * every task and asking taskstats for all of them in batches (thread mode), or listing processes
 * and reading each /proc/PID/io (process mode). Also times jiotop's own scan and model steps for
 * comparison. Arguments: rounds (default 20), and a pause in milliseconds before each measured step
 * (default 0). Prints medians in ms.
 */
public final class Floor {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private Floor() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long pauseMillis = args.length > 1 ? Long.parseLong(args[1]) : 0;
        ProcFs proc = ProcFs.system();
        long[] threadFloor = new long[rounds];
        long[] processFloor = new long[rounds];
        long[] threadScan = new long[rounds];
        long[] processScan = new long[rounds];
        long[] model = new long[rounds];
        int tasks = 0;
        int processes = 0;
        // A scanner per mode, each with exit reports as jiotop runs: one scan's samples are the next's
        // baseline, which a scan of the other mode would throw away.
        try (TaskstatsSocket ts = TaskstatsSocket.open();
             ExitListener exits = ExitListener.start(ExitListener.possibleCpus(Path.of("/sys")),
                     ExitListener.DEFAULT_RECEIVE_BUFFER);
             TaskScanner scanner = new TaskScanner(proc, ts, exits);
             TaskScanner processScanner = new TaskScanner(proc, ts, null)) {
            TaskTracker tracker = new TaskTracker();
            TaskCounters counters = new TaskCounters();
            int[] all = allTids(proc);
            int[] pids = proc.pids();
            for (int r = -3; r < rounds; r++) {
                // Each step starts after a pause, as a refresh does: a step measured right after
                // another that walked the same kernel structures would find them in the CPU cache.
                long tf = timed(pauseMillis, () -> {
                    int[] listed = allTids(proc);
                    ts.query(listed, listed.length, false, counters);
                });
                long pf = timed(pauseMillis, () -> {
                    for (int pid : proc.pids()) {
                        ProcessIo io = proc.processIo(pid);
                        if (io != null && io.readBytes() < 0) {
                            throw new AssertionError();
                        }
                    }
                });
                Scan[] scan = new Scan[1];
                long ts1 = timed(pauseMillis, () -> scan[0] = scanner.threads(null));
                long m = timed(0, () -> {
                    var interval = tracker.advance(scan[0]);
                    if (interval != null) {
                        ReportBuilder.build(interval, new ReportSettings(false, true, false, Set.of(), SortKey.WRITE,
                                true));
                    }
                });
                long ps = timed(pauseMillis, () -> processScanner.processes(null));
                if (r >= 0) {
                    threadFloor[r] = tf;
                    processFloor[r] = pf;
                    threadScan[r] = ts1;
                    model[r] = m;
                    processScan[r] = ps;
                }
            }
            tasks = all.length;
            processes = pids.length;
        }
        System.out.printf("tasks %d, processes %d, %d rounds, median CPU ms:%n", tasks, processes, rounds);
        System.out.printf("  floor, threads (list + batched taskstats):   %8.2f%n", median(threadFloor));
        System.out.printf("  floor, processes (list + /proc/PID/io):      %8.2f%n", median(processFloor));
        System.out.printf("  jiotop scan, threads:                        %8.2f%n", median(threadScan));
        System.out.printf("  jiotop model (interval + report, -o):        %8.2f%n", median(model));
        System.out.printf("  jiotop scan, processes:                      %8.2f%n", median(processScan));
    }

    interface Step {
        void run() throws Exception;
    }

    /** The CPU time of {@code step} on this thread, after sleeping {@code pauseMillis}. */
    static long timed(long pauseMillis, Step step) throws Exception {
        Thread.sleep(pauseMillis);
        long t0 = CPU.getCurrentThreadCpuTime();
        step.run();
        return CPU.getCurrentThreadCpuTime() - t0;
    }

    static int[] allTids(ProcFs proc) {
        int[] out = new int[1024];
        int n = 0;
        for (int pid : proc.pids()) {
            for (int tid : proc.tids(pid)) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = tid;
            }
        }
        return Arrays.copyOf(out, n);
    }

    static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }
}
