package org.jiotop.output;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;

import java.util.Collection;
import java.util.function.Consumer;

/** A metric exporter that hands each failed export's reason to {@code failed}, instead of the SDK's log. */
final class ReportingExporter implements MetricExporter {
    private final MetricExporter delegate;
    private final Consumer<Throwable> failed;

    ReportingExporter(MetricExporter delegate, Consumer<Throwable> failed) {
        this.delegate = delegate;
        this.failed = failed;
    }

    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
        CompletableResultCode result = delegate.export(metrics);
        result.whenComplete(() -> {
            if (!result.isSuccess()) {
                Throwable t = result.getFailureThrowable();
                failed.accept(t != null ? t : new IllegalStateException("the receiver refused the export"));
            }
        });
        return result;
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType type) {
        return delegate.getAggregationTemporality(type);
    }

    @Override
    public Aggregation getDefaultAggregation(InstrumentType type) {
        return delegate.getDefaultAggregation(type);
    }

    @Override
    public MemoryMode getMemoryMode() {
        return delegate.getMemoryMode();
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }
}
