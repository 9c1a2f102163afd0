package org.jiotop.output.html;

import org.jiotop.linux.TaskLabels;
import org.jiotop.model.IoDelta;
import org.jiotop.model.Report;
import org.jiotop.model.Row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The I/O of a recording added up by process, by user and by group: each one's bytes over the
 * whole span and its rates in every interval, for the tables and the stacked charts.
 */
final class Tally {
    /** One process, user or group: its name, the user it ran as (for a process), and its I/O. */
    static final class Series {
        final String name;
        final String user;
        final double[] readRate;
        final double[] writeRate;
        long readBytes;
        long writtenBytes;
        /** Processes it sums (for a user or group). */
        int members;

        Series(String name, String user, int intervals) {
            this.name = name;
            this.user = user;
            this.readRate = new double[intervals];
            this.writeRate = new double[intervals];
        }

        void add(int interval, double seconds, long read, long written) {
            readBytes += read;
            writtenBytes += written;
            if (seconds > 0) {
                readRate[interval] += read / seconds;
                writeRate[interval] += written / seconds;
            }
        }

        double[] rates(boolean write) {
            return write ? writeRate : readRate;
        }

        long bytes(boolean write) {
            return write ? writtenBytes : readBytes;
        }
    }

    final int intervals;
    final double[] totalRead;
    final double[] totalWrite;
    final Map<String, Series> processes = new LinkedHashMap<>();
    final Map<String, Series> users = new LinkedHashMap<>();
    final Map<String, Series> groups = new LinkedHashMap<>();

    Tally(RecordedReports recorded) {
        List<RecordedReports.Timed> all = recorded.intervals();
        intervals = all.size();
        totalRead = new double[intervals];
        totalWrite = new double[intervals];
        for (int i = 0; i < intervals; i++) {
            RecordedReports.Timed t = all.get(i);
            totalRead[i] = t.tasks().totalReadPerSecond();
            totalWrite[i] = t.tasks().totalWritePerSecond();
            addTasks(i, t.tasks());
            if (t.groups() != null) {
                addGroups(i, t.groups());
            }
        }
        for (Series p : processes.values()) {
            users.get(p.user).members++;
        }
    }

    private void addTasks(int i, Report r) {
        double seconds = r.durationNanos() / 1e9;
        for (Row row : r.rows()) {
            IoDelta d = row.activity().delta();
            if (d.readBytes() == 0 && d.writtenBytes() == 0) {
                continue;
            }
            TaskLabels l = row.labels();
            String user = l != null ? l.user() : Integer.toString(row.uid());
            String command = l != null ? l.shortCommand() : "?";
            // A thread counts in its process: the process is what a person recognises.
            int pid = r.processes() ? row.id() : row.tgid();
            String name = command + " (" + pid + ")";
            Series p = processes.computeIfAbsent(name, n -> new Series(n, user, intervals));
            p.add(i, seconds, d.readBytes(), d.writtenBytes());
            Series u = users.computeIfAbsent(user, n -> new Series(n, n, intervals));
            u.add(i, seconds, d.readBytes(), d.writtenBytes());
        }
    }

    private void addGroups(int i, Report r) {
        double seconds = r.durationNanos() / 1e9;
        for (Row row : r.rows()) {
            if (row.group() == null) {
                continue;
            }
            IoDelta d = row.activity().delta();
            Series g = groups.computeIfAbsent(row.group().label(), n -> new Series(n, null, intervals));
            g.add(i, seconds, d.readBytes(), d.writtenBytes());
            g.members = Math.max(g.members, row.group().tasks());
        }
    }

    /**
     * The {@code n} of {@code all} that moved the most bytes (read, or written), most first, and
     * the rest summed into one series named {@code others} when there is a rest with I/O.
     */
    List<Series> top(Map<String, Series> all, boolean write, int n, String others) {
        List<Series> sorted = byBytes(all, write);
        List<Series> out = new ArrayList<>();
        Series rest = new Series(others, null, intervals);
        for (Series s : sorted) {
            if (s.bytes(write) == 0) {
                break;
            }
            if (out.size() < n) {
                out.add(s);
            } else {
                for (int i = 0; i < intervals; i++) {
                    rest.readRate[i] += s.readRate[i];
                    rest.writeRate[i] += s.writeRate[i];
                }
                rest.readBytes += s.readBytes;
                rest.writtenBytes += s.writtenBytes;
            }
        }
        if (rest.bytes(write) > 0) {
            out.add(rest);
        }
        return out;
    }

    /** {@code all} by the bytes it moved ({@code write}: written, else read), most first. */
    static List<Series> byBytes(Map<String, Series> all, boolean write) {
        List<Series> sorted = new ArrayList<>(all.values());
        sorted.sort(Comparator.comparingLong((Series s) -> s.bytes(write)).reversed()
                .thenComparing(s -> s.name));
        return sorted;
    }

    /** {@code all} by the bytes read and written, most first. */
    static List<Series> byAllBytes(Map<String, Series> all) {
        List<Series> sorted = new ArrayList<>(all.values());
        sorted.sort(Comparator.comparingLong((Series s) -> s.readBytes + s.writtenBytes).reversed()
                .thenComparing(s -> s.name));
        return sorted;
    }
}
