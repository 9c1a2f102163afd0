package org.jiotop.output;

import org.jiotop.model.GroupKind;
import org.jiotop.model.Report;
import org.jiotop.model.Row;
import org.jiotop.model.SortKey;
import org.jiotop.linux.TaskLabels;

import java.util.Locale;

/**
 * The columns of the text views, each defined once: the sort order it stands for, the live view's
 * key that hides or shows it (iotop-c's column numbers, which are also the {@code -1}..{@code -9}
 * options, and a letter for columns iotop-c does not have), title, width, alignment, its piece of
 * python iotop's batch title line, what its cells say and how it writes a row's cell. Batch text,
 * the live view and the man page all come from here; rows are sorted by the report itself
 * ({@code ReportBuilder}, by the column's {@link SortKey}).
 */
public enum Column {
    /**
     * As wide as the largest ID can be ({@link #idWidth}), growing when a larger one shows up; for
     * group rows, their label, left-aligned, the column as wide as the widest (at most
     * {@link #LABEL_COLUMNS}, a longer label cut in the middle: kubelet's cgroups differ only
     * past their first 40 columns) and titled by the kind.
     */
    ID(SortKey.ID, '1', "TID", 3, Align.RIGHT, null,
            "the thread's ID (PID with -P; the group's label with --group)") {
        @Override
        public String title(boolean processes) {
            return processes ? "PID" : "TID";
        }

        @Override
        public String title(GroupKind kind) {
            return kind.grouped() ? kind.name() : title(kind.processes());
        }

        @Override
        public Align align(GroupKind kind) {
            return kind.grouped() ? Align.LEFT : align;
        }

        @Override
        public String text(Row r, TaskLabels l, Cells c) {
            return r.group() != null ? DisplayWidth.middle(r.group().label(), LABEL_COLUMNS) : Integer.toString(r.id());
        }
    },
    PRIO(SortKey.PRIO, '2', "PRIO", 4, Align.RIGHT, "  PRIO",
            "the I/O scheduling class and priority, as ionice sets them") {
        @Override
        public String text(Row r, TaskLabels l, Cells c) {
            return l.priority().text();
        }
    },
    USER(SortKey.USER, '3', "USER", 8, Align.LEFT, "  USER   ", "the owner of the task") {
        @Override
        public String text(Row r, TaskLabels l, Cells c) {
            return DisplayWidth.head(l.user(), width);
        }
    },
    READ(SortKey.READ, '4', "DISK READ", 11, Align.RIGHT, "  DISK READ",
            "the bytes read from block devices per second (with -a, since first seen)") {
        @Override
        public String text(Row r, TaskLabels l, Cells c) {
            return c.size(r.read());
        }
    },
    WRITE(SortKey.WRITE, '5', "DISK WRITE", 11, Align.RIGHT, "  DISK WRITE",
            "the bytes written to block devices per second (with -a, since first seen)") {
        @Override
        public String text(Row r, TaskLabels l, Cells c) {
            return c.size(r.write());
        }
    },
    SWAPIN(SortKey.SWAPIN, '6', "SWAPIN", 7, Align.RIGHT, "  SWAPIN",
            "the share of the interval the task spent swapping in") {
        @Override
        public String text(Row r, TaskLabels l, Cells c) {
            return Units.percent(r.swapinPercent());
        }

        @Override
        public double waitShare(Row r) {
            return r.swapinPercent();
        }
    },
    IO(SortKey.IO, '7', "IO", 7, Align.RIGHT, "      IO",
            "the share of the interval the task spent waiting on I/O") {
        @Override
        public String text(Row r, TaskLabels l, Cells c) {
            return Units.percent(r.ioPercent());
        }

        @Override
        public double waitShare(Row r) {
            return r.ioPercent();
        }
    },
    CGROUP(SortKey.CGROUP, 'k', "CGROUP IO", 11, Align.RIGHT, null,
            "a group's own cgroup counters: bytes read and written per second whatever -a says, or - when unknown") {
        @Override
        public String text(Row r, TaskLabels l, Cells c) {
            double rate = r.group() == null ? -1 : r.group().deviceBytesPerSecond();
            return rate < 0 ? "-" : c.sizes().format(rate, true);
        }

        @Override
        public Batch batch() {
            return Batch.NEVER;
        }
    },
    READ_SYSCALLS(SortKey.READ_SYSCALLS, 'x', "RD SYSCALLS", 11, Align.RIGHT, null,
            "read system calls (not block requests) per second (with -a, in all)") {
        @Override
        public String text(Row r, TaskLabels l, Cells c) {
            return calls(r.logical().readSyscalls(), c, width);
        }
    },
    WRITE_SYSCALLS(SortKey.WRITE_SYSCALLS, 'y', "WR SYSCALLS", 11, Align.RIGHT, null,
            "write system calls (not block requests) per second (with -a, in all)") {
        @Override
        public String text(Row r, TaskLabels l, Cells c) {
            return calls(r.logical().writeSyscalls(), c, width);
        }
    },
    READ_CHARS(SortKey.READ_CHARS, 'l', "LOGICAL RD", 11, Align.RIGHT, null,
            "the bytes read system calls returned, page cache included (rchar), per second") {
        @Override
        public String text(Row r, TaskLabels l, Cells c) {
            return c.size(r.logical().readChars());
        }
    },
    WRITE_CHARS(SortKey.WRITE_CHARS, 'm', "LOGICAL WR", 11, Align.RIGHT, null,
            "the bytes passed to write system calls (wchar), per second") {
        @Override
        public String text(Row r, TaskLabels l, Cells c) {
            return c.size(r.logical().writeChars());
        }
    },
    /** Its cells come from the view's history, not the row, and its width from the screen's. */
    GRAPH(null, '8', "GRAPH", 10, Align.LEFT, null,
            "the row's I/O over the last intervals, as a sparkline") {
        @Override
        public String text(Row r, TaskLabels l, Cells c) {
            return "";
        }

        @Override
        public Batch batch() {
            return Batch.NEVER;
        }
    },
    /** Takes the rest of the line. */
    COMMAND(SortKey.COMMAND, '9', "COMMAND", 0, Align.LEFT, "    COMMAND",
            "the command line, or the program name in the live view without -c") {
        @Override
        public String text(Row r, TaskLabels l, Cells c) {
            String command = c.fullCommand() ? l.command() : l.shortCommand();
            return r.activity().exited() ? command + EXITED : command;
        }
    };

    /** The widest a group's label is shown in the ID column. */
    public static final int LABEL_COLUMNS = 40;
    /** After the command of a task that has exited. */
    public static final String EXITED = " <exited>";
    /** In batch text, SWAPIN where IO is known but swap-in delay has no source (counters from /proc). */
    public static final String UNKNOWN = "n/a";

    /** In batch text without delay accounting, python iotop's cell in place of SWAPIN and IO. */
    public static final String UNAVAILABLE = "?unavailable? ";

    public final SortKey sortKey;
    /** The live view's key that hides or shows it: a digit for iotop-c's columns, else a letter. */
    public final char key;
    private final String title;
    /** Cell width in terminal columns; 0 for the column that takes the rest of the line. */
    final int width;
    public final Align align;
    /**
     * This column's piece of python iotop's batch title line, spaces before it included; that line
     * is not aligned with the rows beneath it, and scripts that read it expect it as it is. Null:
     * the title aligned in the cell's width.
     */
    private final String batchTitle;
    /** What its cells say, in one line (the man page lists the columns with it). */
    public final String description;

    Column(SortKey sortKey, char key, String title, int width, Align align, String batchTitle, String description) {
        this.sortKey = sortKey;
        this.key = key;
        this.title = title;
        this.width = width;
        this.align = align;
        this.batchTitle = batchTitle;
        this.description = description;
    }

    public String title(boolean processes) {
        return title;
    }

    /** Whether batch text has a column. */
    public enum Batch {
        /** Always: python iotop's columns. */
        ALWAYS,
        /** When {@code --show} names it. */
        ON_REQUEST,
        /** Never: a column of the live view only. */
        NEVER
    }

    /** Whether batch text has it: python iotop's columns always, the others on request. */
    public Batch batch() {
        return numbered() ? Batch.ALWAYS : Batch.ON_REQUEST;
    }

    /** Whether the live view hides it until its key shows it: every column python iotop lacks. */
    public boolean hiddenByDefault() {
        return !numbered();
    }

    /** Its name in {@code --show} and {@code --sort}: {@code read_syscalls}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * System calls: per second with two decimals, or a whole count when accumulated. A row that
     * makes a million calls a second or more (a group of busy processes does) loses the decimals
     * rather than push the columns after it out of line.
     */
    private static String calls(double n, Cells c, int width) {
        if (!c.perSecond()) {
            return Long.toString(Math.round(n));
        }
        String exact = Units.fixed2(n) + "/s";
        return exact.length() <= width ? exact : Math.round(n) + "/s";
    }

    /** The title over rows of {@code kind}. */
    public String title(GroupKind kind) {
        return title(kind.processes());
    }

    /** How cells of rows of {@code kind} are aligned. */
    public Align align(GroupKind kind) {
        return align;
    }

    /** The cell's text for row {@code r}, not yet padded to the column's width. */
    public abstract String text(Row r, TaskLabels l, Cells c);

    /** A share of the interval spent waiting, which the live view colours; NaN for other columns. */
    public double waitShare(Row r) {
        return Double.NaN;
    }

    public boolean needsDelayAccounting() {
        return sortable() && sortKey.needsDelayAccounting();
    }

    /** Whether rows can be sorted by it (left and right go to it). */
    public boolean sortable() {
        return sortKey != null;
    }

    /** Cell width; {@code idWidth} is the ID column's in this report ({@link #idWidth}). */
    public int width(int idWidth) {
        return this == ID ? idWidth : width;
    }

    /** Whether the column takes what is left of the line. */
    public boolean takesTheRest() {
        return width == 0;
    }

    void appendBatchTitle(StringBuilder out, GroupKind kind, int idWidth) {
        if (batchTitle == null) {
            // A column python iotop lacks follows the one before as its rows' cells do.
            Text.align(out.append(out.isEmpty() ? "" : " "), title(kind), width(idWidth), align(kind));
        } else {
            out.append(batchTitle);
        }
    }

    /**
     * The ID column's width: the digits of kernel.pid_max at start ({@code pidMaxDigits}), and more
     * when pid_max was raised while jiotop runs (4194304 has seven digits): the column then grows
     * rather than push a longer ID's row out of line. {@code report} may be null (nothing measured).
     */
    public static int idWidth(int pidMaxDigits, Report report) {
        int max = 0;
        if (report != null && report.kind().grouped()) {
            int widest = report.kind().name().length();
            for (Row row : report.rows()) {
                widest = Math.max(widest, Math.min(LABEL_COLUMNS, DisplayWidth.of(row.group().label())));
            }
            return widest;
        }
        if (report != null) {
            for (Row row : report.rows()) {
                max = Math.max(max, row.id());
            }
        }
        return Math.max(Math.max(3, pidMaxDigits), Integer.toString(max).length());
    }

    /** The column of sort order {@code key}. */
    public static Column of(SortKey key) {
        for (Column c : values()) {
            if (c.sortKey == key) {
                return c;
            }
        }
        throw new IllegalArgumentException(key.toString());
    }

    /** The column that key {@code ch} hides or shows, or null. */
    public static Column ofKey(char ch) {
        for (Column c : values()) {
            if (c.key == ch) {
                return c;
            }
        }
        return null;
    }

    /** Whether it has an iotop-c number, which is also its {@code -N} hide option. */
    public boolean numbered() {
        return key >= '1' && key <= '9';
    }
}
