package org.jiotop.linux;

/** The errno values jiotop acts on (x86_64 and every other Linux architecture jiotop targets). */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int EINVAL = 22;
    public static final int EPIPE = 32;
    public static final int ENOBUFS = 105;

    private Errno() {
    }

    /**
     * The C library's text for {@code errno}, which is what an {@link java.io.IOException} of the
     * JDK says: translated when the locale (or {@code LANGUAGE}) asks for another language.
     */
    public static String text(int errno) {
        return Libc.strerrorText(errno);
    }
}
