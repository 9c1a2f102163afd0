package org.jiotop.record;

import org.jiotop.linux.CgroupCache;
import org.jiotop.linux.CgroupLabels;
import org.jiotop.linux.LogicalIo;
import org.jiotop.linux.TaskId;
import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.Visibility;
import org.jiotop.model.Interval;
import org.jiotop.model.IoDelta;
import org.jiotop.model.TaskActivity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The INTERVAL record and the segment state on both sides. Only tasks that did something in the
 * interval have rows; the others are known from their TASK record until the interval that says
 * they ended, so that an interval lists every task alive as the live run's did, at no cost per idle
 * task. A row's accumulated figures are not written while they are the previous ones plus the
 * interval's, which is what they almost always are.
 */
final class IntervalCodec {
    private IntervalCodec() {
    }

    /**
     * Write side: which tasks the segment has named, and what their accumulated figures are. What
     * it has named, it and every reader hold until the segment ends; {@link #full} says when a new
     * segment should start, so that neither grows without bound on a machine that starts tasks
     * with new command lines all day.
     */
    static final class Encoder {
        /** Tasks a segment names at most: a reader holds ~200 bytes for each. */
        static final int MAX_TASKS = 32_768;
        /** Texts a segment writes at most, and their characters in all. */
        static final int MAX_TEXTS = 32_768;
        static final long MAX_CHARS = 2L << 20;

        private final SegmentStart start;
        /** By ID: a task's start time comes out a little differently in each sample ({@link TaskId#sameTask}). */
        private final Map<Integer, Known> known = new HashMap<>();
        private final StringTable strings = new StringTable();
        private int nextRef;
        /** Counts intervals: a task not seen in the latest one is gone. */
        private long generation;

        Encoder(SegmentStart start) {
            this.start = start;
        }

        /**
         * Appends the interval's records (TASK records first) to {@code frames}; {@code owners} tells
         * a process's owner (null for none) when its TASK record is written, and while it is young
         * enough to be moved into its cgroup still ({@link CgroupCache#SETTLE_NANOS}), when a change
         * of owner writes its record again.
         */
        void encode(Interval interval, Instant wall, Visibility seen, Function<TaskActivity, TaskLabels> labels,
                    Function<TaskActivity, CgroupLabels> owners, boolean idleLabels, Frames frames) {
            generation++;
            List<Integer> ended = new ArrayList<>();
            List<TaskActivity> rows = new ArrayList<>();
            List<Integer> refs = new ArrayList<>();
            List<IoDelta> previous = new ArrayList<>();
            for (TaskActivity a : interval.tasks()) {
                TaskSample s = a.sample();
                Known k = known.get(s.id());
                if (k != null && !k.task.sameTask(s.taskId()) && !k.task.endedAs(s.taskId())) {
                    ended.add(k.ref); // its ID was given to a new task
                    k = null;
                }
                IoDelta before = k == null ? IoDelta.ZERO : k.accumulated;
                boolean row = needsRow(a, before);
                // An idle task's labels are read again only when asked: a kernel thread's name changes
                // with its work, but reading ten thousand tasks' labels costs more than a refresh.
                TaskLabels l = k == null || row || idleLabels ? labels.apply(a) : null;
                // Threads share their process's cgroup: only a process's first thread carries it.
                boolean settling = k != null && s.id() == s.tgid() && !a.exited()
                        && interval.endNanos() - k.task.startNanos() < CgroupCache.SETTLE_NANOS;
                CgroupLabels moved = settling ? owners.apply(a) : null;
                boolean ownerChanged = settling && !Objects.equals(moved, k.owner);
                if (k == null || (l != null && !k.labels.equals(l)) || ownerChanged) {
                    CgroupLabels owner = ownerChanged ? moved : s.id() == s.tgid() ? owners.apply(a) : null;
                    k = new Known(k == null ? nextRef++ : k.ref, k == null ? s.taskId() : k.task,
                            l != null ? l : k.labels, before, owner);
                    known.put(s.id(), k);
                    ByteSink body = frames.begin();
                    new TaskEntry(k.ref, s.id(), s.tgid(), s.ppid(), s.uid(), k.task.startNanos(),
                            a.accumulatedSinceNanos(), k.labels, owner).write(body, start.monotonicNanos(), strings);
                    frames.end();
                }
                k.generation = generation;
                if (row) {
                    rows.add(a);
                    refs.add(k.ref);
                    previous.add(before);
                }
                k.accumulated = a.accumulated();
            }
            for (Iterator<Known> i = known.values().iterator(); i.hasNext(); ) {
                Known k = i.next();
                if (k.generation != generation) {
                    ended.add(k.ref); // no longer listed: gone from the scan, or an exited task's rows are over
                    i.remove();
                }
            }
            ByteSink out = frames.begin();
            out.u8(RecordFormat.INTERVAL);
            out.zigzag(interval.endNanos() - start.monotonicNanos());
            out.varint(interval.durationNanos());
            // In nanoseconds, as the live run's JSON "time" has them.
            Instant segmentWall = Instant.ofEpochMilli(start.wallMillis());
            out.zigzag(Duration.between(segmentWall, wall).toNanos());
            out.u8((interval.delayAccounting() ? RecordFormat.DELAY_ACCOUNTING : 0)
                    | (seen.procfs() ? RecordFormat.PROCFS : 0));
            if (seen.procfs()) {
                out.u8(RecordFormat.WHY.indexOf(seen.why()));
                out.varint(seen.unreadable());
                out.varint(seen.processes());
            }
            out.zigzag(interval.pagedInKiB());
            out.zigzag(interval.pagedOutKiB());
            out.zigzag(interval.lostExitReports());
            out.varint(ended.size());
            for (int ref : ended) {
                out.varint(ref);
            }
            out.varint(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                row(out, refs.get(i), rows.get(i), previous.get(i));
            }
            frames.end();
        }

        /** Whether the segment has named as many tasks or texts as one should. */
        boolean full() {
            return nextRef >= MAX_TASKS || strings.size() >= MAX_TEXTS || strings.chars() >= MAX_CHARS;
        }

        /**
         * Whether a reader could not tell the task's figures without a row: it did something, it
         * exited, or its accumulated figures are not the previous ones.
         */
        private static boolean needsRow(TaskActivity a, IoDelta previous) {
            IoDelta d = a.delta();
            if (a.exited() || !d.isZero() || !d.logical().same(LogicalIo.ZERO)) {
                return true;
            }
            // Compared field by field only when not the same object: most tasks are idle most of the time.
            return previous != a.accumulated() && !previous.plus(d).equals(a.accumulated());
        }

        private static void row(ByteSink out, int ref, TaskActivity a, IoDelta previous) {
            IoDelta d = a.delta();
            // The kernel counts page-cache I/O in pages and direct I/O in sectors: most figures divide.
            boolean pages = multiples(d, RecordFormat.PAGE);
            boolean sectors = !pages && multiples(d, RecordFormat.SECTOR);
            boolean delays = d.blkioDelayNanos() != 0 || d.swapinDelayNanos() != 0;
            boolean logical = !d.logical().same(LogicalIo.ZERO);
            boolean accumulated = !previous.plus(d).equals(a.accumulated());
            int flags = (a.exited() ? RecordFormat.EXITED | RecordFormat.EXITED_NAME : 0)
                    | (sectors ? RecordFormat.IN_SECTORS : 0) | (pages ? RecordFormat.IN_PAGES : 0)
                    | (d.cancelledWriteBytes() != 0 ? RecordFormat.CANCELLED : 0)
                    | (delays ? RecordFormat.DELAYS : 0)
                    | (accumulated ? RecordFormat.ACCUMULATED : 0) | (logical ? RecordFormat.LOGICAL : 0);
            int unit = pages ? RecordFormat.PAGE : sectors ? RecordFormat.SECTOR : 1;
            out.varint(ref);
            out.u8(flags);
            out.varint(d.readBytes() / unit);
            out.varint(d.writeBytes() / unit);
            if (d.cancelledWriteBytes() != 0) {
                out.varint(d.cancelledWriteBytes() / unit);
            }
            if (delays) {
                out.varint(d.blkioDelayNanos());
                out.varint(d.swapinDelayNanos());
            }
            if (logical) {
                logical(out, d.logical());
            }
            if (accumulated) {
                IoDelta acc = a.accumulated();
                out.varint(acc.readBytes());
                out.varint(acc.writeBytes());
                out.varint(acc.cancelledWriteBytes());
                out.varint(acc.blkioDelayNanos());
                out.varint(acc.swapinDelayNanos());
                logical(out, acc.logical());
            }
            if (a.exited()) {
                out.raw(a.exitedName());
            }
        }

        private static void logical(ByteSink out, LogicalIo l) {
            out.varint(l.readChars());
            out.varint(l.writeChars());
            out.varint(l.readSyscalls());
            out.varint(l.writeSyscalls());
        }

        private static boolean multiples(IoDelta d, int unit) {
            return d.readBytes() % unit == 0 && d.writeBytes() % unit == 0 && d.cancelledWriteBytes() % unit == 0;
        }

        private static final class Known {
            final int ref;
            final TaskId task;
            final TaskLabels labels;
            /** The owner its last TASK record carries (null for a thread, or none). */
            final CgroupLabels owner;
            IoDelta accumulated;
            long generation;

            Known(int ref, TaskId task, TaskLabels labels, IoDelta accumulated, CgroupLabels owner) {
                this.ref = ref;
                this.task = task;
                this.labels = labels;
                this.accumulated = accumulated;
                this.owner = owner;
            }
        }
    }

    /** Read side: the segment's tasks by ref, and their accumulated figures so far. */
    static final class Decoder {
        private final SegmentStart start;
        private final List<TaskEntry> entries = new ArrayList<>();
        private final List<IoDelta> accumulated = new ArrayList<>();
        /** The refs of the tasks alive, in order of first appearance. */
        private final Set<Integer> alive = new LinkedHashSet<>();
        private final StringTable strings = new StringTable();

        Decoder(SegmentStart start) {
            this.start = start;
        }

        SegmentStart start() {
            return start;
        }

        void task(ByteSource in) throws ByteSource.Damage {
            TaskEntry e = TaskEntry.read(in, start.monotonicNanos(), strings);
            if (e.ref() > entries.size()) {
                throw new ByteSource.Damage("task " + e.ref() + " named before task " + entries.size());
            }
            if (e.ref() == entries.size()) {
                entries.add(e);
                accumulated.add(IoDelta.ZERO);
            } else {
                entries.set(e.ref(), e);
            }
            alive.add(e.ref());
        }

        RecordedInterval interval(ByteSource in) throws ByteSource.Damage {
            long end = in.zigzag() + start.monotonicNanos();
            long duration = in.varint();
            Instant time = Instant.ofEpochMilli(start.wallMillis()).plusNanos(in.zigzag());
            int flags = in.u8();
            boolean delayAccounting = (flags & RecordFormat.DELAY_ACCOUNTING) != 0;
            Visibility seen = (flags & RecordFormat.PROCFS) != 0 ? procfs(in) : Visibility.TASKSTATS;
            long pagedIn = in.zigzag();
            long pagedOut = in.zigzag();
            long lost = in.zigzag();
            for (int i = in.count(); i > 0; i--) {
                alive.remove(ref(in));
            }
            int n = in.count();
            Map<Integer, TaskActivity> rows = new HashMap<>();
            for (int i = 0; i < n; i++) {
                int ref = ref(in);
                alive.add(ref);
                rows.put(ref, row(in, ref));
            }
            List<TaskActivity> tasks = new ArrayList<>(alive.size());
            Map<TaskId, TaskLabels> labels = new HashMap<>();
            Map<TaskId, CgroupLabels> owners = new HashMap<>();
            for (Iterator<Integer> i = alive.iterator(); i.hasNext(); ) {
                int ref = i.next();
                TaskActivity row = rows.get(ref);
                TaskActivity a = row != null ? row : activity(ref, IoDelta.ZERO, null);
                tasks.add(a);
                TaskEntry e = entries.get(ref);
                labels.put(a.sample().taskId(), e.labels());
                if (e.owner() != null) {
                    owners.put(a.sample().taskId(), e.owner());
                }
                if (a.exited()) {
                    i.remove(); // its last row
                }
            }
            return new RecordedInterval(time, start,
                    new Interval(end - duration, end, tasks, pagedIn, pagedOut, delayAccounting, lost), labels, owners,
                    seen);
        }

        private static Visibility procfs(ByteSource in) throws ByteSource.Damage {
            int why = in.u8();
            if (why >= RecordFormat.WHY.size()) {
                throw new ByteSource.Damage("unknown reason " + why + " for reading /proc");
            }
            return new Visibility(Visibility.Source.PROCFS, in.count(), in.count(), RecordFormat.WHY.get(why));
        }

        private int ref(ByteSource in) throws ByteSource.Damage {
            int ref = in.count();
            if (ref >= entries.size()) {
                throw new ByteSource.Damage("unnamed task " + ref);
            }
            return ref;
        }

        private TaskActivity row(ByteSource in, int ref) throws ByteSource.Damage {
            int flags = in.u8();
            long unit = (flags & RecordFormat.IN_PAGES) != 0 ? RecordFormat.PAGE
                    : (flags & RecordFormat.IN_SECTORS) != 0 ? RecordFormat.SECTOR : 1;
            long read = in.varint() * unit;
            long write = in.varint() * unit;
            long cancelled = (flags & RecordFormat.CANCELLED) != 0 ? in.varint() * unit : 0;
            long blkio = 0;
            long swapin = 0;
            if ((flags & RecordFormat.DELAYS) != 0) {
                blkio = in.varint();
                swapin = in.varint();
            }
            LogicalIo logical = (flags & RecordFormat.LOGICAL) != 0 ? logical(in) : LogicalIo.ZERO;
            IoDelta delta = new IoDelta(read, write, cancelled, blkio, swapin, logical);
            IoDelta acc = (flags & RecordFormat.ACCUMULATED) != 0
                    ? new IoDelta(in.varint(), in.varint(), in.varint(), in.varint(), in.varint(), logical(in))
                    : accumulated.get(ref).plus(delta);
            accumulated.set(ref, acc);
            return activity(ref, delta, (flags & RecordFormat.EXITED_NAME) != 0 ? in.raw() : null);
        }

        /** Task {@code ref} over the interval: {@code delta} in it, its accumulated figures so far. */
        private TaskActivity activity(int ref, IoDelta delta, byte[] exitedName) {
            TaskEntry e = entries.get(ref);
            IoDelta acc = accumulated.get(ref);
            TaskSample sample = new TaskSample(e.id(), e.tgid(), e.ppid(), e.startNanos(), e.uid(), false,
                    acc.readBytes(), acc.writeBytes(), acc.cancelledWriteBytes(), acc.blkioDelayNanos(),
                    acc.swapinDelayNanos(), acc.logical());
            return new TaskActivity(sample, delta, acc, e.accumulatedSinceNanos(), exitedName);
        }

        private static LogicalIo logical(ByteSource in) throws ByteSource.Damage {
            return new LogicalIo(in.varint(), in.varint(), in.varint(), in.varint());
        }
    }
}
