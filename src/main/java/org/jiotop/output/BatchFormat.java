package org.jiotop.output;

import org.jiotop.model.LabelSource;
import org.jiotop.model.Report;
import org.jiotop.model.Row;
import org.jiotop.model.TaskLabels;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The batch text of python iotop (the Debian build that prints "Current DISK READ"): two summary
 * lines, a title line and one line per row, optionally each prefixed with the time of day. A task
 * that has exited has {@value #EXITED} after its command; when the kernel's exit reports were lost,
 * a third summary line says how often.
 */
public final class BatchFormat {
    public static final String EXITED = " <exited>";
    private final int idWidth;
    private final SizeStyle sizes;
    private final boolean timestamps;
    private final int quiet;

    /**
     * @param idWidth    width of the TID/PID column: the digits of kernel.pid_max
     * @param quiet      0: everything; 1: titles only on the first report; 2: no titles; 3: rows only
     */
    public BatchFormat(int idWidth, SizeStyle sizes, boolean timestamps, int quiet) {
        this.idWidth = Math.max(3, idWidth);
        this.sizes = sizes;
        this.timestamps = timestamps;
        this.quiet = quiet;
    }

    /**
     * The lines of report number {@code index} (0 for the first), without line terminators.
     * {@code now} is asked only when lines carry the time: the first look-up of the local time zone
     * costs tens of ms of CPU.
     */
    public List<String> lines(Report report, LabelSource labels, int index, Supplier<LocalTime> now) {
        List<String> out = new ArrayList<>(report.rows().size() + 3);
        write(report, labels, index, now, out::add);
        return out;
    }

    /** The same lines, each handed over as soon as it is made: a report is never held as text. */
    public void write(Report report, LabelSource labels, int index, Supplier<LocalTime> now, Consumer<String> out) {
        String stamp = timestamps ? clock(now.get()) + " " : "";
        if (quiet <= 2) {
            out.accept(stamp + "Total DISK READ:   " + pad14(rate(report.totalReadPerSecond()))
                    + " | Total DISK WRITE:   " + pad14(rate(report.totalWritePerSecond())));
            out.accept(stamp + "Current DISK READ: " + pad14(rate(report.currentReadPerSecond()))
                    + " | Current DISK WRITE: " + pad14(rate(report.currentWritePerSecond())));
            if (report.lostExitReports() > 0) {
                out.accept(stamp + lostExitReports(report.lostExitReports()));
            }
        }
        int idWidth = Math.max(this.idWidth, widestId(report));
        if (quiet == 0 || (quiet == 1 && index == 0)) {
            out.accept((timestamps ? "    TIME" : "") + title(report.processes(), idWidth));
        }
        for (Row row : report.rows()) {
            out.accept(stamp + row(report, row, labels.labels(row, report.processes()), idWidth));
        }
    }

    /**
     * The digits of the largest ID in {@code report}. The ID column is as wide as kernel.pid_max was
     * at start, but pid_max can be raised while jiotop runs (and 4194304 has seven digits): the
     * column then grows rather than push a longer ID's row out of line.
     */
    public static int widestId(Report report) {
        int max = 0;
        for (Row row : report.rows()) {
            max = Math.max(max, row.id());
        }
        return Integer.toString(max).length();
    }

    /** The note on lost exit reports, also used on stderr when summary lines are off. */
    public static String lostExitReports(long times) {
        return "Lost exit reports: " + times + (times == 1 ? " time" : " times")
                + " (the kernel dropped reports of exited tasks; their last I/O is missing)";
    }

    private static String title(boolean processes, int idWidth) {
        StringBuilder b = new StringBuilder();
        Text.right(b, processes ? "PID" : "TID", idWidth);
        return b.append("  PRIO  USER     DISK READ  DISK WRITE  SWAPIN      IO    COMMAND").toString();
    }

    private String row(Report report, Row row, TaskLabels labels, int idWidth) {
        boolean perSecond = !report.accumulated();
        StringBuilder b = new StringBuilder(96);
        Text.right(b, Integer.toString(row.id()), idWidth).append(' ');
        Text.right(b, labels.priority(), 4).append(' ');
        Text.left(b, DisplayWidth.head(labels.user(), 8), 8).append(' ');
        Text.right(b, sizes.format(row.read(), perSecond), 11).append(' ');
        Text.right(b, sizes.format(row.write(), perSecond), 11);
        if (report.delayAccounting()) {
            b.append(' ');
            Text.right(b, Units.percent(row.swapinPercent()), 7).append(' ');
            Text.right(b, Units.percent(row.ioPercent()), 7).append(' ');
        } else {
            b.append(" ?unavailable?  ");
        }
        b.append(labels.command());
        return row.activity().exited() ? b.append(EXITED).toString() : b.toString();
    }

    private String rate(double bytesPerSecond) {
        return sizes.format(bytesPerSecond, true);
    }

    private static String pad14(String s) {
        return Text.right(new StringBuilder(14), s, 14).toString();
    }

    private static String clock(LocalTime t) {
        return two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
