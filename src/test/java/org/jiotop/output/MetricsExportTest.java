package org.jiotop.output;

import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.Visibility;
import org.jiotop.model.IoDelta;
import org.jiotop.model.TaskActivity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The exporter's series: how many there can be, and that every byte is in exactly one. */
class MetricsExportTest {
    private final ConsistentRegistry registry = new ConsistentRegistry();

    private static MetricsExport.Settings settings(int maxSeries, boolean perProcess, long idleIntervals) {
        return new MetricsExport.Settings(MetricsExport.DEFAULT_LABELS, maxSeries, perProcess, 10, idleIntervals);
    }

    /** An exporter with room for {@code groups} groups. */
    private MetricsExport export(int groups, boolean perProcess) {
        int fixed = settings(0, perProcess, 1000).fixedSeries();
        return new MetricsExport(registry, settings(fixed + 5 * groups, perProcess, 1000));
    }

    private static SeriesLabels names(String command, String user) {
        return SeriesLabels.of(command, user);
    }

    private static TaskActivity alive(int pid, long start, long written) {
        return new TaskActivity(new TaskSample(pid, pid, 1, start, 0, false, 0, 0, 0, 0, 0),
                new IoDelta(0, written, 0, 0, 0), IoDelta.ZERO, 0);
    }

    private static TaskActivity exited(int pid, long start, long written, String name) {
        return new TaskActivity(new TaskSample(pid, pid, 1, start, 0, false, 0, 0, 0, 0, 0),
                new IoDelta(0, written, 0, 0, 0), IoDelta.ZERO, 0, name.getBytes(StandardCharsets.UTF_8));
    }

    /** Series of {@code metric} by label values, in the order of their names, joined by "/". */
    static Map<String, Double> series(ConsistentRegistry registry, String metric) {
        Map<String, Double> out = new HashMap<>();
        for (MetricSnapshot m : registry.scrape()) {
            if (!m.getMetadata().getName().equals(metric)) {
                continue;
            }
            for (DataPointSnapshot p : m.getDataPoints()) {
                List<String> values = new ArrayList<>();
                p.getLabels().forEach(l -> values.add(l.getValue()));
                out.put(String.join("/", values), p instanceof CounterDataPointSnapshot c ? c.getValue()
                        : ((GaugeDataPointSnapshot) p).getValue());
            }
        }
        return out;
    }

    private static double sum(Map<String, Double> series) {
        return series.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    @Test
    void procfsIsSaidWithTheUnreadableCountAndGetsNoSwapinSeries() throws java.io.IOException {
        MetricsExport export = export(1000, false);
        export.visibility(new Visibility(Visibility.Source.PROCFS, 3, 10));
        TaskActivity waited = new TaskActivity(new TaskSample(7, 7, 1, 0, 0, false, 0, 0, 0, 0, 0),
                new IoDelta(0, 4096, 0, 5_000_000, 0), IoDelta.ZERO, 0);
        export.record(List.of(waited), a -> names("dd", "nobody"), 0);
        assertThat(series(registry, "jiotop_unreadable_processes")).containsExactly(Map.entry("", 3.0));
        assertThat(series(registry, "jiotop_swapin_delay_seconds")).isEmpty();
        assertThat(series(registry, "jiotop_blkio_delay_seconds")).containsExactly(Map.entry("dd/nobody", 0.005));
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter.create().write(text, registry.scrape());
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("jiotop_source_info{source=\"procfs\"} 1");

        export.visibility(Visibility.TASKSTATS);
        export.record(List.of(waited), a -> names("dd", "nobody"), 0);
        assertThat(series(registry, "jiotop_unreadable_processes")).containsExactly(Map.entry("", 0.0));
        assertThat(series(registry, "jiotop_swapin_delay_seconds")).containsExactly(Map.entry("dd/nobody", 0.0));
    }

    /** jiotop_series says how many series a scrape gets, from /proc (no swap-in delay series) too. */
    @Test
    void theSeriesGaugeCountsTheSeriesServed() {
        MetricsExport export = export(1000, true);
        export.visibility(new Visibility(Visibility.Source.PROCFS, 0, 10));
        export.record(List.of(alive(7, A, 100), alive(8, A, 5)), a -> names("dd" + a.sample().id(), "root"), 0);
        long served = 0;
        for (MetricSnapshot m : registry.scrape()) {
            served += m.getDataPoints().size();
        }
        assertThat(series(registry, "jiotop_series")).containsExactly(Map.entry("", (double) served));
    }

    @Test
    void groupsPastTheCapShareOneSeriesAndEveryByteIsCounted() {
        MetricsExport export = export(1000, false);
        Function<TaskActivity, SeriesLabels> byPid = a -> names("p" + a.sample().id(), "root");
        long total = 0;
        for (int interval = 0; interval < 3; interval++) {
            List<TaskActivity> tasks = new ArrayList<>();
            for (int pid = 1 + interval * 1000; pid <= 1000 + interval * 1000; pid++) {
                tasks.add(alive(pid, pid, 4096 + pid));
                total += 4096 + pid;
            }
            export.record(tasks, byPid, 0);
        }
        Map<String, Double> written = series(registry, "jiotop_write_bytes");
        assertThat(written).hasSize(1000 + 1).containsKey("other/other");
        assertThat(sum(written)).isEqualTo(total);
        assertThat(series(registry, "jiotop_read_bytes")).hasSize(1000 + 1);
        assertThat(series(registry, "jiotop_groups")).containsEntry("", (double) 1000);
        assertThat(series(registry, "jiotop_groups_folded")).containsEntry("", 2000.0);
    }

    @Test
    void aGroupThatHasASeriesKeepsItAfterTheCapIsReached() {
        MetricsExport export = export(2, false);
        Function<TaskActivity, SeriesLabels> byPid = a -> names("p" + a.sample().id(), "root");
        export.record(List.of(alive(1, 1, 10), alive(2, 2, 20)), byPid, 0);
        export.record(List.of(alive(3, 3, 30), alive(1, 1, 1)), byPid, 0);
        assertThat(series(registry, "jiotop_write_bytes")).containsExactlyInAnyOrderEntriesOf(
                Map.of("p1/root", 11.0, "p2/root", 20.0, "other/other", 30.0));
    }

    @Test
    void aProcessWhoseNameCouldNotBeReadIsCountedUnderTheNameOfItsExitReport() {
        MetricsExport export = export(1000, true);
        Map<Integer, String> readable = new HashMap<>();
        Function<TaskActivity, SeriesLabels> names = a -> a.exited() ? names(new String(a.exitedName(),
                StandardCharsets.UTF_8), "root") : readable.containsKey(a.sample().id())
                ? names(readable.get(a.sample().id()), "root") : null;
        export.record(List.of(alive(7, 70, 4096)), names, 0);
        assertThat(series(registry, "jiotop_write_bytes")).isEmpty();
        export.record(List.of(exited(7, 70, 100, "dd")), names, 0);
        assertThat(series(registry, "jiotop_write_bytes")).containsExactlyEntriesOf(Map.of("dd/root", 4196.0));
        // A later process with the same PID is not the one held back; a readable name is kept.
        export.record(List.of(alive(7, 900, 1)), names, 0);
        readable.put(7, "late");
        export.record(List.of(alive(7, 900, 2)), names, 0);
        assertThat(series(registry, "jiotop_write_bytes")).containsExactlyInAnyOrderEntriesOf(
                Map.of("dd/root", 4196.0, "late/root", 3.0));
        assertThat(series(registry, "jiotop_process_write_bytes")).containsExactlyEntriesOf(Map.of("late/7/root", 2.0));
    }

    /** Process A started at 1 s, B (which takes A's PID) at 2 s: named and owned apart. */
    private static final long A = 1_000_000_000L;
    private static final long B = 2_000_000_000L;
    private static final Function<TaskActivity, SeriesLabels> A_OR_B =
            a -> a.sample().startNanos() < B - 100_000_000L ? names("a", "alice") : names("b", "bob");

    /**
     * A process that takes the PID of one that ended within the interval, listed before the ended
     * one's exit report, has a series of its own, with its own labels; the ended one's series ends.
     */
    @Test
    void aProcessThatTakesAnEndedOnesPidInTheSameIntervalHasASeriesOfItsOwn() {
        MetricsExport export = export(1000, true);
        export.record(List.of(alive(7, A, 100)), A_OR_B, 0);
        assertThat(series(registry, "jiotop_process_write_bytes")).containsExactlyEntriesOf(Map.of("a/7/alice", 100.0));
        // The exit report's start comes out late, as one made from an exit report does.
        export.record(List.of(alive(7, B, 5), exited(7, A + 1_000_000L, 10, "a")), A_OR_B, 0);
        assertThat(series(registry, "jiotop_process_write_bytes")).containsExactlyEntriesOf(Map.of("b/7/bob", 5.0));
        assertThat(series(registry, "jiotop_write_bytes")).containsExactlyInAnyOrderEntriesOf(
                Map.of("a/alice", 110.0, "b/bob", 5.0));
        export.record(List.of(alive(7, B, 1)), A_OR_B, 0);
        assertThat(series(registry, "jiotop_process_write_bytes")).containsExactlyEntriesOf(Map.of("b/7/bob", 6.0));
    }

    /** One that ended without an exit report (from /proc there are none), its PID taken: the same. */
    @Test
    void aProcessThatTakesAPidWhoseProcessEndedUnreportedHasASeriesOfItsOwn() {
        MetricsExport export = export(1000, true);
        export.record(List.of(alive(7, A, 100)), A_OR_B, 0);
        export.record(List.of(alive(7, B, 5)), A_OR_B, 0);
        assertThat(series(registry, "jiotop_process_write_bytes")).containsExactlyEntriesOf(Map.of("b/7/bob", 5.0));
        assertThat(series(registry, "jiotop_series")).containsEntry("",
                (double) SelfMetrics.series(true) + 5 * (2 + 1));
    }

    /** A process that execs another program: its series under the old name ends, one under the new starts. */
    @Test
    void aProcessThatExecsHasItsSeriesUnderTheNewName() {
        MetricsExport export = export(1000, true);
        export.record(List.of(alive(7, A, 100)), a -> names("entrypoint", "root"), 0);
        export.record(List.of(alive(7, A, 5)), a -> names("postgres", "root"), 0);
        assertThat(series(registry, "jiotop_process_write_bytes")).containsExactlyEntriesOf(
                Map.of("postgres/7/root", 5.0));
        assertThat(series(registry, "jiotop_write_bytes")).containsExactlyInAnyOrderEntriesOf(
                Map.of("entrypoint/root", 100.0, "postgres/root", 5.0));
    }

    /**
     * A process refused a series for the cap is counted once, however many intervals it does I/O
     * in, idle ones between; a later process with its PID is another.
     */
    @Test
    void aDroppedProcessIsCountedOnce() {
        MetricsExport export = new MetricsExport(registry, new MetricsExport.Settings(MetricsExport.DEFAULT_LABELS,
                MetricsExport.DEFAULT_MAX_SERIES, true, 1, 1000));
        for (int i = 0; i < 5; i++) {
            export.record(List.of(alive(1, A, 10), alive(2, A, i == 2 ? 0 : 10), alive(3, A, 10)), A_OR_B, 0);
        }
        assertThat(series(registry, "jiotop_process_series_dropped")).containsExactly(Map.entry("", 2.0));
        export.record(List.of(alive(1, A, 10), exited(2, A + 1_000_000L, 10, "a"), alive(3, B, 10)), A_OR_B, 0);
        export.record(List.of(alive(1, A, 10), alive(2, B, 10), alive(3, B, 10)), A_OR_B, 0);
        assertThat(series(registry, "jiotop_process_series_dropped")).containsExactly(Map.entry("", 4.0));
    }

    @Test
    void aProcessThatStaysNamelessEndsUpUnderOtherAndNeverUnderAMadeUpName() {
        MetricsExport export = export(1000, false);
        export.record(List.of(alive(7, 70, 4096)), a -> null, 0);
        for (int i = 0; i < 4; i++) {
            export.record(List.of(), a -> null, 0);
        }
        assertThat(series(registry, "jiotop_write_bytes")).containsExactlyEntriesOf(Map.of("other/other", 4096.0));
        assertThat(series(registry, "jiotop_groups_folded")).containsEntry("", 0.0);
    }
}
