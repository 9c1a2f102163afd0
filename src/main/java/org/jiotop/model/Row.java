package org.jiotop.model;

/**
 * One line of a report: a thread, or a process in process mode. {@code read}/{@code write} are
 * bytes per second, or bytes when the report is accumulated; the percentages are the share of the
 * interval (or of the time since first seen, when accumulated) spent waiting.
 */
public record Row(int id, int tgid, int uid, double read, double write, double swapinPercent, double ioPercent,
                  TaskActivity activity) {
}
