package org.jiotop.output;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The exporter's own health, so that a dashboard and alerts can tell a quiet machine from a
 * broken or saturated exporter: what runs, how many series it has against its cap, how much I/O
 * went to {@code other}, how long a sample takes, and what the kernel could not report.
 */
final class SelfMetrics {
    /** Series these metrics always have (one each), without the per-process one. */
    static final int SERIES = 10;

    final Counter lostExitReports;
    final Gauge groups;
    final Counter foldedGroups;
    final Counter expiredGroups;
    final Gauge series;
    final Gauge sampleSeconds;
    final Counter droppedProcesses;
    final Info source;
    final Gauge unreadable;

    SelfMetrics(PrometheusRegistry registry, int maxSeries, int maxGroups, long idleIntervals, boolean perProcess) {
        Gauge.builder().name("jiotop_build_info").help("jiotop's version and the Java runtime it runs on; always 1")
                .labelNames("version", "java_version").register(registry)
                .labelValues(Version.NUMBER, Runtime.version().toString()).set(1);
        Gauge.builder().name("jiotop_series_limit").help("The most series this exporter serves (--export-max-series)")
                .register(registry).set(maxSeries);
        lostExitReports = Counter.builder().name("jiotop_lost_exit_reports")
                .help("Times exit reports were dropped (the kernel's socket buffer overflowed, or jiotop's queue"
                        + " was full while it was held up): the last I/O of those tasks is missing")
                .register(registry);
        groups = Gauge.builder().name("jiotop_groups")
                .help("Groups with series of their own, at most " + maxGroups
                        + "; the I/O of later groups goes to the series whose labels are all \"other\"")
                .register(registry);
        foldedGroups = Counter.builder().name("jiotop_groups_folded")
                .help("Intervals in which a group past the cap of " + maxGroups
                        + " did I/O, counted under \"other\" (once per group and interval)")
                .register(registry);
        expiredGroups = Counter.builder().name("jiotop_groups_expired")
                .help("Groups whose series ended after " + idleIntervals
                        + " intervals without I/O, their counts carried into \"other\"")
                .register(registry);
        series = Gauge.builder().name("jiotop_series").help("Series this exporter serves now, its own included")
                .register(registry);
        sampleSeconds = Gauge.builder().name("jiotop_sample_duration_seconds")
                .help("How long the latest interval's sample and accounting took").register(registry);
        source = Info.builder().name("jiotop_source").labelNames("source")
                .help("Where the counters come from: taskstats, or procfs (without root: only readable processes,"
                        + " no swap-in delay)").register(registry);
        unreadable = Gauge.builder().name("jiotop_unreadable_processes")
                .help("Processes whose counters this user may not read (procfs source), left out of every series")
                .register(registry);
        droppedProcesses = perProcess ? Counter.builder().name("jiotop_process_series_dropped")
                .help("Processes not exported per PID because --export-pids-max was reached (each counted once)")
                .register(registry) : null;
    }

    /** The series these metrics have, {@code perProcess} or not. */
    static int series(boolean perProcess) {
        return SERIES + (perProcess ? 1 : 0);
    }
}
