package org.jiotop.cli;

import org.jiotop.linux.KernelException;
import org.jiotop.linux.ProcFs;
import org.jiotop.linux.Scan;
import org.jiotop.linux.TaskScanner;
import org.jiotop.model.Interval;
import org.jiotop.model.LabelSource;
import org.jiotop.model.Report;
import org.jiotop.model.ReportBuilder;
import org.jiotop.model.ReportSettings;
import org.jiotop.model.SortKey;
import org.jiotop.model.TaskTracker;
import org.jiotop.output.BatchFormat;

import java.io.PrintStream;
import java.time.LocalTime;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * The batch loop: a baseline scan, then one report per interval. Scans are scheduled on a fixed
 * cadence from the first one, so the time spent scanning does not make the period drift.
 */
final class BatchRunner {
    private final Options options;
    private final Set<Integer> uids;
    private final TaskScanner scanner;
    private final LabelSource labels;
    private final BatchFormat format;
    private final int[] only;

    BatchRunner(Options options, Set<Integer> uids, ProcFs proc, TaskScanner scanner, LabelSource labels) {
        this.options = options;
        this.uids = uids;
        this.scanner = scanner;
        this.labels = labels;
        this.format = new BatchFormat(Integer.toString(proc.pidMax()).length(), options.kilobytes(), options.time(),
                options.quiet());
        this.only = options.pids().isEmpty() ? null : options.pids().stream().mapToInt(Integer::intValue).toArray();
    }

    /** Runs until the iterations are done or stdout is closed; returns the exit status. */
    int run(PrintStream out, PrintStream err) throws KernelException {
        TaskTracker tracker = new TaskTracker(options.keepExited(), options.accumulated());
        long lostNoted = 0;
        long period = Math.round(options.delaySeconds() * 1e9);
        long next = System.nanoTime();
        tracker.advance(scan());
        for (long i = 0; options.iterations() < 0 || i < options.iterations(); i++) {
            next += period;
            long wait;
            while ((wait = next - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            // A scan slower than the period restarts the cadence instead of bursting to catch up.
            next = Math.max(next, System.nanoTime() - period / 2);
            Interval interval = tracker.advance(scan());
            SortKey key = interval.delayAccounting() ? SortKey.IO : SortKey.WRITE;
            Report report = ReportBuilder.build(interval, new ReportSettings(options.processes(), options.only(),
                    options.accumulated(), uids, key, true));
            for (String line : format.lines(report, labels, (int) Math.min(i, Integer.MAX_VALUE), LocalTime.now())) {
                out.append(line).append('\n');
            }
            out.flush();
            if (out.checkError()) {
                return 0;
            }
            if (options.quiet() == 3 && report.lostExitReports() > lostNoted) {
                // No summary lines to carry the note: say it where a script will still see it.
                lostNoted = report.lostExitReports();
                err.println("jiotop: " + BatchFormat.lostExitReports(lostNoted));
            }
        }
        return 0;
    }

    private Scan scan() throws KernelException {
        return options.processes() ? scanner.processes(only) : scanner.threads(only);
    }
}
