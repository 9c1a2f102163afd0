package org.jiotop.record;

import org.jiotop.linux.CgroupLabels;
import org.jiotop.linux.IoPriority;
import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.TaskPriority;

/**
 * A task of a segment, written once before its first row, and again when its labels change (an
 * exec, an ionice, its exit): rows name it by {@code ref}, its number within the segment.
 * {@code owner}: who its cgroup says owns it, null when not recorded (a thread other than its
 * process's first: threads share their process's cgroup).
 */
record TaskEntry(int ref, int id, int tgid, int ppid, int uid, long startNanos, long accumulatedSinceNanos,
                 TaskLabels labels, CgroupLabels owner) {
    /** The TASK record's flag: the owner's texts follow. */
    private static final int OWNER = 1;

    void write(ByteSink out, long base, StringTable strings) {
        out.u8(RecordFormat.TASK);
        out.varint(ref);
        out.varint(id);
        out.varint(tgid);
        out.varint(ppid);
        out.varint(uid & 0xFFFFFFFFL);
        out.zigzag(startNanos - base);
        out.zigzag(accumulatedSinceNanos - base);
        strings.write(out, labels.priority().text());
        strings.write(out, labels.user());
        strings.write(out, labels.processCommand());
        strings.write(out, labels.processShortCommand());
        strings.write(out, labels.threadSuffix());
        out.u8(owner != null ? OWNER : 0);
        if (owner != null) {
            strings.write(out, owner.unit());
            strings.write(out, owner.container());
            strings.write(out, owner.pod());
            strings.write(out, owner.cgroup());
        }
    }

    static TaskEntry read(ByteSource in, long base, StringTable strings) throws ByteSource.Damage {
        int ref = in.count();
        int id = in.count();
        int tgid = in.count();
        int ppid = in.count();
        int uid = (int) in.varint();
        long start = in.zigzag() + base;
        long since = in.zigzag() + base;
        TaskPriority priority = priority(strings.read(in));
        TaskLabels labels = new TaskLabels(priority, strings.read(in), strings.read(in), strings.read(in),
                strings.read(in));
        CgroupLabels owner = (in.u8() & OWNER) != 0
                ? new CgroupLabels(strings.read(in), strings.read(in), strings.read(in), strings.read(in)) : null;
        return new TaskEntry(ref, id, tgid, ppid, uid, start, since, labels, owner);
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
