package org.jiotop.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads request heads from one connection into a fixed buffer: a head that does not fit is
 * refused with 431 once the buffer is full, without reading (or holding) the rest of it. Bytes
 * after a head are kept for the next request (a client may send several at once).
 */
final class HeadReader {
    private final InputStream in;
    private final byte[] buffer = new byte[Limits.HEAD_BYTES];
    private int start;
    private int end;

    HeadReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next request's head, or null when the client closed the connection before sending one.
     * {@code firstBytes} runs once, when the first bytes of the request are there.
     */
    RequestHead next(Runnable firstBytes) throws IOException, HttpError {
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        start = 0;
        boolean started = false;
        int scanned = 0;
        while (true) {
            // Empty lines before a request line are allowed (RFC 9112 2.2).
            while (start < end && (buffer[start] == '\r' || buffer[start] == '\n')) {
                start++;
                scanned = Math.max(scanned, start);
            }
            if (start < end && !started) {
                started = true;
                firstBytes.run();
            }
            for (int i = Math.max(scanned, start); i < end; i++) {
                if (buffer[i] == '\n') {
                    int blank = i + 1 < end && buffer[i + 1] == '\n' ? 2
                            : i + 2 < end && buffer[i + 1] == '\r' && buffer[i + 2] == '\n' ? 3 : 0;
                    if (blank > 0) {
                        int length = (i > start && buffer[i - 1] == '\r' ? i - 1 : i) - start;
                        RequestHead head = RequestHead.parse(buffer, start, length);
                        start = i + blank;
                        return head;
                    }
                }
            }
            // A line end may be cut by the read: look at the last two bytes again.
            scanned = Math.max(start, end - 2);
            if (end == buffer.length) {
                if (start > 0) {
                    System.arraycopy(buffer, start, buffer, 0, end - start);
                    scanned -= start;
                    end -= start;
                    start = 0;
                } else {
                    throw new HttpError(431, "request head larger than " + Limits.HEAD_BYTES + " bytes");
                }
            }
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                return null;
            }
            end += n;
        }
    }
}
