package org.jiotop.testkit;

import com.sun.nio.file.ExtendedOpenOption;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A child process for the benchmark: reads a file with O_DIRECT (so every byte is block I/O,
 * never the page cache) at a steady rate until killed, going round its first 64 MiB. Arguments:
 * file, bytes per second. The file is written first when it is shorter than that. Prints
 * "ready TID" once the file is open, with the ID of the reading thread.
 */
public final class SteadyReader {
    private SteadyReader() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        if (!Files.exists(file) || Files.size(file) < DirectWriter.WRAP) {
            try (DirectWriter w = new DirectWriter(file)) {
                w.write(DirectWriter.WRAP);
            }
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, ExtendedOpenOption.DIRECT)) {
            ByteBuffer block = ByteBuffer.allocateDirect(DirectWriter.BLOCK + 4096).alignedSlice(4096);
            long[] position = {0};
            Steady.run(Long.parseLong(args[1]), () -> {
                block.clear().limit(DirectWriter.BLOCK);
                while (block.hasRemaining()) {
                    if (channel.read(block, position[0] + block.position()) < 0) {
                        throw new java.io.EOFException(file + " is shorter than " + DirectWriter.WRAP + " bytes");
                    }
                }
                position[0] = (position[0] + DirectWriter.BLOCK) % DirectWriter.WRAP;
            });
        }
    }
}
