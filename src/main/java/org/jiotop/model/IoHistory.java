package org.jiotop.model;

import org.jiotop.linux.TaskId;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The read and write rates of the last {@value #DEPTH} reports, per task (a thread or a process,
 * told from a later task with its ID by its start time, as {@link TaskId} does), per group, and of
 * the Total line: what the live view's graphs draw. An interval a task is missing from counts as no
 * I/O. Bounded: a task gets a history only once it has done I/O, loses it {@value #DEPTH} reports
 * after its last, and at most {@value #MAX_SERIES} are kept (beyond, a new task with I/O gets none
 * until older ones age out), a few hundred bytes each.
 */
public final class IoHistory {
    /** Reports remembered: the widest a graph is drawn. */
    public static final int DEPTH = 60;
    public static final int MAX_SERIES = 4096;

    /** A thread or process by kind and ID, or a group by kind and label. */
    private record Key(GroupKind kind, int id, String label) {
    }

    private final Map<Key, Series> series = new HashMap<>();
    private Series totals = new Series(0);
    private long tick;
    private long lastEnd = Long.MIN_VALUE;

    /**
     * Adds {@code report}'s rates as the newest interval; a report already added (the view redraws
     * the same interval after a key) is not added again. False when it was not added.
     */
    public boolean add(Report report) {
        if (report == null || report.endNanos() == lastEnd) {
            return false;
        }
        lastEnd = report.endNanos();
        tick++;
        totals.put(tick, report.totalReadPerSecond(), report.totalWritePerSecond());
        double seconds = report.durationNanos() / 1e9;
        for (Row r : report.rows()) {
            IoDelta d = r.activity().delta();
            double read = seconds > 0 ? d.readBytes() / seconds : 0;
            double write = seconds > 0 ? d.writtenBytes() / seconds : 0;
            put(keyOf(r, report.kind()), r.activity().sample().startNanos(), read, write);
        }
        if (tick % DEPTH == 0) {
            forgetIdle();
        }
        return true;
    }

    /** Forgets every rate: the intervals before the next one added are not these. */
    public void clear() {
        series.clear();
        totals = new Series(0);
        lastEnd = Long.MIN_VALUE;
    }

    private static Key keyOf(Row r, GroupKind kind) {
        return r.group() != null ? new Key(kind, 0, r.group().label()) : new Key(kind, r.id(), null);
    }

    private void put(Key key, long start, double read, double write) {
        Series s = series.get(key);
        if (s != null && key.label() == null && !TaskId.sameStart(s.start, start)
                && !TaskId.sameStartAsExit(s.start, start)) {
            series.remove(key); // the ID now belongs to another task
            s = null;
        }
        if (s == null) {
            if (read <= 0 && write <= 0) {
                return;
            }
            if (series.size() >= MAX_SERIES) {
                forgetIdle();
                if (series.size() >= MAX_SERIES) {
                    return;
                }
            }
            s = new Series(start);
            series.put(key, s);
        }
        s.put(tick, read, write);
    }

    private void forgetIdle() {
        for (Iterator<Series> it = series.values().iterator(); it.hasNext(); ) {
            if (it.next().lastBusy <= tick - DEPTH) {
                it.remove();
            }
        }
    }

    /** How many tasks and groups have a history now. */
    public int size() {
        return series.size();
    }

    /** The last {@code n} (at most {@value #DEPTH}) rates of {@code source} of the row, oldest first. */
    public double[] of(Row row, GroupKind kind, GraphSource source, int n) {
        Series s = series.get(keyOf(row, kind));
        double[] out = new double[Math.min(n, DEPTH)];
        if (s != null) {
            s.fill(out, tick, source);
        }
        return out;
    }

    /** The last {@code n} (at most {@value #DEPTH}) figures of the Total line, read or written, oldest first. */
    public double[] totals(GraphSource source, int n) {
        double[] out = new double[Math.min(n, DEPTH)];
        totals.fill(out, tick, source);
        return out;
    }

    /** One task's or group's rates in a ring of {@value #DEPTH} intervals, by tick. */
    private static final class Series {
        final long start;
        final float[] read = new float[DEPTH];
        final float[] write = new float[DEPTH];
        long last;
        long lastBusy;

        Series(long start) {
            this.start = start;
        }

        void put(long tick, double r, double w) {
            for (long t = Math.max(last + 1, tick - DEPTH + 1); t < tick; t++) {
                read[slot(t)] = 0;
                write[slot(t)] = 0;
            }
            read[slot(tick)] = (float) r;
            write[slot(tick)] = (float) w;
            last = tick;
            if (r > 0 || w > 0) {
                lastBusy = tick;
            }
        }

        void fill(double[] out, long now, GraphSource source) {
            for (int i = 0; i < out.length; i++) {
                long t = now - (out.length - 1 - i);
                if (t >= 1 && t <= last && t > last - DEPTH) {
                    out[i] = source.of(read[slot(t)], write[slot(t)]);
                }
            }
        }

        private static int slot(long t) {
            return (int) Math.floorMod(t, (long) DEPTH);
        }
    }
}
