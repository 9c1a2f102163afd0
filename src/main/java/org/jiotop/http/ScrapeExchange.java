package org.jiotop.http;

import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * One scrape as the Prometheus client's scrape handler sees it (content negotiation, gzip, name
 * filters are its work). The response goes to memory, never straight to the client: rendering
 * happens in turns, and a slow reader must not hold up the others' turns.
 */
final class ScrapeExchange implements PrometheusHttpExchange {
    /** A byte array output stream whose array is handed over, not copied. */
    static final class Body extends ByteArrayOutputStream {
        Body(int size) {
            super(size);
        }

        byte[] array() {
            return buf;
        }
    }

    private final RequestHead head;
    private final Body body;
    private final List<String[]> headers = new ArrayList<>(3);
    private int status = 500;
    private RuntimeException failure;

    ScrapeExchange(RequestHead head, int expectedBytes) {
        this.head = head;
        this.body = new Body(expectedBytes);
    }

    /** What the scrape handler answered; a plain 500 if it failed, whatever it had begun to write. */
    Response response() {
        if (failure != null) {
            return Response.text(500, "An internal error occurred while scraping metrics.\n");
        }
        Response r = new Response(status, body.array(), body.size());
        for (String[] h : headers) {
            r.header(h[0], h[1]);
        }
        return r;
    }

    /** Why the scrape failed, or null. */
    RuntimeException failure() {
        return failure;
    }

    @Override
    public PrometheusHttpRequest getRequest() {
        return new PrometheusHttpRequest() {
            @Override
            public String getQueryString() {
                return head.query();
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return Collections.enumeration(head.values(name.toLowerCase(java.util.Locale.ROOT)));
            }

            @Override
            public String getMethod() {
                // HEAD too is rendered as GET, so that its Content-Length is the body's; the
                // body is left out when the response is written.
                return "GET";
            }

            @Override
            public String getRequestPath() {
                return head.path();
            }
        };
    }

    @Override
    public PrometheusHttpResponse getResponse() {
        return new PrometheusHttpResponse() {
            @Override
            public void setHeader(String name, String value) {
                headers.add(new String[]{name, value});
            }

            @Override
            public OutputStream sendHeadersAndGetBody(int status, int contentLength) {
                ScrapeExchange.this.status = status;
                return body;
            }
        };
    }

    @Override
    public void handleException(IOException e) throws IOException {
        throw e;
    }

    @Override
    public void handleException(RuntimeException e) {
        failure = e;
    }

    @Override
    public void close() {
        // Nothing is open: the response is written after the scrape.
    }
}
