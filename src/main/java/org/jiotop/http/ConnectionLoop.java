package org.jiotop.http;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;

/** Serves the requests of one connection, one after the other, on a thread of its own. */
final class ConnectionLoop implements Runnable {
    private final Connection connection;
    private final Endpoint endpoint;
    private final Warnings warnings;
    private final BooleanSupplier crowded;

    /** {@code crowded} tells whether all connections are taken: then none is kept open after its response. */
    ConnectionLoop(Connection connection, Endpoint endpoint, Warnings warnings, BooleanSupplier crowded) {
        this.connection = connection;
        this.endpoint = endpoint;
        this.warnings = warnings;
        this.crowded = crowded;
    }

    @Override
    public void run() {
        boolean responding = false;
        boolean kept = false;
        try {
            InputStream in = connection.socket().getInputStream();
            OutputStream out = connection.socket().getOutputStream();
            HeadReader reader = new HeadReader(in);
            while (true) {
                RequestHead head;
                try {
                    // A kept-alive connection may wait long for its next request, not take long to send it.
                    boolean waiting = kept;
                    head = reader.next(() -> {
                        if (waiting) {
                            connection.enter(Connection.Phase.HEAD, Limits.HEAD_SECONDS);
                        }
                    });
                    if (head != null && head.hasBody()) {
                        throw new HttpError(400, "a request body");
                    }
                } catch (HttpError e) {
                    refuse(e, in, out);
                    return;
                }
                if (head == null) {
                    return;
                }
                connection.enter(Connection.Phase.BUSY, Limits.RESPONSE_SECONDS);
                Response r = endpoint.answer(head, connection.deadlineNanos());
                boolean keep = head.keepAlive() && !crowded.getAsBoolean();
                responding = true;
                try {
                    r.write(out, head.method().equals("HEAD"), !keep);
                } finally {
                    r.release();
                }
                responding = false;
                if (!keep) {
                    return;
                }
                kept = true;
                connection.enter(Connection.Phase.HEAD, Limits.IDLE_SECONDS);
            }
        } catch (SSLException e) {
            // Plain HTTP to a TLS port fails as an SSLException, not an SSLHandshakeException: both
            // before the first request are a handshake that failed.
            if (!kept && !responding && !connection.timedOut()) {
                warnings.warn("--serve: a TLS handshake failed", connection.peer() + ": " + Warnings.oneLine(e));
            } else if (responding) {
                warnGone(e);
            }
        } catch (IOException e) {
            if (responding) {
                warnGone(e);
            }
        } catch (InterruptedException e) {
            // the server is closing
        } catch (Throwable t) {
            // Whatever happens here (out of memory included) ends this connection, not jiotop.
            warnings.warn("--serve: a request failed", Warnings.oneLine(t));
        } finally {
            connection.close();
        }
    }

    private void warnGone(IOException e) {
        warnings.warn(connection.timedOut() ? "--serve: a client too slow to read its response was cut off"
                : "--serve: a client went away mid-response", connection.peer() + ": " + Warnings.oneLine(e));
    }

    /**
     * Answers a request that will not be served, then reads and drops what the client still sends
     * for a moment: closing with unread bytes would reset the connection, and the client might never
     * see the answer.
     */
    private void refuse(HttpError e, InputStream in, OutputStream out) throws IOException {
        Response.text(e.status(), e.getMessage() + "\n").write(out, false, true);
        connection.enter(Connection.Phase.LINGER, Limits.LINGER_SECONDS);
        connection.socket().shutdownOutput();
        byte[] drop = new byte[8192];
        while (in.read(drop) >= 0) {
            // until the client closes, or the server closes this at the deadline
        }
    }
}
