package org.jiotop.testkit;

import com.sun.nio.file.ExtendedOpenOption;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

/**
 * A child process for tests and the benchmark: one system call of {@link #CALL_BYTES} at a time,
 * a given number per second, until killed. Arguments: {@code write FILE N} writes with O_DIRECT
 * (each call is block I/O); {@code read FILE N} reads a small file through the page cache, round
 * and round (it is written and read once first, so its pages are cached and no call reaches the
 * disk). Prints "ready TID" with the ID of the calling thread once it begins.
 */
public final class PacedCalls {
    public static final int CALL_BYTES = 4096;
    private static final int CACHED_FILE = 256 * 1024;

    private PacedCalls() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Paths.get(args[1]);
        long perSecond = Long.parseLong(args[2]);
        ByteBuffer buf = ByteBuffer.allocateDirect(2 * CALL_BYTES).alignedSlice(CALL_BYTES).limit(CALL_BYTES);
        boolean write = args[0].equals("write");
        if (!write) {
            Files.write(file, new byte[CACHED_FILE]);
            Files.readAllBytes(file);
        }
        try (FileChannel ch = write
                ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT)
                : FileChannel.open(file, StandardOpenOption.READ)) {
            long[] done = {0};
            Steady.calls(perSecond, () -> {
                buf.clear().limit(CALL_BYTES);
                long at = done[0]++ % (CACHED_FILE / CALL_BYTES) * CALL_BYTES;
                // One pread or pwrite each: a direct, aligned buffer goes to the kernel whole.
                int n = write ? ch.write(buf, at) : ch.read(buf, at);
                if (n != CALL_BYTES) {
                    throw new IllegalStateException("moved " + n + " bytes, not " + CALL_BYTES);
                }
            });
        }
    }
}
