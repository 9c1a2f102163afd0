package org.jiotop.output;

import io.prometheus.metrics.core.metrics.Counter;
import org.jiotop.linux.Visibility;
import org.jiotop.model.IoDelta;
import org.jiotop.model.TaskActivity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;

/**
 * The Prometheus metrics: counters in bytes and seconds, by default one series per command name
 * and user, within a cap on the number of series (later groups share one series, see
 * {@link GroupCap}), per process only when asked and up to a cap. Counters only ever add an
 * interval's deltas, exited tasks' last part included, so they never go back when a process
 * exits; a group that expires has its counts carried into {@code other}, so the sum over all
 * series of a counter never goes back either. No command-line arguments appear in labels: they
 * can hold secrets.
 */
public final class MetricsExport {
    public static final int DEFAULT_MAX_SERIES = 5000;
    /** How long a group keeps its series without doing I/O. */
    public static final int IDLE_EXPIRY_SECONDS = 3600;
    /** What a series is per unless told, as {@code --export-by} takes it (a constant: the option table reads it). */
    public static final String DEFAULT_BY = "command,user";
    public static final List<String> DEFAULT_LABELS = List.of(DEFAULT_BY.split(","));

    /**
     * What is exported: the label names of the grouped series, the cap on all series, per-process
     * series and their cap, and after how many intervals without I/O a group's series end.
     */
    public record Settings(List<String> labels, int maxSeries, boolean perProcess, int maxProcesses,
                           long idleIntervals) {
        public Settings {
            labels = List.copyOf(labels);
        }

        /** Series there always are: the exporter's own, "other"'s, and room for every per-process series. */
        public int fixedSeries() {
            int fields = IoField.values().length;
            return SelfMetrics.series(perProcess) + fields + (perProcess ? fields * maxProcesses : 0);
        }

        /** Groups with series of their own within the cap. */
        public int maxGroups() {
            return Math.max(0, (maxSeries - fixedSeries()) / IoField.values().length);
        }
    }

    private final Map<IoField, Counter> byGroup;
    private final ProcessSeries byProcess;
    private final SelfMetrics self;
    private final Lock exclusive;
    private final GroupCap cap;
    private final UnnamedIo unnamed;
    private boolean otherHasSeries;
    private List<SeriesLabels> expired = List.of();
    private long lostSeen;
    /** Counters from /proc have no swap-in delay: its series then get no 0 that would mean "none". */
    private boolean swapinKnown = true;

    /** @throws IllegalArgumentException when the cap leaves no room for the series there always are */
    public MetricsExport(ConsistentRegistry registry, Settings settings) {
        if (settings.maxSeries() < settings.fixedSeries()) {
            throw new IllegalArgumentException("--export-max-series=" + settings.maxSeries() + " is below the "
                    + settings.fixedSeries() + " series the exporter always has (its own, those of \"other\""
                    + (settings.perProcess() ? " and of --export-pids-max processes" : "") + ")");
        }
        this.exclusive = registry.exclusive();
        this.byGroup = counters(registry, "jiotop_", settings.labels(), false);
        SeriesLabels other = SeriesLabels.other(settings.labels().size());
        this.cap = new GroupCap(other, settings.maxGroups(), settings.idleIntervals());
        this.unnamed = new UnnamedIo(other);
        this.self = new SelfMetrics(registry, settings.maxSeries(), settings.maxGroups(), settings.idleIntervals(),
                settings.perProcess());
        Map<IoField, Counter> perPid = settings.perProcess() ? counters(registry, "jiotop_process_",
                settings.labels(), true) : null;
        this.byProcess = perPid == null ? null : new ProcessSeries(perPid, settings.maxProcesses(),
                self.droppedProcesses, (d, labels) -> add(perPid, d, labels));
        self.series.set(SelfMetrics.series(settings.perProcess()));
    }

    /** A counter per {@link IoField}, named after it, so each name means what it means in JSON and CSV. */
    private static Map<IoField, Counter> counters(ConsistentRegistry registry, String prefix, List<String> labels,
                                                  boolean perPid) {
        String of = perPid ? "process" : String.join(", ", labels);
        List<String> names = new ArrayList<>();
        if (perPid) {
            names.add("pid");
        }
        names.addAll(labels);
        Map<IoField, Counter> out = new EnumMap<>(IoField.class);
        for (IoField f : IoField.values()) {
            out.put(f, Counter.builder().name(prefix + f.name).help(f.help(", by " + of))
                    .labelNames(names.toArray(String[]::new)).register(registry));
        }
        return out;
    }

    /** What the counters of the latest interval could see. */
    public void visibility(Visibility v) {
        self.source.setLabelValues(v.source().label());
        self.unreadable.set(v.unreadable());
        swapinKnown = !v.procfs();
    }

    /**
     * Adds one interval: {@code tasks} are all processes (exited ones with their last part),
     * {@code names} labels those that did I/O, or gives null for a process whose name is not known
     * (its I/O is then counted once it is), a value {@code other} set apart from the series past the
     * cap ({@link SeriesLabels#apartFromOther}). Gives the interval's I/O by series, as counted.
     */
    public Map<SeriesLabels, IoDelta> record(List<TaskActivity> tasks, Function<TaskActivity, SeriesLabels> names,
                                             long lostExitReports) {
        Function<TaskActivity, SeriesLabels> real = a -> {
            SeriesLabels n = names.apply(a);
            return n == null ? null : n.apartFromOther();
        };
        Map<SeriesLabels, IoDelta> series = new HashMap<>();
        unnamed.sum(tasks, real).forEach((group, d) -> {
            SeriesLabels s = cap.seriesOf(group);
            if (!s.equals(group)) {
                self.foldedGroups.inc();
            }
            series.merge(s, d, IoDelta::plus);
        });
        series.forEach((n, d) -> add(byGroup, d, n.array()));
        otherHasSeries |= series.containsKey(cap.other());
        expired = cap.endInterval();
        expire(expired);
        self.groups.set(cap.size());
        if (byProcess != null) {
            byProcess.record(tasks, real);
        }
        // From /proc a group or process has no swap-in delay series: counting one would add a quarter.
        int fields = IoField.values().length - (swapinKnown ? 0 : 1);
        self.series.set(SelfMetrics.series(byProcess != null)
                + fields * (cap.size() + (otherHasSeries ? 1 : 0) + (byProcess != null ? byProcess.size() : 0)));
        if (lostExitReports > lostSeen) {
            self.lostExitReports.inc(lostExitReports - lostSeen);
            lostSeen = lostExitReports;
        }
        return series;
    }

    /** The groups whose series ended in the latest {@link #record}, their counts carried into "other". */
    public List<SeriesLabels> expired() {
        return expired;
    }

    /** How long the latest interval's sample took, in nanoseconds. */
    public void sampled(long nanos) {
        self.sampleSeconds.set(nanos / 1e9);
    }

    /** Ends the series of {@code groups}, their counts carried into "other" in one step for scrapes. */
    private void expire(List<SeriesLabels> groups) {
        if (groups.isEmpty()) {
            return;
        }
        String[] other = cap.other().array();
        exclusive.lock();
        try {
            for (SeriesLabels g : groups) {
                String[] labels = g.array();
                for (Map.Entry<IoField, Counter> e : byGroup.entrySet()) {
                    Counter c = e.getValue();
                    if (e.getKey() != IoField.SWAPIN_DELAY_SECONDS || swapinKnown) {
                        c.labelValues(other).inc(c.labelValues(labels).get());
                    }
                    c.remove(labels);
                }
                self.expiredGroups.inc();
            }
            otherHasSeries = true;
        } finally {
            exclusive.unlock();
        }
    }

    private void add(Map<IoField, Counter> counters, IoDelta d, String... labels) {
        for (Map.Entry<IoField, Counter> c : counters.entrySet()) {
            IoField f = c.getKey();
            if (f == IoField.SWAPIN_DELAY_SECONDS && !swapinKnown) {
                continue;
            }
            if (f.inSeconds()) {
                c.getValue().labelValues(labels).inc(f.value(d));
            } else {
                c.getValue().labelValues(labels).inc(f.raw(d));
            }
        }
    }
}
