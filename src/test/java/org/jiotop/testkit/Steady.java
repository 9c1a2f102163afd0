package org.jiotop.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The pacing shared by {@link SteadyWriter} and {@link SteadyReader}: one block at a time, on schedule. */
final class Steady {
    interface Block {
        /** Moves one block of {@link DirectWriter#BLOCK} bytes. */
        void move() throws IOException;
    }

    private Steady() {
    }

    /**
     * Prints "ready TID" with the ID of the calling thread (a JVM's main method does not run in the
     * thread whose ID is the PID), then moves blocks at {@code bytesPerSecond} until killed.
     */
    static void run(long bytesPerSecond, Block block) throws Exception {
        String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
        System.out.println("ready " + self.substring(self.lastIndexOf('/') + 1));
        System.out.flush();
        long start = System.nanoTime();
        long moved = 0;
        while (true) {
            long due = (long) ((System.nanoTime() - start) / 1e9 * bytesPerSecond);
            if (moved + DirectWriter.BLOCK <= due) {
                block.move();
                moved += DirectWriter.BLOCK;
            } else {
                Thread.sleep(2);
            }
        }
    }
}
