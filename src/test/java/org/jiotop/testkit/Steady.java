package org.jiotop.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The pacing shared by {@link SteadyWriter}, {@link SteadyReader} and {@link PacedCalls}: one step at a time, on schedule. */
final class Steady {
    interface Block {
        /** One step: a block of {@link DirectWriter#BLOCK} bytes, or one call of {@link PacedCalls}. */
        void move() throws IOException;
    }

    private Steady() {
    }

    /**
     * Prints "ready TID" with the ID of the calling thread (a JVM's main method does not run in the
     * thread whose ID is the PID), then moves blocks at {@code bytesPerSecond} until killed.
     */
    static void run(long bytesPerSecond, Block block) throws Exception {
        calls((double) bytesPerSecond / DirectWriter.BLOCK, block);
    }

    /** As {@link #run}, with {@code call} made {@code perSecond} times a second, on schedule. */
    static void calls(double perSecond, Block call) throws Exception {
        String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
        System.out.println("ready " + self.substring(self.lastIndexOf('/') + 1));
        System.out.flush();
        long start = System.nanoTime();
        long done = 0;
        while (true) {
            if (done < (long) ((System.nanoTime() - start) / 1e9 * perSecond)) {
                call.move();
                done++;
            } else {
                Thread.sleep(2);
            }
        }
    }
}
