package org.jiotop.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A whole response, body included, held until it is written; {@link #release} returns what it held. */
final class Response {
    private final int status;
    private final List<String[]> headers = new ArrayList<>(4);
    private final byte[] body;
    private final int length;
    private Runnable release = () -> {
    };

    Response(int status, byte[] body, int length) {
        this.status = status;
        this.body = body;
        this.length = length;
    }

    static Response text(int status, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new Response(status, b, b.length).header("Content-Type", "text/plain; charset=utf-8");
    }

    Response header(String name, String value) {
        headers.add(new String[]{name, value});
        return this;
    }

    Response onRelease(Runnable r) {
        release = r;
        return this;
    }

    int status() {
        return status;
    }

    int length() {
        return length;
    }

    /** Writes the response; without its body for HEAD, which still gets the body's length. */
    void write(OutputStream out, boolean headOnly, boolean close) throws IOException {
        StringBuilder s = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(' ')
                .append(reason(status)).append("\r\n");
        for (String[] h : headers) {
            if (!h[0].equalsIgnoreCase("Content-Length")) {
                s.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
        }
        s.append("Content-Length: ").append(length).append("\r\n");
        if (close) {
            s.append("Connection: close\r\n");
        }
        out.write(s.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!headOnly) {
            out.write(body, 0, length);
        }
        out.flush();
    }

    void release() {
        Runnable r = release;
        release = () -> {
        };
        r.run();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}
