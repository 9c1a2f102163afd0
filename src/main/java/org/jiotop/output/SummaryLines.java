package org.jiotop.output;

import org.jiotop.model.Report;

/**
 * The lines above the rows in batch text and the live view: python iotop's Total and Current
 * lines, and the note on lost exit reports. Without a report yet, the figures are {@code -}.
 */
public final class SummaryLines {
    private SummaryLines() {
    }

    public static String total(Report r, SizeStyle sizes) {
        return line("Total DISK READ:   ", r == null ? Double.NaN : r.totalReadPerSecond(), " | Total DISK WRITE:   ",
                r == null ? Double.NaN : r.totalWritePerSecond(), r != null, sizes);
    }

    public static String current(Report r, SizeStyle sizes) {
        return line("Current DISK READ: ", r == null ? Double.NaN : r.currentReadPerSecond(), " | Current DISK WRITE: ",
                r == null ? Double.NaN : r.currentWritePerSecond(), r != null, sizes);
    }

    private static String line(String read, double readRate, String write, double writeRate, boolean known,
                               SizeStyle sizes) {
        StringBuilder b = new StringBuilder(72).append(read);
        Text.right(b, known ? sizes.format(readRate, true) : "-", 14).append(write);
        return Text.right(b, known ? sizes.format(writeRate, true) : "-", 14).toString();
    }

    /** The note on lost exit reports, also used on stderr when summary lines are off. */
    public static String lostExitReports(long times) {
        return "Lost exit reports: " + times + (times == 1 ? " time" : " times")
                + " (reports of exited tasks were dropped; their last I/O is missing)";
    }
}
