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

    public static Report build(Interval interval, ReportSettings settings) {
        double seconds = interval.durationNanos() / NANOS_PER_SECOND;
        long totalRead = 0;
        long totalWritten = 0;
        List<Row> rows = new ArrayList<>();
        for (TaskActivity a : interval.tasks()) {
            if (!settings.uids().isEmpty() && !settings.uids().contains(a.sample().uid())) {
                continue;
            }
            IoDelta shown = settings.accumulated() ? a.accumulated() : a.delta();
            boolean hidden = settings.onlyActive() && shown.isZero();
            Row row = null;
            if (settings.monitored() != RowFilter.ALL) {
                row = row(a, settings.figures(), interval, seconds);
                if (!settings.monitored().test(row)) {
                    continue;
                }
            }
            totalRead += a.delta().readBytes();
            totalWritten += a.delta().writtenBytes();
            if (hidden) {
                continue;
            }
            rows.add(row != null ? row : row(a, settings.figures(), interval, seconds));
        }
        rows.sort(order(settings.sortKey(), settings.descending()));
        double current = interval.pagedInKiB() < 0 ? Double.NaN : 1024.0 / seconds;
        return new Report(interval.endNanos(), interval.durationNanos(), settings.processes(),
                settings.figures() == ReportSettings.Figures.ACCUMULATED, interval.delayAccounting(),
                totalRead / seconds, totalWritten / seconds,
                interval.pagedInKiB() * current, interval.pagedOutKiB() * current, interval.lostExitReports(), rows);
    }

    private static Row row(TaskActivity a, ReportSettings.Figures figures, Interval interval, double seconds) {
        if (figures != ReportSettings.Figures.BANDWIDTH) {
            IoDelta acc = a.accumulated();
            long observed = Math.max(1, interval.endNanos() - a.accumulatedSinceNanos());
            // Bytes since first seen, or that divided by the time since then (-A).
            double per = figures == ReportSettings.Figures.ACCUMULATED ? 1 : observed / NANOS_PER_SECOND;
            return new Row(a.sample().id(), a.sample().tgid(), a.sample().uid(), acc.readBytes() / per,
                    acc.writtenBytes() / per, 100.0 * acc.swapinDelayNanos() / observed,
                    100.0 * acc.blkioDelayNanos() / observed, a);
        }
        IoDelta d = a.delta();
        double nanos = seconds * NANOS_PER_SECOND;
        return new Row(a.sample().id(), a.sample().tgid(), a.sample().uid(), d.readBytes() / seconds,
                d.writtenBytes() / seconds, 100.0 * d.swapinDelayNanos() / nanos, 100.0 * d.blkioDelayNanos() / nanos, a);
    }

    /**
     * The numeric orders; ties keep ascending ID order so output is stable. Text columns (PRIO,
     * USER, COMMAND) need labels, which the views supply with their own comparator.
     */
    public static Comparator<Row> order(SortKey key, boolean descending) {
        return new NumericOrder(key, descending);
    }

    /** A class of its own, not Comparator's combinators: those link a lambda each on a run's first report. */
    private record NumericOrder(SortKey key, boolean descending) implements Comparator<Row> {
        @Override
        public int compare(Row a, Row b) {
            int primary = switch (key) {
                case READ -> Double.compare(a.read(), b.read());
                case WRITE -> Double.compare(a.write(), b.write());
                case SWAPIN -> Double.compare(a.swapinPercent(), b.swapinPercent());
                case IO -> Double.compare(a.ioPercent(), b.ioPercent());
                case ID, PRIO, USER, COMMAND -> Integer.compare(a.id(), b.id());
            };
            if (primary != 0) {
                return descending ? -primary : primary;
            }
            return Integer.compare(a.id(), b.id());
        }
    }
}
