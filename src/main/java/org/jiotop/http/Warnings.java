package org.jiotop.http;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Reports what went wrong while serving or sampling, one line per kind of trouble at most once a
 * minute: a client that goes away mid-response is routine for a server, and a stack trace each
 * time (as the Prometheus client's HTTP server printed) buries everything else on stderr.
 */
public final class Warnings {
    static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private record Last(long atNanos, int quiet) {
    }

    private final PrintStream err;
    private final LongSupplier clock;
    private final Map<String, Last> last = new HashMap<>();

    public Warnings(PrintStream err) {
        this(err, System::nanoTime);
    }

    Warnings(PrintStream err, LongSupplier clock) {
        this.err = err;
        this.clock = clock;
    }

    /** Reports {@code what} (with {@code detail}) unless a line about {@code what} went out within the minute. */
    public synchronized void warn(String what, String detail) {
        long now = clock.getAsLong();
        Last l = last.get(what);
        if (l != null && now - l.atNanos < INTERVAL_NANOS) {
            last.put(what, new Last(l.atNanos, l.quiet + 1));
            return;
        }
        String more = l == null || l.quiet == 0 ? "" : " (" + l.quiet + " more since the last such line)";
        err.println("jiotop: " + what + ": " + detail + more);
        last.put(what, new Last(now, 0));
    }

    /** A throwable in one line: its class and message, never a stack trace. */
    public static String oneLine(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
