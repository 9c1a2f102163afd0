package org.jiotop.cli;

import org.jiotop.linux.KernelException;
import org.jiotop.linux.ProcFs;
import org.jiotop.model.Report;
import org.jiotop.model.ReportSettings;
import org.jiotop.model.SortKey;
import org.jiotop.output.BatchFormat;
import org.jiotop.output.CsvFormat;
import org.jiotop.output.JsonLinesFormat;
import org.jiotop.output.SummaryLines;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;
import java.util.regex.Pattern;

/** The batch loop: a baseline sample, then one report per interval, on a {@link Cadence}. */
final class BatchRunner {
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
        this.options = options;
        this.uids = uids;
        this.monitor = monitor;
        this.labels = labels;
        this.proc = proc;
        this.format = new BatchFormat(Integer.toString(proc.pidMax()).length(), Main.sizeStyle(options),
                options.is(Option.TIME), options.quiet(), options.shown());
        this.filter = options.text(Option.FILTER) == null ? null : Pattern.compile(options.text(Option.FILTER));
        this.output = options.mode() == Mode.LIVE ? Mode.TEXT : options.mode();
        this.json = output == Mode.JSON ? new JsonLinesFormat() : null;
        this.csv = output == Mode.CSV ? new CsvFormat() : null;
        // Batch text has no column for the groups' own counters: they are read for JSON and CSV only.
        this.grouping = Grouping.of(options.groupKind(), output != Mode.TEXT);
    }

    /** Runs until the iterations are done or writing fails; returns the exit status. */
    int run(PrintStream out, PrintStream err) throws KernelException {
        long lostNoted = 0;
        Cadence cadence = new Cadence(options.delaySeconds());
        monitor.sample();
        if (startupReport != null) {
            // For the benchmark (BENCHMARKS.md): CPU of the whole process up to its first sample.
            long cpuNanos = proc.cpuNanos(proc.selfPid());
            startupReport.println("jiotop: cpu ms to first sample: " + cpuNanos / 1_000_000);
        }
        ReportSettings.Figures figures = options.figures();
        for (long i = 0; options.iterations() < 0 || i < options.iterations(); i++) {
            if (!cadence.awaitNext()) {
                break;
            }
            monitor.sample();
            // JSON and CSV stamp the end of the report's interval, not the moment it is printed.
            Instant sampled = json != null || csv != null ? Instant.now() : null;
            Report report = monitor.report(figures, options.is(Option.ONLY), uids, null, filter, false, SortKey.IO,
                    true, labels, grouping);
            report = labels.label(report, 0, report.rows().size());
            switch (output) {
                case JSON -> {
                    json.write(report, sampled, out);
                    out.append('\n');
                }
                case CSV -> {
                    if (i == 0) {
                        out.append(CsvFormat.HEADER).append('\n');
                    }
                    csv.write(report, sampled, line -> out.append(line).append('\n'));
                }
                default -> format.write(report, (int) Math.min(i, Integer.MAX_VALUE), LocalTime::now,
                        line -> out.append(line).append('\n'));
            }
            out.flush();
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
}
