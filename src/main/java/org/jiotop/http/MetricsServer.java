package org.jiotop.http;

import io.prometheus.metrics.model.registry.PrometheusRegistry;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Serves a Prometheus registry over HTTP/1.1, or HTTPS with a TLS context, to clients that may be
 * slow, broken or hostile (see {@link Limits}). One platform thread accepts connections and closes
 * those past their deadline; each connection is served on a virtual thread, so a client that
 * sends nothing holds no worker that a scrape needs. When all connections are taken, the one that
 * has waited longest for a request is closed to make room; when none has waited a second (all are
 * busy, or just arrived), newcomers wait in the kernel's listen queue, and connections are closed
 * after their response instead of being kept alive.
 *
 * <p>Not the Prometheus client's HTTPServer over the JDK's: that server reads request heads on
 * its workers with no deadline of its own, closes a connection whose head is too large without
 * an answer, refuses newcomers rather than idle connections when full, and its metrics handler
 * renders as many scrapes at once as there are workers. The scrape itself is still the Prometheus
 * client's ({@link Endpoint}).
 */
public final class MetricsServer implements AutoCloseable {
    /** Connections waiting to be accepted while all are taken (the kernel caps it at net.core.somaxconn). */
    private static final int BACKLOG = 1024;
    private static final long SWEEP_MILLIS = 250;

    private final ServerSocketChannel listener;
    private final Selector selector;
    private final SSLContext tls;
    private final Endpoint endpoint;
    private final Warnings warnings;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Semaphore places = new Semaphore(Limits.CONNECTIONS);
    private final Thread acceptor;
    private volatile boolean closing;

    private MetricsServer(ServerSocketChannel listener, SSLContext tls, Endpoint endpoint, Warnings warnings)
            throws IOException {
        this.listener = listener;
        this.tls = tls;
        this.endpoint = endpoint;
        this.warnings = warnings;
        this.selector = Selector.open();
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
        this.acceptor = Thread.ofPlatform().daemon().name("jiotop-http").unstarted(this::acceptLoop);
    }

    /** Listens on {@code address}; {@code tls} and {@code auth} may be null (plain HTTP, no password). */
    public static MetricsServer start(InetSocketAddress address, SSLContext tls, BasicAuth auth,
                                      PrometheusRegistry registry, Warnings warnings) throws IOException {
        if (address.isUnresolved()) {
            throw new IOException("no such host: " + address.getHostString());
        }
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            listener.bind(address, BACKLOG);
            MetricsServer server = new MetricsServer(listener, tls, new Endpoint(registry, auth, warnings), warnings);
            server.acceptor.start();
            return server;
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    public int port() {
        return listener.socket().getLocalPort();
    }

    private void acceptLoop() {
        try {
            while (!closing && !Thread.currentThread().isInterrupted()) {
                try {
                    selector.select(SWEEP_MILLIS);
                    boolean waiting = !selector.selectedKeys().isEmpty();
                    selector.selectedKeys().clear();
                    sweep(System.nanoTime());
                    if (waiting) {
                        acceptOne();
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Throwable t) {
                    // Out of file descriptors, or of memory: try again shortly rather than stop serving.
                    warnings.warn("--serve: accepting a connection failed", Warnings.oneLine(t));
                    pause();
                }
            }
        } finally {
            try {
                selector.close();
                listener.close();
            } catch (IOException e) {
                // closing anyway
            }
            for (Connection c : open) {
                c.close();
            }
            endpoint.close();
        }
    }

    private void acceptOne() throws IOException, InterruptedException {
        if (!places.tryAcquire()) {
            if (!closeIdlest(System.nanoTime()) || !places.tryAcquire(SWEEP_MILLIS, TimeUnit.MILLISECONDS)) {
                // All connections are busy or new: the newcomer waits in the listen queue meanwhile.
                pause();
                return;
            }
        }
        SocketChannel channel;
        try {
            channel = listener.accept();
        } catch (IOException | RuntimeException e) {
            places.release();
            throw e;
        }
        if (channel == null) {
            places.release();
            return;
        }
        Connection[] self = new Connection[1];
        try {
            self[0] = new Connection(channel, tls, () -> {
                open.remove(self[0]);
                places.release();
            });
        } catch (IOException | RuntimeException e) {
            channel.close();
            places.release();
            throw e;
        }
        open.add(self[0]);
        try {
            Thread.ofVirtual().name("jiotop-http-client").start(new ConnectionLoop(self[0], endpoint, warnings,
                    () -> places.availablePermits() == 0));
        } catch (Throwable t) {
            self[0].close();
            throw t;
        }
    }

    /** Closes connections past their deadline. */
    private void sweep(long now) {
        for (Connection c : open) {
            c.expire(now);
        }
    }

    /** Closes the connection that has waited longest for a request, if one has for long enough. */
    private boolean closeIdlest(long now) {
        Connection idlest = null;
        long longest = TimeUnit.MILLISECONDS.toNanos(Limits.EVICTABLE_AFTER_MILLIS);
        for (Connection c : open) {
            long idle = c.idleNanos(now);
            if (idle >= longest) {
                idlest = c;
                longest = idle;
            }
        }
        if (idlest == null) {
            return false;
        }
        idlest.close();
        return true;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops listening and closes every connection; returns once the port is free. */
    @Override
    public void close() {
        closing = true;
        selector.wakeup();
        // Also when the caller was interrupted (that is how a run is stopped): the port must be free on return.
        boolean interrupted = Thread.interrupted();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (acceptor.isAlive() && System.nanoTime() < end) {
            try {
                acceptor.join(SWEEP_MILLIS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
