package org.jiotop.linux;

/** The CPU time a process has used, for the start-up figure of the benchmark (BENCHMARKS.md). */
public final class ProcessCpu {
    private ProcessCpu() {
    }

    /**
     * The CPU time used so far by all threads of process {@code pid}, in nanoseconds (the first
     * field of each {@code /proc/PID/task/TID/schedstat}), or -1 when it is gone.
     */
    public static long nanos(ProcFs proc, int pid) {
        byte[] text = new byte[256];
        long total = 0;
        boolean any = false;
        for (int tid : proc.tids(pid)) {
            int n = proc.read(pid, tid, "schedstat", text);
            long v = n < 0 ? -1 : ProcParsers.parseDecimalPrefix(text, n);
            if (v >= 0) {
                total += v;
                any = true;
            }
        }
        return any ? total : -1;
    }
}
