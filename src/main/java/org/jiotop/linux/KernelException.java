package org.jiotop.linux;

/** A system call or kernel interface failed; {@link #errno()} says why (0 when no errno applies). */
public final class KernelException extends Exception {
    private final int errno;

    public KernelException(String what, int errno) {
        super(errno == 0 ? what : what + ": " + Libc.strerror(errno));
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
