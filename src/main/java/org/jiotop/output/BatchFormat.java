package org.jiotop.output;

import org.jiotop.model.DeviceRates;
import org.jiotop.model.GroupKind;
import org.jiotop.model.Report;
import org.jiotop.model.Row;
import org.jiotop.linux.TaskLabels;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The batch text of python iotop (the Debian build that prints "Current DISK READ"): two summary
 * lines, a title line and one line per row, optionally each prefixed with the time of day. A task
 * that has exited has {@value Column#EXITED} after its command; when the kernel's exit reports were lost,
 * a third summary line says how often, and with counters from /proc a line says what they leave out
 * ({@link SourceNote}).
 */
public final class BatchFormat {
    private final Column[] columns;
    private final int pidMaxDigits;
    private final SizeStyle sizes;
    private final boolean timestamps;
    private final int quiet;

    /**
     * @param pidMaxDigits the digits of kernel.pid_max, the least width of the TID/PID column
     * @param quiet      0: everything; 1: titles only on the first report; 2: no titles; 3: rows only
     */
    public BatchFormat(int pidMaxDigits, SizeStyle sizes, boolean timestamps, int quiet) {
        this(pidMaxDigits, sizes, timestamps, quiet, Set.of());
    }

    /** As above, with the columns of {@code shown} that batch text has only on request. */
    public BatchFormat(int pidMaxDigits, SizeStyle sizes, boolean timestamps, int quiet, Set<Column> shown) {
        this.columns = batchColumns(shown);
        this.pidMaxDigits = pidMaxDigits;
        this.sizes = sizes;
        this.timestamps = timestamps;
        this.quiet = quiet;
    }

    /**
     * The lines of report number {@code index} (0 for the first), without line terminators.
     * {@code now} is asked only when lines carry the time: the first look-up of the local time zone
     * costs tens of ms of CPU.
     */
    public List<String> lines(Report report, int index, Supplier<LocalTime> now) {
        List<String> out = new ArrayList<>(report.rows().size() + 3);
        write(report, index, now, out::add);
        return out;
    }

    /** The same lines, each handed over as soon as it is made: a report is never held as text. */
    public void write(Report report, int index, Supplier<LocalTime> now, Consumer<String> out) {
        write(report, index, now, out, null);
    }

    /**
     * The same lines with the device panel of {@code devices} (null: none) after the summary lines;
     * its title line follows {@code -q} as the tasks' does.
     */
    public void write(Report report, int index, Supplier<LocalTime> now, Consumer<String> out,
            List<DeviceRates> devices) {
        String stamp = timestamps ? clock(now.get()) + " " : "";
        boolean titled = quiet == 0 || (quiet == 1 && index == 0);
        if (quiet <= 2) {
            out.accept(stamp + SummaryLines.total(report, sizes));
            out.accept(stamp + SummaryLines.current(report, sizes));
            if (report.lostExitReports() > 0) {
                out.accept(stamp + SummaryLines.lostExitReports(report.lostExitReports()));
            }
            String note = SourceNote.of(report.visibility(), report.processes());
            if (note != null) {
                out.accept(stamp + note);
            }
            for (String line : devices == null ? List.<String>of()
                    : DevicePanel.lines(devices, Integer.MAX_VALUE, titled)) {
                out.accept(stamp + line);
            }
        }
        int idWidth = Column.idWidth(pidMaxDigits, report);
        if (titled) {
            out.accept((timestamps ? "    TIME" : "") + title(report.kind(), idWidth));
        }
        Cells cells = new Cells(sizes, !report.accumulated(), true);
        for (Row row : report.rows()) {
            out.accept(stamp + row(report, row, row.shownLabels(), cells, idWidth));
        }
    }

    private String title(GroupKind kind, int idWidth) {
        StringBuilder b = new StringBuilder(80);
        for (Column c : columns) {
            c.appendBatchTitle(b, kind, idWidth);
        }
        return b.toString();
    }

    /**
     * Every column, one space apart; without delay accounting python iotop's {@link Column#UNAVAILABLE}
     * stands in for all the columns that need it. That cell is a column narrower than SWAPIN and IO,
     * which python iotop's COMMAND after it absorbs; a {@code --show} column after it gets the column
     * back, so that its cells stay under its title.
     */
    private String row(Report report, Row row, TaskLabels labels, Cells cells, int idWidth) {
        StringBuilder b = new StringBuilder(96);
        boolean unavailableSaid = false;
        for (int i = 0; i < columns.length; i++) {
            Column c = columns[i];
            if (c.needsDelayAccounting() && !report.delayAccounting()) {
                if (!unavailableSaid) {
                    b.append(' ').append(Column.UNAVAILABLE);
                    unavailableSaid = true;
                }
                continue;
            }
            if (i > 0) {
                b.append(unavailableSaid && !c.takesTheRest() && columns[i - 1].needsDelayAccounting() ? "  " : " ");
            }
            String text = c == Column.SWAPIN && !report.swapinKnown() ? Column.UNKNOWN : c.text(row, labels, cells);
            Text.align(b, text, c.width(idWidth), c.align(report.kind()));
        }
        return b.toString();
    }

    private static Column[] batchColumns(Set<Column> shown) {
        List<Column> in = new ArrayList<>();
        for (Column c : Column.values()) {
            if (c.batch() == Column.Batch.ALWAYS || (c.batch() == Column.Batch.ON_REQUEST && shown.contains(c))) {
                in.add(c);
            }
        }
        return in.toArray(Column[]::new);
    }

    private static String clock(LocalTime t) {
        return two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
