package org.jiotop.cli;

/** Where the exporter listens: a host name or address (without brackets) and a port (0: any free one). */
record ListenAddress(String host, int port) {
    /** {@code host:port}, an IPv6 address in brackets, as a URL would have it. */
    String hostForUrl() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return hostForUrl() + ":" + port;
    }
}
