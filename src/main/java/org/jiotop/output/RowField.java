package org.jiotop.output;

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
 * the numbers before it line up in CSV.
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
    COMMAND("command");

    /** Where the fields go: a JSON object or a CSV line. */
    interface Sink {
        void number(RowField f, long v);

        void number(RowField f, double v);

        /** No figure (a percentage without delay accounting). */
        void none(RowField f);

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
        IoDelta d = row.activity().delta();
        IoDelta acc = row.activity().accumulated();
        double seconds = report.durationNanos() / 1e9;
        boolean delays = report.delayAccounting();
        for (RowField f : ALL) {
            switch (f) {
                case ID -> out.number(f, row.id());
                case TGID -> out.number(f, row.tgid());
                case UID -> out.number(f, Integer.toUnsignedLong(row.uid()));
                case USER -> out.freeText(f, l.user());
                case PRIORITY -> out.word(f, l.priority().text());
                case EXITED -> out.bool(f, row.activity().exited());
                case READ_BYTES -> out.number(f, IoField.READ_BYTES.raw(d));
                case WRITE_BYTES -> out.number(f, IoField.WRITE_BYTES.raw(d));
                case CANCELLED_WRITE_BYTES -> out.number(f, IoField.CANCELLED_WRITE_BYTES.raw(d));
                case READ_BYTES_PER_SECOND -> out.number(f, IoField.READ_BYTES.raw(d) / seconds);
                case WRITE_BYTES_PER_SECOND -> out.number(f, IoField.WRITE_BYTES.raw(d) / seconds);
                case BLKIO_DELAY_SECONDS -> out.number(f, IoField.BLKIO_DELAY_SECONDS.value(d));
                case SWAPIN_DELAY_SECONDS -> out.number(f, IoField.SWAPIN_DELAY_SECONDS.value(d));
                case IO_PERCENT, SWAPIN_PERCENT -> {
                    if (delays) {
                        IoField wait = f == IO_PERCENT ? IoField.BLKIO_DELAY_SECONDS : IoField.SWAPIN_DELAY_SECONDS;
                        out.number(f, 100.0 * wait.raw(d) / report.durationNanos());
                    } else {
                        out.none(f);
                    }
                }
                case ACCUMULATED_READ_BYTES -> out.number(f, IoField.READ_BYTES.raw(acc));
                case ACCUMULATED_WRITE_BYTES -> out.number(f, IoField.WRITE_BYTES.raw(acc));
                case COMMAND -> out.freeText(f, l.command());
            }
        }
    }
}
