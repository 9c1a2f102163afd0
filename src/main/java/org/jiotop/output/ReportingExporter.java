package org.jiotop.output;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A metric exporter that keeps at most one export in flight and hands each failed export's reason,
 * in words, to {@code failed} instead of the SDK's log. The SDK's reader stops waiting for an
 * export after an interval and starts the next while the first still waits for its deadline: against
 * a collector that never answers, connections would pile up until the sender's threads ran out.
 * An export that falls due while one is in flight is skipped: the counters are cumulative, so the
 * next one carries its counts.
 */
final class ReportingExporter implements MetricExporter {
    private final MetricExporter delegate;
    private final Consumer<String> failed;
    private final Duration timeout;
    private final AtomicBoolean inFlight = new AtomicBoolean();

    /** @param timeout the deadline of each export, for the message when one passes */
    ReportingExporter(MetricExporter delegate, Duration timeout, Consumer<String> failed) {
        this.delegate = delegate;
        this.timeout = timeout;
        this.failed = failed;
    }

    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
        if (!inFlight.compareAndSet(false, true)) {
            return CompletableResultCode.ofSuccess();
        }
        CompletableResultCode result;
        try {
            result = delegate.export(metrics);
        } catch (RuntimeException | Error e) {
            inFlight.set(false);
            throw e;
        }
        result.whenComplete(() -> {
            inFlight.set(false);
            if (!result.isSuccess()) {
                failed.accept(reason(result.getFailureThrowable(), timeout));
            }
        });
        return result;
    }

    /** Why an export failed, in one line of words: the JDK's and the SDK's class names help nobody. */
    static String reason(Throwable t, Duration timeout) {
        if (t == null) {
            return "the push failed";
        }
        int status = status(t);
        if (status > 0) {
            return "the collector answered HTTP " + status;
        }
        String seconds = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            // The JDK wraps an unknown host in a ConnectException, which alone would hide it.
            if (c instanceof UnknownHostException || c instanceof UnresolvedAddressException) {
                return "unknown host";
            }
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String said = switch (c) {
                case HttpConnectTimeoutException e -> "no connection within " + seconds;
                case HttpTimeoutException e -> "no answer within " + seconds;
                case ConnectException e -> "cannot connect" + detail(e);
                case SSLException e -> "TLS failed" + detail(e);
                default -> null;
            };
            if (said != null) {
                return said;
            }
        }
        return "the push failed" + detail(t);
    }

    /**
     * The collector's HTTP status in the SDK's exception, or -1. Read by reflection: the exception's
     * class is internal to the SDK and not on the compile class path; its response type is public.
     */
    private static int status(Throwable t) {
        try {
            return t.getClass().getMethod("getResponse").invoke(t) instanceof HttpResponse r ? r.getStatusCode() : -1;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    /** The first line of the deepest message, after a colon; the JDK often leaves the outer one out. */
    private static String detail(Throwable t) {
        String message = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                message = c.getMessage();
            }
        }
        return message == null ? "" : ": " + message.lines().findFirst().orElse("");
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
