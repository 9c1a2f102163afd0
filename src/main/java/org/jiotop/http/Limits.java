package org.jiotop.http;

/**
 * What the metrics server grants one client, and all of them together. A scrape is one small
 * request and one response of a few hundred KiB at most; whatever takes longer or asks for more is
 * broken or hostile, and must not hold what other scrapes need: connections, threads, memory.
 */
final class Limits {
    /** Open connections; when all are taken, the one idle longest is closed for a newcomer. */
    static final int CONNECTIONS = 64;
    /** A connection counts as idle, and can be closed for a newcomer, after waiting this long for a request. */
    static final long EVICTABLE_AFTER_MILLIS = 1_000;
    /** From connecting (TLS handshake included), or from the first byte of a later request, to its last header. */
    static final long HEAD_SECONDS = 5;
    /**
     * How long a kept-alive connection may wait for its next request (Go clients, Prometheus among
     * them, keep 90 s).
     */
    static final long IDLE_SECONDS = 90;
    /** From a request's last header to the last byte of its response, waiting for a turn included. */
    static final long RESPONSE_SECONDS = 10;
    /** Request line and headers together; a scrape needs under 1 KiB. */
    static final int HEAD_BYTES = 16 * 1024;
    /**
     * After an error reply, how long the rest of a request is read and dropped, so that the client
     * gets to read the reply.
     */
    static final long LINGER_SECONDS = 2;
    /** Scrapes rendered at once: each holds a snapshot of every series while it renders. */
    static final int RENDERS = 2;
    /** Rendered responses held in memory at once, in KiB, while their clients read them. */
    static final int BODY_BUDGET_KIB = 4 * 1024;

    private Limits() {
    }
}
