package org.jiotop.cli;

import org.jiotop.linux.Errno;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output that remembers why a write failed. A PrintStream only says that one did; but a
 * closed pipe (a reader such as {@code head} that had enough) is a normal end, while a full disk or
 * an I/O error loses reports and must not end with status 0.
 */
final class Stdout extends PrintStream {
    /** The JDK reports EPIPE with the C library's text for it, in English only in an English or C locale. */
    private static final String BROKEN_PIPE = "Broken pipe";

    private static final class Recording extends OutputStream {
        private final OutputStream out;
        private IOException failure;

        Recording(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
                throw e;
            }
        }
    }

    private final Recording sink;

    private Stdout(Recording sink) {
        super(new BufferedOutputStream(sink, 1 << 16), false, StandardCharsets.UTF_8);
        this.sink = sink;
    }

    /**
     * As PrintStream's, but encoded by String's own UTF-8 encoding, which for ASCII is a copy: the
     * PrintStream's way copies the text into a char array and runs a charset encoder over it,
     * which at ten thousand rows a refresh costs more than making the rows.
     */
    @Override
    public void print(String s) {
        byte[] bytes = String.valueOf(s).getBytes(StandardCharsets.UTF_8);
        write(bytes, 0, bytes.length);
    }

    @Override
    public void print(char c) {
        if (c < 0x80) {
            write(c);
        } else {
            print(String.valueOf(c));
        }
    }

    static Stdout open() {
        return to(new FileOutputStream(FileDescriptor.out));
    }

    /** Standard output's behaviour on another stream. */
    static Stdout to(OutputStream out) {
        return new Stdout(new Recording(out));
    }

    /**
     * Flushes, and turns a status of 0 into 1, with one line on {@code err}, when writing failed
     * for any reason but a closed pipe.
     */
    int finish(int status, PrintStream err) {
        flush();
        IOException failure = sink.failure;
        if (!checkError() || failure == null || brokenPipe(failure.getMessage())) {
            return status;
        }
        err.println("jiotop: cannot write to standard output: " + failure.getMessage());
        return status == Main.EXIT_OK ? Main.EXIT_CANNOT_RUN : status;
    }

    private static boolean brokenPipe(String message) {
        return BROKEN_PIPE.equals(message) || (message != null && message.equals(Errno.text(Errno.EPIPE)));
    }
}
