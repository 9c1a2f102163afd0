package org.jiotop.output.html;

import org.jiotop.linux.TaskLabels;
import org.jiotop.model.IoDelta;
import org.jiotop.model.Report;
import org.jiotop.model.Row;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The I/O of a recording added up by process, by user and by group: each one's bytes over the
 * whole span and in each of at most {@value #POINTS} stretches of it (runs of intervals, for a
 * long recording), for the tables and the charts. Memory grows with the processes, not the
 * intervals.
 */
final class Tally {
    /** The most points a chart's line has: more than a printed page can tell apart. */
    static final int POINTS = 600;

    /**
     * One process, user or group: its name, the user it ran as (for a process), its bytes, and those
     * of each stretch it moved any in. Only those stretches are held: a busy machine's recording names
     * thousands of processes that did I/O in a stretch or two each, and a figure for every stretch of
     * each would not fit in jiotop's heap.
     */
    final class Series {
        final String name;
        final String user;
        long readBytes;
        long writtenBytes;
        /** Processes it sums (for a user or group). */
        int members;
        /** The stretches with bytes, in the order added (ascending), and the bytes of each. */
        private int[] at = new int[1];
        private long[] read = new long[1];
        private long[] written = new long[1];
        private int held;

        Series(String name, String user) {
            this.name = name;
            this.user = user;
        }

        /** Adds bytes to stretch {@code point}, the last one added to or a later one. */
        void add(int point, long r, long w) {
            readBytes += r;
            writtenBytes += w;
            if (held == 0 || at[held - 1] != point) {
                if (held == at.length) {
                    at = Arrays.copyOf(at, held * 2);
                    read = Arrays.copyOf(read, held * 2);
                    written = Arrays.copyOf(written, held * 2);
                }
                at[held++] = point;
            }
            read[held - 1] += r;
            written[held - 1] += w;
        }

        /** Bytes per second in each stretch. */
        double[] rates(boolean write) {
            double[] bytes = new double[points];
            for (int i = 0; i < held; i++) {
                bytes[at[i]] += write ? written[i] : read[i];
            }
            return Tally.this.rates(bytes);
        }

        long bytes(boolean write) {
            return write ? writtenBytes : readBytes;
        }
    }

    private final int points;
    private final double[] seconds;
    private final Instant[] times;
    private final double[] totalRead;
    private final double[] totalWrite;
    /** Stretches that hold an interval: fewer than planned when the file ended early. */
    private int used;
    final Map<String, Series> processes = new LinkedHashMap<>();
    final Map<String, Series> users = new LinkedHashMap<>();
    final Map<String, Series> groups = new LinkedHashMap<>();

    Tally(RecordedReports recorded) {
        int count = Math.max(0, recorded.count());
        points = Math.min(count, POINTS);
        seconds = new double[points];
        times = new Instant[points];
        totalRead = new double[points];
        totalWrite = new double[points];
        int i = 0;
        for (RecordedReports.Timed t : recorded.intervals()) {
            if (points == 0) {
                break;
            }
            int p = (int) Math.min(points - 1, (long) i * points / count);
            i++;
            double s = t.tasks().durationNanos() / 1e9;
            seconds[p] += s;
            times[p] = t.time();
            totalRead[p] += t.tasks().totalReadPerSecond() * s;
            totalWrite[p] += t.tasks().totalWritePerSecond() * s;
            addTasks(p, t.tasks());
            if (t.groups() != null) {
                addGroups(p, t.groups());
            }
            used = p + 1;
        }
        for (Series p : processes.values()) {
            users.get(p.user).members++;
        }
    }

    /** How many points the charts have. */
    int points() {
        return used;
    }

    /** The time each point ends at. */
    Instant[] times() {
        return Arrays.copyOf(times, used);
    }

    /** The Total line's read or written bytes per second at each point. */
    double[] totals(boolean write) {
        return rates(write ? totalWrite : totalRead);
    }

    private double[] rates(double[] bytes) {
        double[] out = new double[used];
        for (int p = 0; p < used; p++) {
            out[p] = seconds[p] > 0 ? bytes[p] / seconds[p] : 0;
        }
        return out;
    }

    private void addTasks(int p, Report r) {
        for (Row row : r.rows()) {
            IoDelta d = row.activity().delta();
            if (d.readBytes() == 0 && d.writtenBytes() == 0) {
                continue;
            }
            TaskLabels l = row.labels();
            String user = l != null ? l.user() : Integer.toString(row.uid());
            // A thread counts in its process, under the process's name, not its own: the process is
            // what a person recognises.
            String command = l != null ? l.processShortCommand() : "?";
            int pid = r.processes() ? row.id() : row.tgid();
            String name = command + " (" + pid + ")";
            processes.computeIfAbsent(name, n -> new Series(n, user)).add(p, d.readBytes(), d.writtenBytes());
            users.computeIfAbsent(user, n -> new Series(n, n)).add(p, d.readBytes(), d.writtenBytes());
        }
    }

    private void addGroups(int p, Report r) {
        for (Row row : r.rows()) {
            if (row.group() == null) {
                continue;
            }
            IoDelta d = row.activity().delta();
            Series g = groups.computeIfAbsent(row.group().label(), n -> new Series(n, null));
            g.add(p, d.readBytes(), d.writtenBytes());
            g.members = Math.max(g.members, row.group().tasks());
        }
    }

    /**
     * The {@code n} of {@code all} that moved the most bytes (read, or written), most first, and
     * the rest summed into one series named {@code others} when there is a rest with I/O.
     */
    List<Series> top(Map<String, Series> all, boolean write, int n, String others) {
        List<Series> out = new ArrayList<>();
        long[] restRead = new long[points];
        long[] restWritten = new long[points];
        for (Series s : byBytes(all, write)) {
            if (s.bytes(write) == 0) {
                break;
            }
            if (out.size() < n) {
                out.add(s);
            } else {
                for (int i = 0; i < s.held; i++) {
                    restRead[s.at[i]] += s.read[i];
                    restWritten[s.at[i]] += s.written[i];
                }
            }
        }
        Series rest = new Series(others, null);
        for (int p = 0; p < points; p++) {
            if (restRead[p] != 0 || restWritten[p] != 0) {
                rest.add(p, restRead[p], restWritten[p]);
            }
        }
        if (rest.bytes(write) > 0) {
            out.add(rest);
        }
        return out;
    }

    /** {@code all} by the bytes it moved ({@code write}: written, else read), most first. */
    static List<Series> byBytes(Map<String, Series> all, boolean write) {
        return sorted(all, Comparator.comparingLong((Series s) -> s.bytes(write)));
    }

    /** {@code all} by the bytes read and written, most first. */
    static List<Series> byAllBytes(Map<String, Series> all) {
        return sorted(all, Comparator.comparingLong((Series s) -> s.readBytes + s.writtenBytes));
    }

    private static List<Series> sorted(Map<String, Series> all, Comparator<Series> bytes) {
        List<Series> sorted = new ArrayList<>(all.values());
        sorted.sort(bytes.reversed().thenComparing(s -> s.name));
        return sorted;
    }
}
