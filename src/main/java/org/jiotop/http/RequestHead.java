package org.jiotop.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The request line and headers of one request (RFC 9112), parsed strictly: what a scraper sends
 * is simple, and anything odd is answered with 400 instead of being guessed at.
 */
record RequestHead(String method, String path, String query, boolean http10, List<String[]> headers) {

    /** Parses {@code length} bytes from {@code offset}: the head without its final empty line. */
    static RequestHead parse(byte[] bytes, int offset, int length) throws HttpError {
        String[] lines = new String(bytes, offset, length, StandardCharsets.ISO_8859_1).split("\r?\n", -1);
        String[] request = lines[0].split(" ", -1);
        if (request.length != 3 || !token(request[0]) || request[1].isEmpty()) {
            throw new HttpError(400, "bad request line");
        }
        boolean http10 = request[2].equals("HTTP/1.0");
        if (!http10 && !request[2].equals("HTTP/1.1")) {
            throw new HttpError(400, "unsupported version");
        }
        String target = request[1];
        if (target.startsWith("http://") || target.startsWith("https://")) {
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        if (!target.startsWith("/")) {
            throw new HttpError(400, "bad request target");
        }
        int q = target.indexOf('?');
        List<String[]> headers = new ArrayList<>(lines.length - 1);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            // No folded lines (a leading space) and no space before the colon, as RFC 9112 asks.
            if (colon <= 0 || !token(line.substring(0, colon))) {
                throw new HttpError(400, "bad header line");
            }
            headers.add(new String[]{line.substring(0, colon).toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).strip()});
        }
        return new RequestHead(request[0], q < 0 ? target : target.substring(0, q),
                q < 0 ? null : target.substring(q + 1), http10, headers);
    }

    /** The values of header {@code name} (lower case), in order. */
    List<String> values(String name) {
        List<String> out = new ArrayList<>(1);
        for (String[] h : headers) {
            if (h[0].equals(name)) {
                out.add(h[1]);
            }
        }
        return out;
    }

    String value(String name) {
        List<String> v = values(name);
        return v.isEmpty() ? null : v.getFirst();
    }

    /** Whether the client asks to keep the connection open after the response. */
    boolean keepAlive() {
        String c = value("connection");
        return c == null ? !http10 : http10 ? c.equalsIgnoreCase("keep-alive") : !c.equalsIgnoreCase("close");
    }

    /** Whether a body follows the head: this server reads none. */
    boolean hasBody() {
        String length = value("content-length");
        return value("transfer-encoding") != null || (length != null && !length.equals("0"));
    }

    private static boolean token(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
