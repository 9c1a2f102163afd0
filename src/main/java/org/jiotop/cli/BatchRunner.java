package org.jiotop.cli;

import org.jiotop.linux.KernelException;
import org.jiotop.linux.ProcFs;
import org.jiotop.linux.ProcessCpu;
import org.jiotop.model.DeviceReport;
import org.jiotop.model.Report;
import org.jiotop.model.ReportSettings;
import org.jiotop.model.SortKey;
import org.jiotop.output.BatchFormat;
import org.jiotop.output.CsvFormat;
import org.jiotop.output.DeviceCsv;
import org.jiotop.output.JsonLinesFormat;
import org.jiotop.output.SummaryLines;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/** The batch loop: a baseline sample, then one report per interval, on a {@link Cadence}. */
final class BatchRunner {
    /** How long a signal waits for the report being written: not for ever, should the reader have stopped. */
    private static final int FINISH_REPORT_SECONDS = 2;
    private final Options options;
    private final Set<Integer> uids;
    private final Monitor monitor;
    private final RowLabels labels;
    private final BatchFormat format;
    private final Pattern filter;
    private final JsonLinesFormat json;
    private final CsvFormat csv;
    /** The live view falls back to batch text where it cannot be drawn. */
    private final Mode output;
    private final Grouping grouping;
    /** The block devices, with {@code --devices}; else null. */
    private final DeviceSampler devices;

    private final ProcFs proc;
    private PrintStream startupReport;

    /**
     * Reports on {@code err} the CPU used up to the first sample (JIOTOP_STARTUP_REPORT=1), read
     * from /proc with nothing that a run without the report would not load.
     */
    BatchRunner reportStartup(PrintStream err) {
        this.startupReport = err;
        return this;
    }

    BatchRunner(Options options, Set<Integer> uids, ProcFs proc, Monitor monitor, RowLabels labels) {
        this(options, uids, proc, monitor, labels, proc.pidMax());
    }

    /** {@code pidMax}: what the ID column is as wide as, the recording machine's when replaying. */
    BatchRunner(Options options, Set<Integer> uids, ProcFs proc, Monitor monitor, RowLabels labels, int pidMax) {
        this.options = options;
        this.uids = uids;
        this.monitor = monitor;
        this.labels = labels;
        this.proc = proc;
        this.format = new BatchFormat(Integer.toString(pidMax).length(), Main.sizeStyle(options),
                options.is(Option.TIME), options.quiet(), options.shown());
        this.filter = options.text(Option.FILTER) == null ? null : Pattern.compile(options.text(Option.FILTER));
        this.output = options.mode() == Mode.LIVE ? Mode.TEXT : options.mode();
        this.json = output == Mode.JSON ? new JsonLinesFormat() : null;
        this.csv = output == Mode.CSV ? new CsvFormat() : null;
        // Batch text has no column for the groups' own counters: they are read for JSON and CSV only.
        this.grouping = Grouping.of(options.groupKind(), output != Mode.TEXT);
        this.devices = options.is(Option.DEVICES) ? DeviceSampler.of(options) : null;
    }

    /**
     * Runs until the iterations are done or writing fails; returns the exit status. Ended by a
     * signal (SIGTERM, SIGINT), it first finishes the report it is writing, so that the last line
     * a script reads is whole: a report larger than the output's buffer goes out in several writes.
     */
    int run(PrintStream out, PrintStream err) throws KernelException {
        ReentrantLock writing = new ReentrantLock();
        Thread finishReport = new Thread(() -> awaitReport(writing), "jiotop-finish-report");
        Runtime.getRuntime().addShutdownHook(finishReport);
        try {
            return run(out, err, writing);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(finishReport);
            } catch (IllegalStateException e) {
                // shutting down already: the hook is running
            }
        }
    }

    /** Waits, for a while, for the report being written, and keeps the next one from starting. */
    private static void awaitReport(ReentrantLock writing) {
        try {
            writing.tryLock(FINISH_REPORT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int run(PrintStream out, PrintStream err, ReentrantLock writing) throws KernelException {
        long lostNoted = 0;
        boolean replaying = monitor.replaying();
        Cadence cadence = replaying ? null : new Cadence(options.delaySeconds());
        if (!replaying) {
            sample();
        }
        if (startupReport != null) {
            // For the benchmark (BENCHMARKS.md): CPU of the whole process up to its first sample.
            long cpuNanos = ProcessCpu.nanos(proc, proc.selfPid());
            startupReport.println("jiotop: cpu ms to first sample: " + cpuNanos / 1_000_000);
        }
        ReportSettings.Figures figures = options.figures();
        for (long i = 0; options.iterations() < 0 || i < options.iterations(); i++) {
            if (!replaying && !cadence.awaitNext()) {
                break;
            }
            if (!sample() && replaying) {
                break;
            }
            // JSON and CSV stamp the end of the report's interval, not the moment it is printed.
            Instant sampled = monitor.sampledAt();
            Report report = monitor.report(figures, options.is(Option.ONLY), uids, null, filter, false, SortKey.IO,
                    true, labels, grouping);
            report = labels.label(report, 0, report.rows().size());
            DeviceReport disks = devices == null ? null : devices.latest();
            writing.lock();
            try {
                write(report, sampled, disks, i, replaying, out);
            } finally {
                writing.unlock();
            }
            if (out.checkError()) {
                return Main.EXIT_OK; // a closed pipe ends quietly; main tells any other failure
            }
            if ((options.quiet() == 3 || output != Mode.TEXT) && report.lostExitReports() > lostNoted) {
                // No summary lines to carry the note: say it where a script will still see it.
                lostNoted = report.lostExitReports();
                err.println("jiotop: " + SummaryLines.lostExitReports(lostNoted));
            }
        }
        return Main.EXIT_OK;
    }

    /** Report number {@code i}, whole, then flushed. */
    private void write(Report report, Instant sampled, DeviceReport disks, long i, boolean replaying,
                       PrintStream out) {
        switch (output) {
            case JSON -> {
                json.write(report, sampled, out, disks);
                out.append('\n');
            }
            case CSV -> {
                if (i == 0) {
                    out.append(disks != null ? DeviceCsv.HEADER : CsvFormat.HEADER).append('\n');
                }
                if (disks != null) {
                    DeviceCsv.write(disks, sampled, line -> out.append(line).append('\n'));
                } else {
                    csv.write(report, sampled, line -> out.append(line).append('\n'));
                }
            }
            default -> format.write(report, (int) Math.min(i, Integer.MAX_VALUE), replaying
                    ? () -> LocalTime.ofInstant(sampled, ZoneId.systemDefault()) : LocalTime::now,
                    line -> out.append(line).append('\n'),
                    disks == null ? null : disks.devices());
        }
        out.flush();
    }

    /**
     * The devices, then the tasks: the devices' sample is quick and lands on the cadence's tick,
     * where the tasks' begins.
     */
    private boolean sample() throws KernelException {
        if (devices != null) {
            devices.sample();
        }
        return monitor.sample();
    }
}
