package org.jiotop.http;

/** A request that gets an error status and no further reading: the connection closes after the reply. */
final class HttpError extends Exception {
    private final int status;

    HttpError(int status, String why) {
        super(why, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
