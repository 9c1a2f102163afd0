package org.jiotop.output;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import org.jiotop.linux.TaskSample;
import org.jiotop.model.IoDelta;
import org.jiotop.model.TaskActivity;
import org.jiotop.output.MetricsExport.Names;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The exporter's series: every byte is in exactly one. */
class MetricsExportTest {
    private final PrometheusRegistry registry = new PrometheusRegistry();

    private static TaskActivity alive(int pid, long start, long written) {
        return new TaskActivity(new TaskSample(pid, pid, 1, start, 0, false, 0, 0, 0, 0, 0),
                new IoDelta(0, written, 0, 0, 0), IoDelta.ZERO, 0);
    }

    private static TaskActivity exited(int pid, long start, long written, String name) {
        return new TaskActivity(new TaskSample(pid, pid, 1, start, 0, false, 0, 0, 0, 0, 0),
                new IoDelta(0, written, 0, 0, 0), IoDelta.ZERO, 0, name.getBytes(StandardCharsets.UTF_8));
    }

    /** Series of {@code metric} by "command/user", label values in the order of their names. */
    private Map<String, Double> series(String metric) {
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
    void aProcessWhoseNameCouldNotBeReadIsCountedUnderTheNameOfItsExitReport() {
        MetricsExport export = new MetricsExport(registry, true, 10);
        Map<Integer, String> readable = new HashMap<>();
        Function<TaskActivity, Names> names = a -> a.exited() ? new Names(new String(a.exitedName(),
                StandardCharsets.UTF_8), "root") : readable.containsKey(a.sample().id())
                ? new Names(readable.get(a.sample().id()), "root") : null;
        export.record(List.of(alive(7, 70, 4096)), names, 0);
        assertThat(series("jiotop_write_bytes")).isEmpty();
        export.record(List.of(exited(7, 70, 100, "dd")), names, 0);
        assertThat(series("jiotop_write_bytes")).containsExactlyEntriesOf(Map.of("dd/root", 4196.0));
        // A later process with the same PID is not the one held back; a readable name is kept.
        export.record(List.of(alive(7, 900, 1)), names, 0);
        readable.put(7, "late");
        export.record(List.of(alive(7, 900, 2)), names, 0);
        assertThat(series("jiotop_write_bytes")).containsExactlyInAnyOrderEntriesOf(
                Map.of("dd/root", 4196.0, "late/root", 3.0));
        assertThat(series("jiotop_process_write_bytes")).containsExactlyEntriesOf(Map.of("late/7/root", 2.0));
    }

    @Test
    void aProcessThatStaysNamelessEndsUpUnderOtherAndNeverUnderAMadeUpName() {
        MetricsExport export = new MetricsExport(registry, false, 10);
        export.record(List.of(alive(7, 70, 4096)), a -> null, 0);
        for (int i = 0; i < 4; i++) {
            export.record(List.of(), a -> null, 0);
        }
        assertThat(series("jiotop_write_bytes")).containsExactlyEntriesOf(Map.of("other/other", 4096.0));
    }
}
