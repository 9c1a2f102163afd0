package org.jiotop.output;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.jiotop.linux.Visibility;
import org.jiotop.model.IoDelta;
import org.jiotop.model.TaskActivity;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Prometheus metrics: counters in bytes and seconds, by default one series per command name
 * and user, at most {@link #MAX_GROUPS} of them (later groups share one series, see
 * {@link GroupCap}), per process only when asked and up to a cap. Counters only ever add an
 * interval's deltas, exited tasks' last part included, so they never go back when a process
 * exits. No command-line arguments appear in labels: they can hold secrets.
 */
public final class MetricsExport {
    /** (command, user) groups with series of their own; each has 5 series. */
    public static final int MAX_GROUPS = 1000;

    /** What a group or process is called in labels. */
    public record Names(String command, String user) {
    }

    private final Map<IoField, Counter> byGroup;
    private final Map<IoField, Counter> byProcess;
    private final Counter lostExitReports;
    private final Counter droppedProcesses;
    private final Gauge groups;
    private final Counter foldedGroups;
    private final GroupCap cap;
    private final UnnamedIo unnamed = new UnnamedIo();
    private final int maxProcesses;
    private final Map<Integer, Names> exportedProcesses = new HashMap<>();
    private long lostSeen;
    private final Info source;
    private final Gauge unreadable;
    /** Counters from /proc have no swap-in delay: its series then get no 0 that would mean "none". */
    private boolean swapinKnown = true;

    public MetricsExport(PrometheusRegistry registry, boolean perProcess, int maxProcesses) {
        this(registry, perProcess, maxProcesses, MAX_GROUPS);
    }

    MetricsExport(PrometheusRegistry registry, boolean perProcess, int maxProcesses, int maxGroups) {
        this.byGroup = counters(registry, "jiotop_", "command", "user");
        this.byProcess = perProcess ? counters(registry, "jiotop_process_", "pid", "command", "user") : null;
        this.maxProcesses = maxProcesses;
        this.cap = new GroupCap(maxGroups);
        this.lostExitReports = Counter.builder().name("jiotop_lost_exit_reports")
                .help("Times the kernel dropped exit reports (socket buffer overflow): the last I/O of those tasks is missing")
                .register(registry);
        this.droppedProcesses = perProcess ? Counter.builder().name("jiotop_process_series_dropped")
                .help("Processes not exported per PID because --export-pids-max was reached").register(registry) : null;
        this.groups = Gauge.builder().name("jiotop_groups")
                .help("(command, user) groups with series of their own, at most " + maxGroups
                        + "; the I/O of later groups goes to command=\"other\",user=\"other\"")
                .register(registry);
        this.source = Info.builder().name("jiotop_source").labelNames("source")
                .help("Where the counters come from: taskstats, or procfs (without root: only readable processes,"
                        + " no swap-in delay)").register(registry);
        this.unreadable = Gauge.builder().name("jiotop_unreadable_processes")
                .help("Processes whose counters this user may not read (procfs source), left out of every series")
                .register(registry);
        this.foldedGroups = Counter.builder().name("jiotop_groups_folded")
                .help("Intervals in which a group past the cap of " + maxGroups
                        + " did I/O, counted under command=\"other\" (once per group and interval)")
                .register(registry);
    }

    /** A counter per {@link IoField}, named after it, so each name means what it means in JSON and CSV. */
    private static Map<IoField, Counter> counters(PrometheusRegistry registry, String prefix, String... labels) {
        String of = labels[0].equals("pid") ? "process" : "command and user";
        Map<IoField, Counter> out = new EnumMap<>(IoField.class);
        for (IoField f : IoField.values()) {
            String needs = f.inSeconds() ? " (needs kernel.task_delayacct=1)" : "";
            out.put(f, Counter.builder().name(prefix + f.name).help(f.help + ", by " + of + needs).labelNames(labels)
                    .register(registry));
        }
        return out;
    }

    /** What the counters of the latest interval could see. */
    public void visibility(Visibility v) {
        source.setLabelValues(v.source().label());
        unreadable.set(v.unreadable());
        swapinKnown = !v.procfs();
    }

    /**
     * Adds one interval: {@code tasks} are all processes (exited ones with their last part),
     * {@code names} labels those that did I/O, or gives null for a process whose name is not known
     * (its I/O is then counted once it is).
     */
    public void record(List<TaskActivity> tasks, Function<TaskActivity, Names> names, long lostExitReports) {
        Map<Names, IoDelta> series = new HashMap<>();
        unnamed.sum(tasks, names).forEach((group, d) -> {
            Names s = cap.seriesOf(group);
            if (!s.equals(group)) {
                foldedGroups.inc();
            }
            series.merge(s, d, IoDelta::plus);
        });
        series.forEach((n, d) -> add(byGroup, d, n.command(), n.user()));
        groups.set(cap.size());
        if (byProcess != null) {
            Set<Integer> present = new HashSet<>();
            for (TaskActivity a : tasks) {
                present.add(a.sample().id());
                perProcess(a, names);
            }
            // Processes gone without an exit report end their series too.
            for (var it = exportedProcesses.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (!present.contains(e.getKey())) {
                    removeSeries(e.getKey(), e.getValue());
                    it.remove();
                }
            }
        }
        if (lostExitReports > lostSeen) {
            this.lostExitReports.inc(lostExitReports - lostSeen);
            lostSeen = lostExitReports;
        }
    }

    private void perProcess(TaskActivity a, Function<TaskActivity, Names> names) {
        int pid = a.sample().id();
        Names known = exportedProcesses.get(pid);
        if (known == null && !a.delta().isZero()) {
            if (exportedProcesses.size() >= maxProcesses) {
                droppedProcesses.inc();
                return;
            }
            known = names.apply(a);
            if (known == null) {
                return; // no name yet: its series starts once it has one
            }
            exportedProcesses.put(pid, known);
        }
        if (known == null) {
            return;
        }
        String id = Integer.toString(pid);
        add(byProcess, a.delta(), id, known.command(), known.user());
        if (a.exited()) {
            // Its series ends with the process: per-PID series must not pile up.
            removeSeries(pid, known);
            exportedProcesses.remove(pid);
        }
    }

    private void removeSeries(int pid, Names names) {
        for (Counter c : byProcess.values()) {
            c.remove(Integer.toString(pid), names.command(), names.user());
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
