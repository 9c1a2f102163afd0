package org.jiotop.output;

import org.jiotop.model.IoDelta;
import org.jiotop.model.Report;
import org.jiotop.model.Row;

/**
 * The numbers of a row as the machine-readable formats carry them: bytes and seconds over the
 * interval, rates per second, accumulated bytes; never the human units of the text format.
 */
record RowFields(long readBytes, long writeBytes, long cancelledWriteBytes, double readPerSecond,
                 double writePerSecond, double blkioDelaySeconds, double swapinDelaySeconds, Double ioPercent,
                 Double swapinPercent, long accumulatedReadBytes, long accumulatedWriteBytes) {

    static RowFields of(Row row, Report report) {
        IoDelta d = row.activity().delta();
        IoDelta acc = row.activity().accumulated();
        double seconds = report.durationNanos() / 1e9;
        boolean delays = report.delayAccounting();
        return new RowFields(d.readBytes(), d.writtenBytes(), d.cancelledWriteBytes(), d.readBytes() / seconds,
                d.writtenBytes() / seconds, d.blkioDelayNanos() / 1e9, d.swapinDelayNanos() / 1e9,
                delays ? 100.0 * d.blkioDelayNanos() / report.durationNanos() : null,
                delays ? 100.0 * d.swapinDelayNanos() / report.durationNanos() : null,
                acc.readBytes(), acc.writtenBytes());
    }
}
