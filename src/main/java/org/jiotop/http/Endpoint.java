package org.jiotop.http;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers requests: /metrics, a landing page and a health check, behind basic auth when set.
 * Scrapes render a few at a time, on platform threads of their own: rendering is all CPU, and on
 * the connections' virtual threads it would keep them (and the requests of other clients) from
 * running. Responses are held in memory within a budget, so that however many clients scrape at
 * once, jiotop's memory stays bounded; a scrape that cannot get its turn in time gets 503 instead
 * of waiting without end.
 */
final class Endpoint implements AutoCloseable {
    private final PrometheusScrapeHandler scraper;
    private final BasicAuth auth;
    private final Warnings warnings;
    private final ExecutorService renderers = Executors.newFixedThreadPool(Limits.RENDERS,
            Thread.ofPlatform().daemon().name("jiotop-http-render-", 0).factory());
    private final Semaphore budgetKib = new Semaphore(Limits.BODY_BUDGET_KIB, true);
    /** The last response's size: what the next one is expected to take from the budget. */
    private volatile int lastKib = 64;

    Endpoint(PrometheusRegistry registry, BasicAuth auth, Warnings warnings) {
        this.scraper = new PrometheusScrapeHandler(PrometheusProperties.get(), registry);
        this.auth = auth;
        this.warnings = warnings;
    }

    /** The response to {@code head}, to be written by {@code deadlineNanos} ({@link System#nanoTime()}). */
    Response answer(RequestHead head, long deadlineNanos) throws InterruptedException {
        if (auth != null && !auth.admits(head.value("authorization"))) {
            return Response.text(401, "Unauthorized\n").header("WWW-Authenticate", BasicAuth.CHALLENGE);
        }
        if (!head.method().equals("GET") && !head.method().equals("HEAD")) {
            return Response.text(405, "Only GET and HEAD\n").header("Allow", "GET, HEAD");
        }
        return switch (head.path()) {
            case "/metrics" -> scrape(head, deadlineNanos);
            case "/" -> Response.text(200, "jiotop exporter: the metrics are on /metrics\n");
            case "/-/healthy" -> Response.text(200, "Exporter is healthy.\n");
            default -> Response.text(404, "Not found: the metrics are on /metrics\n");
        };
    }

    private Response scrape(RequestHead head, long deadlineNanos) throws InterruptedException {
        int kib = Math.clamp(lastKib, 16, Limits.BODY_BUDGET_KIB);
        if (!budgetKib.tryAcquire(kib, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS)) {
            return busy();
        }
        boolean handedOn = false;
        try {
            Future<Response> rendering = renderers.submit(() -> render(head, kib));
            Response r;
            try {
                r = rendering.get(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                rendering.cancel(false);
                return busy();
            } catch (ExecutionException e) {
                warnings.warn("--serve: a scrape failed", Warnings.oneLine(e.getCause()));
                return Response.text(500, "An internal error occurred while scraping metrics.\n");
            }
            lastKib = r.length() / 1024 + 1;
            handedOn = true;
            return r.onRelease(() -> budgetKib.release(kib));
        } finally {
            if (!handedOn) {
                budgetKib.release(kib);
            }
        }
    }

    private Response render(RequestHead head, int kib) {
        ScrapeExchange exchange = new ScrapeExchange(head, kib * 1024);
        try {
            scraper.handleRequest(exchange);
        } catch (IOException | RuntimeException e) {
            warnings.warn("--serve: a scrape failed", Warnings.oneLine(e));
            return Response.text(500, "An internal error occurred while scraping metrics.\n");
        } catch (OutOfMemoryError e) {
            // What the render held is garbage once this returns: jiotop and its other scrapes go on.
            warnings.warn("--serve: a scrape ran out of memory", Warnings.oneLine(e));
            return busy();
        }
        if (exchange.failure() != null) {
            warnings.warn("--serve: a scrape failed", Warnings.oneLine(exchange.failure()));
        }
        return exchange.response();
    }

    @Override
    public void close() {
        renderers.shutdownNow();
    }

    private static Response busy() {
        return Response.text(503, "Too many scrapes at once: try again\n").header("Retry-After", "1");
    }
}
