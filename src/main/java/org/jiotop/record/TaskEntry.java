package org.jiotop.record;

import org.jiotop.linux.IoPriority;
import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.TaskPriority;

/**
 * A task of a session, written once before its first row, and again when its labels change (an
 * exec, an ionice, its exit): rows name it by {@code ref}, its number within the session.
 */
record TaskEntry(int ref, int id, int tgid, int ppid, int uid, long startNanos, long accumulatedSinceNanos,
                 TaskLabels labels) {

    void write(ByteSink out, long base) {
        out.u8(RecordFormat.TASK);
        out.varint(ref);
        out.varint(id);
        out.varint(tgid);
        out.varint(ppid);
        out.varint(uid & 0xFFFFFFFFL);
        out.zigzag(startNanos - base);
        out.zigzag(accumulatedSinceNanos - base);
        out.text(labels.priority().text());
        out.text(labels.user());
        out.text(labels.processCommand());
        out.text(labels.processShortCommand());
        out.text(labels.threadSuffix());
    }

    static TaskEntry read(ByteSource in, long base) throws ByteSource.Damage {
        int ref = in.count();
        int id = in.count();
        int tgid = in.count();
        int ppid = in.count();
        int uid = (int) in.varint();
        long start = in.zigzag() + base;
        long since = in.zigzag() + base;
        TaskPriority priority = priority(in.text());
        return new TaskEntry(ref, id, tgid, ppid, uid, start, since,
                new TaskLabels(priority, in.text(), in.text(), in.text(), in.text()));
    }

    /** The priority {@link TaskPriority#text()} wrote. */
    static TaskPriority priority(String text) {
        return switch (text) {
            case "idle" -> TaskPriority.IDLE;
            case "?dif" -> TaskPriority.DIFFERENT;
            case "-" -> TaskPriority.EXITED;
            default -> {
                int ioClass = text.startsWith("rt/") ? IoPriority.CLASS_RT
                        : text.startsWith("be/") ? IoPriority.CLASS_BE : -1;
                try {
                    yield ioClass < 0 ? TaskPriority.UNKNOWN
                            : TaskPriority.of(new IoPriority(ioClass, Integer.parseInt(text.substring(3))));
                } catch (NumberFormatException e) {
                    yield TaskPriority.UNKNOWN;
                }
            }
        };
    }
}
