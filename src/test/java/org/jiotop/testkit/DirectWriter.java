package org.jiotop.testkit;

import com.sun.nio.file.ExtendedOpenOption;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes with O_DIRECT, so every byte is block I/O charged to the writing thread at once. */
final class DirectWriter implements AutoCloseable {
    static final int BLOCK = 64 * 1024;
    static final long WRAP = 64L << 20;

    private final FileChannel channel;
    private final ByteBuffer block;
    private long position;

    DirectWriter(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                ExtendedOpenOption.DIRECT);
        block = ByteBuffer.allocateDirect(BLOCK + 4096).alignedSlice(4096).limit(BLOCK);
    }

    /** Writes {@code bytes} (rounded up to whole blocks), reusing the first 64 MiB of the file. */
    void write(long bytes) throws IOException {
        for (long done = 0; done < bytes; done += BLOCK) {
            block.clear().limit(BLOCK);
            while (block.hasRemaining()) {
                channel.write(block, position + block.position());
            }
            position = (position + BLOCK) % WRAP;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
