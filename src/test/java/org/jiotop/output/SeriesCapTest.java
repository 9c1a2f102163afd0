package org.jiotop.output;

import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import org.jiotop.linux.TaskSample;
import org.jiotop.model.IoDelta;
import org.jiotop.model.TaskActivity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cap on all series, the series there always are, and groups that expire when idle. */
class SeriesCapTest {
    private final ConsistentRegistry registry = new ConsistentRegistry();
    private static final Function<TaskActivity, SeriesLabels> BY_PID =
            a -> SeriesLabels.of("p" + a.sample().id(), "root");

    private static MetricsExport.Settings settings(int maxSeries, boolean perProcess, long idleIntervals) {
        return new MetricsExport.Settings(MetricsExport.DEFAULT_LABELS, maxSeries, perProcess, 3, idleIntervals);
    }

    private static TaskActivity writer(int pid, long written) {
        return new TaskActivity(new TaskSample(pid, pid, 1, pid, 0, false, 0, 0, 0, 0, 0),
                new IoDelta(0, written, 0, 0, 0), IoDelta.ZERO, 0);
    }

    private int seriesServed() {
        int n = 0;
        for (MetricSnapshot m : registry.scrape()) {
            n += m.getDataPoints().size();
        }
        return n;
    }

    private Map<String, Double> values(String metric) {
        return MetricsExportTest.series(registry, metric);
    }

    private double sumWritten() {
        return values("jiotop_write_bytes").values().stream().mapToDouble(Double::doubleValue).sum();
    }

    @Test
    void seriesNeverExceedTheCapAndTheirGaugeCountsThem() {
        for (boolean perProcess : new boolean[]{false, true}) {
            ConsistentRegistry own = new ConsistentRegistry();
            int max = settings(0, perProcess, 100).fixedSeries() + 5 * 3 + 4;
            MetricsExport export = new MetricsExport(own, settings(max, perProcess, 100));
            export.visibility(org.jiotop.linux.Visibility.TASKSTATS);
            long total = 0;
            for (int interval = 0; interval < 6; interval++) {
                List<TaskActivity> tasks = new ArrayList<>();
                for (int pid = 1 + interval * 10; pid <= 10 + interval * 10; pid++) {
                    tasks.add(writer(pid, pid));
                    total += pid;
                }
                export.record(tasks, BY_PID, 0);
                int served = 0;
                for (MetricSnapshot m : own.scrape()) {
                    served += m.getDataPoints().size();
                }
                assertThat(served).isLessThanOrEqualTo(max);
                double gauge = 0;
                double written = 0;
                for (MetricSnapshot m : own.scrape()) {
                    for (DataPointSnapshot p : m.getDataPoints()) {
                        if (m.getMetadata().getName().equals("jiotop_series")) {
                            gauge = ((GaugeDataPointSnapshot) p).getValue();
                        } else if (m.getMetadata().getName().equals("jiotop_write_bytes")) {
                            written += ((CounterDataPointSnapshot) p).getValue();
                        }
                    }
                }
                assertThat(gauge).isEqualTo(served);
                assertThat(written).isEqualTo(total);
            }
        }
    }

    @Test
    void aCapBelowTheSeriesThereAlwaysAreIsRefusedWithTheNumber() {
        int fixed = settings(0, true, 100).fixedSeries();
        assertThatThrownBy(() -> new MetricsExport(registry, settings(fixed - 1, true, 100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--export-max-series=" + (fixed - 1) + " is below the " + fixed + " series the exporter"
                        + " always has (its own, those of \"other\" and of --export-pids-max processes)");
    }

    @Test
    void theSeriesThereAlwaysAreAreWhatAnExporterAtItsCapServes() {
        int fixed = settings(0, false, 100).fixedSeries();
        MetricsExport export = new MetricsExport(registry, settings(fixed, false, 100));
        export.visibility(org.jiotop.linux.Visibility.TASKSTATS);
        export.record(List.of(writer(1, 10), writer(2, 20)), BY_PID, 0);
        assertThat(seriesServed()).isEqualTo(fixed);
        assertThat(values("jiotop_write_bytes")).containsExactlyEntriesOf(Map.of("other/other", 30.0));
        assertThat(values("jiotop_series_limit")).containsEntry("", (double) fixed);
        assertThat(values("jiotop_build_info")).hasSize(1).containsValue(1.0);
    }

    @Test
    void anIdleGroupExpiresIntoOtherAndItsSlotIsTakenAgain() {
        int max = settings(0, false, 2).fixedSeries() + 5;
        MetricsExport export = new MetricsExport(registry, settings(max, false, 2));
        export.record(List.of(writer(1, 100), writer(2, 7)), BY_PID, 0);
        assertThat(values("jiotop_write_bytes")).containsExactlyInAnyOrderEntriesOf(
                Map.of("p1/root", 100.0, "other/other", 7.0));
        double before = sumWritten();
        // Two intervals without I/O: the second ends its series.
        for (int i = 0; i < 1; i++) {
            export.record(List.of(), BY_PID, 0);
            assertThat(values("jiotop_write_bytes")).containsKey("p1/root");
            assertThat(sumWritten()).isEqualTo(before);
        }
        export.record(List.of(), BY_PID, 0);
        assertThat(sumWritten()).isEqualTo(before);
        assertThat(values("jiotop_write_bytes")).containsExactlyEntriesOf(Map.of("other/other", 107.0));
        assertThat(values("jiotop_groups_expired")).containsEntry("", 1.0);
        assertThat(values("jiotop_groups")).containsEntry("", 0.0);
        export.record(List.of(writer(3, 5)), BY_PID, 0);
        assertThat(values("jiotop_write_bytes")).containsExactlyInAnyOrderEntriesOf(
                Map.of("p3/root", 5.0, "other/other", 107.0));
    }

    /**
     * A program named {@code other} (here with {@code --export-by=command}) is not the series past
     * the cap: it has a series of its own, which expires into that one as any other group's does,
     * so that the sum over all series never goes back.
     */
    @Test
    void aProgramNamedOtherIsKeptApartFromTheSeriesPastTheCap() {
        List<String> byCommand = List.of("command");
        int max = new MetricsExport.Settings(byCommand, 0, false, 3, 2).fixedSeries() + 5 * 2;
        MetricsExport export = new MetricsExport(registry, new MetricsExport.Settings(byCommand, max, false, 3, 2));
        Function<TaskActivity, SeriesLabels> names = a -> SeriesLabels.of(
                a.sample().id() == 1 ? "other" : a.sample().id() == 2 ? "other_" : "p" + a.sample().id());
        export.record(List.of(writer(1, 100), writer(2, 10)), names, 0);
        export.record(List.of(writer(3, 7)), names, 0);
        assertThat(values("jiotop_write_bytes")).containsExactlyInAnyOrderEntriesOf(
                Map.of("other_", 100.0, "other__", 10.0, "other", 7.0));
        for (int i = 0; i < 2; i++) {
            export.record(List.of(), names, 0);
            assertThat(sumWritten()).isEqualTo(117.0);
        }
        assertThat(values("jiotop_write_bytes")).containsExactlyEntriesOf(Map.of("other", 117.0));
        assertThat(values("jiotop_groups_expired")).containsEntry("", 2.0);
    }

    /** I/O whose process stays nameless goes to the series past the cap, which is no group and never expires. */
    @Test
    void theSeriesPastTheCapNeverExpires() {
        int max = settings(0, false, 2).fixedSeries() + 5 * 2;
        MetricsExport export = new MetricsExport(registry, settings(max, false, 2));
        export.record(List.of(writer(1, 4096)), a -> null, 0);
        for (int i = 0; i < 8; i++) {
            export.record(List.of(), a -> null, 0);
            assertThat(sumWritten()).as("interval %d", i).isEqualTo(i < 2 ? 0 : 4096.0);
        }
        assertThat(values("jiotop_write_bytes")).containsExactlyEntriesOf(Map.of("other/other", 4096.0));
        assertThat(values("jiotop_groups")).containsEntry("", 0.0);
        assertThat(values("jiotop_groups_expired")).containsEntry("", 0.0);
    }

    @Test
    void sampleDurationIsInSeconds() {
        MetricsExport export = new MetricsExport(registry, settings(MetricsExport.DEFAULT_MAX_SERIES, false, 100));
        export.sampled(1_500_000_000L);
        assertThat(values("jiotop_sample_duration_seconds")).containsEntry("", 1.5);
    }
}
