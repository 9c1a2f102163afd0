package org.jiotop.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a {@link Report} from an {@link Interval}. A report is "accumulated" (sizes without
 * "/s") only for {@link ReportSettings.Figures#ACCUMULATED}. Percentages of a process are the sum of its
 * threads' waiting time (exited threads included) over the interval: a process with one thread
 * blocked all the time shows 100%, whatever its other threads do, and one with several threads
 * blocked at once can exceed 100%.
 */
public final class ReportBuilder {
    private static final double NANOS_PER_SECOND = 1e9;

    private ReportBuilder() {
    }

    /**
     * The report, built from numbers alone. Settings that filter by text
     * ({@link ReportSettings#filtersByLabel}) take {@link #build(Interval, ReportSettings, List)};
     * with a text sort ({@link ReportSettings#sortsByLabel}) the rows come in ID order, to be
     * {@link #sorted} once the rows kept have their labels.
     */
    public static Report build(Interval interval, ReportSettings settings) {
        if (settings.filtersByLabel()) {
            throw new IllegalArgumentException("filtering by text needs labelled rows");
        }
        Totals totals = new Totals(interval, settings);
        for (TaskActivity a : interval.tasks()) {
            if (monitored(a, settings)) {
                totals.add(a, null);
            }
        }
        return totals.report();
    }

    /**
     * The rows of every task the user and PID filters keep, in the interval's order: those to
     * label before {@link #build(Interval, ReportSettings, List)}.
     */
    public static List<Row> monitoredRows(Interval interval, ReportSettings settings) {
        double seconds = interval.durationNanos() / NANOS_PER_SECOND;
        List<Row> rows = new ArrayList<>();
        for (TaskActivity a : interval.tasks()) {
            if (monitored(a, settings)) {
                rows.add(row(a, settings.figures(), interval, seconds));
            }
        }
        return rows;
    }

    /**
     * The report of {@code labelled}: {@link #monitoredRows} of the interval (or some of them), with
     * their labels when the settings filter by text; unlabelled rows of a text sort come in ID order.
     */
    public static Report build(Interval interval, ReportSettings settings, List<Row> labelled) {
        Totals totals = new Totals(interval, settings);
        for (Row row : labelled) {
            if (settings.filter().matches(row)) {
                totals.add(row.activity(), row);
            }
        }
        return totals.report();
    }

    /** {@code report}, its rows labelled, in the order of {@code settings}. */
    public static Report sorted(Report report, ReportSettings settings) {
        List<Row> rows = new ArrayList<>(report.rows());
        rows.sort(order(settings.sortKey(), settings.descending(), settings.fullCommand()));
        return report.withRows(rows);
    }

    private static boolean monitored(TaskActivity a, ReportSettings settings) {
        return (settings.uids().isEmpty() || settings.uids().contains(a.sample().uid())) && settings.filter().keeps(a);
    }

    /** Sums the monitored tasks and keeps the rows to show. */
    private static final class Totals {
        private final Interval interval;
        private final ReportSettings settings;
        private final double seconds;
        private final List<Row> rows = new ArrayList<>();
        private long read;
        private long written;

        Totals(Interval interval, ReportSettings settings) {
            this.interval = interval;
            this.settings = settings;
            this.seconds = interval.durationNanos() / NANOS_PER_SECOND;
        }

        /** A monitored task, with its row when it has one already. */
        void add(TaskActivity a, Row row) {
            read += a.delta().readBytes();
            // A group's processes each net their own cancelled bytes, as their rows do.
            written += row != null && row.group() != null && row.group().writtenBytes() >= 0
                    ? row.group().writtenBytes() : a.delta().writtenBytes();
            IoDelta shown = settings.accumulated() ? a.accumulated() : a.delta();
            if (!(settings.onlyActive() && shown.isZero())) {
                rows.add(row != null ? row : row(a, settings.figures(), interval, seconds));
            }
        }

        Report report() {
            if (settings.sortsByLabel() && !rows.isEmpty() && rows.getFirst().labels() == null) {
                rows.sort(order(SortKey.ID, false, false));
            } else {
                rows.sort(order(settings.sortKey(), settings.descending(), settings.fullCommand()));
            }
            double current = interval.pagedInKiB() < 0 ? Double.NaN : 1024.0 / seconds;
            return new Report(interval.endNanos(), interval.durationNanos(), settings.processes(),
                    settings.figures() == ReportSettings.Figures.ACCUMULATED, interval.delayAccounting(),
                    read / seconds, written / seconds,
                    interval.pagedInKiB() * current, interval.pagedOutKiB() * current, interval.lostExitReports(),
                    rows);
        }
    }

    private static Row row(TaskActivity a, ReportSettings.Figures figures, Interval interval, double seconds) {
        if (figures != ReportSettings.Figures.BANDWIDTH) {
            IoDelta acc = a.accumulated();
            long observed = Math.max(1, interval.endNanos() - a.accumulatedSinceNanos());
            // Bytes since first seen, or that divided by the time since then (-A).
            double per = figures == ReportSettings.Figures.ACCUMULATED ? 1 : observed / NANOS_PER_SECOND;
            return new Row(a.sample().id(), a.sample().tgid(), a.sample().uid(), acc.readBytes() / per,
                    acc.writtenBytes() / per, 100.0 * acc.swapinDelayNanos() / observed,
                    100.0 * acc.blkioDelayNanos() / observed, a).withLogical(LogicalRates.of(acc.logical(), per));
        }
        IoDelta d = a.delta();
        double nanos = seconds * NANOS_PER_SECOND;
        return new Row(a.sample().id(), a.sample().tgid(), a.sample().uid(), d.readBytes() / seconds,
                d.writtenBytes() / seconds, 100.0 * d.swapinDelayNanos() / nanos,
                100.0 * d.blkioDelayNanos() / nanos, a)
                .withLogical(LogicalRates.of(d.logical(), seconds));
    }

    /**
     * Rows by {@code key}; ties keep ascending ID (group rows: label) order so output is stable. PRIO, USER and COMMAND
     * compare the rows' labels (PRIO as the kernel ranks priorities, COMMAND the one shown).
     */
    public static Comparator<Row> order(SortKey key, boolean descending, boolean fullCommand) {
        return new Order(key, descending, fullCommand);
    }

    /** A class of its own, not Comparator's combinators: those link a lambda each on a run's first report. */
    private record Order(SortKey key, boolean descending, boolean fullCommand) implements Comparator<Row> {
        @Override
        public int compare(Row a, Row b) {
            int primary = switch (key) {
                case READ -> Double.compare(a.read(), b.read());
                case WRITE -> Double.compare(a.write(), b.write());
                case SWAPIN -> Double.compare(a.swapinPercent(), b.swapinPercent());
                case IO -> Double.compare(a.ioPercent(), b.ioPercent());
                case CGROUP -> Double.compare(deviceRate(a), deviceRate(b));
                case READ_SYSCALLS, WRITE_SYSCALLS, READ_CHARS, WRITE_CHARS ->
                        Double.compare(a.logical().by(key), b.logical().by(key));
                case PRIO -> a.shownLabels().priority().compareTo(b.shownLabels().priority());
                case USER -> a.shownLabels().user().compareTo(b.shownLabels().user());
                case COMMAND -> fullCommand ? a.shownLabels().command().compareTo(b.shownLabels().command())
                        : a.shownLabels().shortCommand().compareTo(b.shownLabels().shortCommand());
                case ID -> byId(a, b);
            };
            if (primary != 0) {
                return descending ? -primary : primary;
            }
            return byId(a, b);
        }

        private static double deviceRate(Row r) {
            return r.group() == null ? -1 : r.group().deviceBytesPerSecond();
        }

        /** Group rows have no ID: their label stands in for it. */
        private static int byId(Row a, Row b) {
            if (a.group() != null && b.group() != null) {
                return a.group().label().compareTo(b.group().label());
            }
            return Integer.compare(a.id(), b.id());
        }
    }
}
