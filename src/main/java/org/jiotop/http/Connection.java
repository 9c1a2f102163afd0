package org.jiotop.http;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client connection and where it stands: what it is waiting for, since when, and until when
 * it may. Closed from its own thread when done, or from the server's when its time is up or its
 * place is needed; closing the channel ends whatever read or write its thread is blocked in.
 */
final class Connection {
    enum Phase {
        /** Waiting for a request, or reading its head. */
        HEAD,
        /** Answering a request. */
        BUSY,
        /** Dropping the rest of a refused request, so that its client reads the refusal. */
        LINGER
    }

    private final SocketChannel channel;
    private final Socket socket;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Phase phase = Phase.HEAD;
    private volatile long sinceNanos;
    private volatile long deadlineNanos;
    private volatile boolean timedOut;

    /** A connection whose first request head is due within {@link Limits#HEAD_SECONDS}, TLS handshake included. */
    Connection(SocketChannel channel, SSLContext tls, Runnable onClose) throws IOException {
        this.channel = channel;
        this.onClose = onClose;
        channel.configureBlocking(true);
        Socket plain = channel.socket();
        plain.setTcpNoDelay(true);
        this.socket = tls == null ? plain : tls.getSocketFactory().createSocket(plain, null, true);
        enter(Phase.HEAD, Limits.HEAD_SECONDS);
    }

    /** The socket requests are read from and responses written to (TLS over the channel with --serve-tls). */
    Socket socket() {
        return socket;
    }

    void enter(Phase p, long seconds) {
        long now = System.nanoTime();
        sinceNanos = now;
        deadlineNanos = now + TimeUnit.SECONDS.toNanos(seconds);
        phase = p;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    /**
     * How long it has been waiting for a request with nothing of it received, or -1 if it is doing
     * something else, or has bytes its thread has not read yet (a request that is there but whose
     * thread has not run since is not idle).
     */
    long idleNanos(long now) {
        if (phase != Phase.HEAD) {
            return -1;
        }
        try {
            if (channel.socket().getInputStream().available() > 0) {
                return -1;
            }
        } catch (IOException e) {
            // closed: as idle as can be
        }
        return now - sinceNanos;
    }

    /** Closes it if its time is up; true if it did. */
    boolean expire(long now) {
        if (now - deadlineNanos < 0) {
            return false;
        }
        timedOut = true;
        close();
        return true;
    }

    boolean timedOut() {
        return timedOut;
    }

    String peer() {
        return String.valueOf(channel.socket().getRemoteSocketAddress());
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                channel.close();
            } catch (IOException e) {
                // closed all the same
            }
            onClose.run();
        }
    }
}
