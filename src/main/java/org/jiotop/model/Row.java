package org.jiotop.model;

import org.jiotop.linux.TaskLabels;

/**
 * One line of a report: a thread, or a process in process mode. {@code read}/{@code write} are
 * bytes per second, or bytes when the report is accumulated; the percentages are the share of the
 * interval (or of the time since first seen, when accumulated) spent waiting. {@code labels} are
 * its text columns, null until the wiring has looked them up: reports are built from numbers, and
 * only the rows that are filtered or sorted by text, or shown, get labels. {@code group} is null but
 * for a group row ({@link Groups}), whose figures are the sums of its processes' rows. {@code logical}
 * is its system calls and the bytes they passed, per second or in all as {@code read} is.
 */
public record Row(int id, int tgid, int uid, double read, double write, double swapinPercent, double ioPercent,
                  TaskActivity activity, TaskLabels labels, Group group, LogicalRates logical) {

    public Row(int id, int tgid, int uid, double read, double write, double swapinPercent, double ioPercent,
               TaskActivity activity, TaskLabels labels, Group group) {
        this(id, tgid, uid, read, write, swapinPercent, ioPercent, activity, labels, group, LogicalRates.ZERO);
    }

    public Row(int id, int tgid, int uid, double read, double write, double swapinPercent, double ioPercent,
               TaskActivity activity, TaskLabels labels) {
        this(id, tgid, uid, read, write, swapinPercent, ioPercent, activity, labels, null);
    }

    public Row(int id, int tgid, int uid, double read, double write, double swapinPercent, double ioPercent,
               TaskActivity activity) {
        this(id, tgid, uid, read, write, swapinPercent, ioPercent, activity, null);
    }

    public Row labelled(TaskLabels with) {
        return new Row(id, tgid, uid, read, write, swapinPercent, ioPercent, activity, with, group, logical);
    }

    public Row withGroup(Group other) {
        return new Row(id, tgid, uid, read, write, swapinPercent, ioPercent, activity, labels, other, logical);
    }

    public Row withLogical(LogicalRates rates) {
        return new Row(id, tgid, uid, read, write, swapinPercent, ioPercent, activity, labels, group, rates);
    }

    /** Its labels; a row is labelled before anything shows it. */
    public TaskLabels shownLabels() {
        if (labels == null) {
            throw new IllegalStateException("row " + id + " shown without its labels");
        }
        return labels;
    }
}
