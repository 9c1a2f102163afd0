package org.jiotop.output;

import org.jiotop.linux.CgroupHierarchy;
import org.jiotop.linux.CgroupLabels;
import org.jiotop.linux.IoCounts;
import org.jiotop.linux.LogicalIo;
import org.jiotop.model.Group;
import org.jiotop.model.GroupKind;
import org.jiotop.model.IoDelta;
import org.jiotop.model.Report;
import org.jiotop.model.Row;
import org.jiotop.linux.TaskLabels;

/**
 * The fields of a row in JSON and CSV, in their order, each named once: bytes and seconds over the
 * interval, rates per second, accumulated bytes; never the human units of the text format. Byte
 * fields are the kernel's counters ({@link IoField}): write figures are gross, as the kernel's
 * write_bytes is, and {@code cancelled_write_bytes} says how much of them never reached the device.
 * The free-text fields (user, command) may hold anything a process chose; command is last, so that
 * the numbers before it line up in CSV. A group row ({@link GroupKind#grouped}) has no ID, TGID,
 * priority or command (null), a uid and user only when its processes share one, its label in
 * {@code group} and how many processes it sums in {@code tasks}; its cgroup's own counters over
 * the interval, where known, are the {@code cgroup_} fields (absent otherwise: never 0 for unknown).
 * The {@code _syscalls} and {@code _chars} fields are logical I/O: read and write system calls and
 * the bytes they passed, page cache included.
 */
enum RowField {
    ID("id"), TGID("tgid"), UID("uid"), USER("user"), PRIORITY("priority"), EXITED("exited"),
    READ_BYTES(IoField.READ_BYTES.name), WRITE_BYTES(IoField.WRITE_BYTES.name),
    CANCELLED_WRITE_BYTES(IoField.CANCELLED_WRITE_BYTES.name),
    READ_BYTES_PER_SECOND(IoField.READ_BYTES.name + "_per_second"),
    WRITE_BYTES_PER_SECOND(IoField.WRITE_BYTES.name + "_per_second"),
    BLKIO_DELAY_SECONDS(IoField.BLKIO_DELAY_SECONDS.name), SWAPIN_DELAY_SECONDS(IoField.SWAPIN_DELAY_SECONDS.name),
    IO_PERCENT("io_percent"), SWAPIN_PERCENT("swapin_percent"),
    ACCUMULATED_READ_BYTES("accumulated_" + IoField.READ_BYTES.name),
    ACCUMULATED_WRITE_BYTES("accumulated_" + IoField.WRITE_BYTES.name),
    GROUP_KIND("group_kind"), GROUP("group"), TASKS("tasks"),
    CGROUP_IO_SOURCE("cgroup_io_source"), CGROUP_READ_BYTES("cgroup_" + IoField.READ_BYTES.name),
    CGROUP_WRITE_BYTES("cgroup_" + IoField.WRITE_BYTES.name), CGROUP_READS("cgroup_reads"),
    CGROUP_WRITES("cgroup_writes"),
    READ_SYSCALLS("read_syscalls"), WRITE_SYSCALLS("write_syscalls"),
    READ_SYSCALLS_PER_SECOND("read_syscalls_per_second"), WRITE_SYSCALLS_PER_SECOND("write_syscalls_per_second"),
    READ_CHARS("read_chars"), WRITE_CHARS("write_chars"),
    READ_CHARS_PER_SECOND("read_chars_per_second"), WRITE_CHARS_PER_SECOND("write_chars_per_second"),
    COMMAND("command");

    /** Where the fields go: a JSON object or a CSV line. */
    interface Sink {
        void number(RowField f, long v);

        void number(RowField f, double v);

        /** No figure (a percentage without delay accounting). */
        void none(RowField f);

        /** A field that does not apply to this row: left out of JSON, empty in CSV. */
        void absent(RowField f);

        void bool(RowField f, boolean v);

        /** A fixed word such as a priority. */
        void word(RowField f, String v);

        /** Text a process chose (already escaped), which a spreadsheet must not take for a formula. */
        void freeText(RowField f, String v);
    }

    static final RowField[] ALL = values();

    final String name;

    RowField(String name) {
        this.name = name;
    }

    /** JSON names the ID after the mode, as iotop's title does. */
    String jsonName(boolean processes) {
        return this != ID ? name : processes ? "pid" : "tid";
    }

    static String csvHeader() {
        StringBuilder b = new StringBuilder();
        for (RowField f : ALL) {
            b.append(b.isEmpty() ? "" : ",").append(f.name);
        }
        return b.toString();
    }

    /** Every field of {@code row}, in order. */
    static void write(Row row, TaskLabels l, Report report, Sink out) {
        Group g = row.group();
        IoDelta d = row.activity().delta();
        IoDelta acc = row.activity().accumulated();
        double seconds = report.durationNanos() / 1e9;
        boolean delays = report.delayAccounting();
        for (RowField f : ALL) {
            if (g != null && f.groupHasNone(g)) {
                out.none(f);
                continue;
            }
            switch (f) {
                case ID -> out.number(f, row.id());
                case TGID -> out.number(f, row.tgid());
                case UID -> out.number(f, Integer.toUnsignedLong(row.uid()));
                case USER -> out.freeText(f, l.user());
                case PRIORITY -> out.word(f, l.priority().text());
                case GROUP_KIND -> out.word(f, report.kind().word());
                case GROUP -> {
                    if (g == null) {
                        out.none(f);
                    } else if (g.label().equals(CgroupLabels.NONE) || g.label().equals(CgroupLabels.UNKNOWN)) {
                        out.word(f, g.label()); // fixed words: a spreadsheet never takes "-" for a formula
                    } else {
                        out.freeText(f, g.label());
                    }
                }
                case TASKS -> out.number(f, g == null ? 1 : g.tasks());
                case CGROUP_IO_SOURCE, CGROUP_READ_BYTES, CGROUP_WRITE_BYTES, CGROUP_READS, CGROUP_WRITES ->
                        device(f, g, out);
                case EXITED -> out.bool(f, row.activity().exited());
                case READ_BYTES -> out.number(f, IoField.READ_BYTES.raw(d));
                case WRITE_BYTES -> out.number(f, IoField.WRITE_BYTES.raw(d));
                case CANCELLED_WRITE_BYTES -> out.number(f, IoField.CANCELLED_WRITE_BYTES.raw(d));
                case READ_BYTES_PER_SECOND -> out.number(f, IoField.READ_BYTES.raw(d) / seconds);
                case WRITE_BYTES_PER_SECOND -> out.number(f, IoField.WRITE_BYTES.raw(d) / seconds);
                case BLKIO_DELAY_SECONDS -> out.number(f, IoField.BLKIO_DELAY_SECONDS.value(d));
                case SWAPIN_DELAY_SECONDS -> {
                    if (report.visibility().procfs()) {
                        out.none(f); // /proc has no swap-in delay
                    } else {
                        out.number(f, IoField.SWAPIN_DELAY_SECONDS.value(d));
                    }
                }
                case IO_PERCENT, SWAPIN_PERCENT -> {
                    if (f == IO_PERCENT ? delays : report.swapinKnown()) {
                        IoField wait = f == IO_PERCENT ? IoField.BLKIO_DELAY_SECONDS : IoField.SWAPIN_DELAY_SECONDS;
                        out.number(f, 100.0 * wait.raw(d) / report.durationNanos());
                    } else {
                        out.none(f);
                    }
                }
                case ACCUMULATED_READ_BYTES -> out.number(f, IoField.READ_BYTES.raw(acc));
                case ACCUMULATED_WRITE_BYTES -> out.number(f, IoField.WRITE_BYTES.raw(acc));
                case READ_SYSCALLS, WRITE_SYSCALLS, READ_CHARS, WRITE_CHARS -> out.number(f, logical(f, d));
                case READ_SYSCALLS_PER_SECOND -> out.number(f, logical(READ_SYSCALLS, d) / seconds);
                case WRITE_SYSCALLS_PER_SECOND -> out.number(f, logical(WRITE_SYSCALLS, d) / seconds);
                case READ_CHARS_PER_SECOND -> out.number(f, logical(READ_CHARS, d) / seconds);
                case WRITE_CHARS_PER_SECOND -> out.number(f, logical(WRITE_CHARS, d) / seconds);
                case COMMAND -> out.freeText(f, l.command());
            }
        }
    }

    private static long logical(RowField f, IoDelta d) {
        LogicalIo l = d.logical();
        return switch (f) {
            case READ_SYSCALLS -> l.readSyscalls();
            case WRITE_SYSCALLS -> l.writeSyscalls();
            case READ_CHARS -> l.readChars();
            default -> l.writeChars();
        };
    }

    /** Fields a group row has no value for: it stands for no one task. */
    private boolean groupHasNone(Group g) {
        return this == ID || this == TGID || this == PRIORITY || this == COMMAND
                || (!g.oneUser() && (this == UID || this == USER));
    }

    private static void device(RowField f, Group g, Sink out) {
        if (g == null || g.device() == null) {
            out.absent(f);
            return;
        }
        IoCounts c = g.device();
        switch (f) {
            case CGROUP_IO_SOURCE -> out.word(f, g.deviceSource() == CgroupHierarchy.V2 ? "io.stat" : "blkio");
            case CGROUP_READ_BYTES -> out.number(f, c.readBytes());
            case CGROUP_WRITE_BYTES -> out.number(f, c.writeBytes());
            case CGROUP_READS -> out.number(f, c.reads());
            default -> out.number(f, c.writes());
        }
    }
}
