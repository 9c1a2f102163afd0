package org.jiotop.testkit;

import java.nio.file.Path;

/**
 * A child process for tests: writes to a file with O_DIRECT at a steady rate until killed.
 * Arguments: file, bytes per second. Prints "ready TID" once the file is open, with the ID of the
 * writing thread (a JVM's main method does not run in the thread whose ID is the PID).
 */
public final class SteadyWriter {
    private SteadyWriter() {
    }

    public static void main(String[] args) throws Exception {
        long rate = Long.parseLong(args[1]);
        try (DirectWriter w = new DirectWriter(Path.of(args[0]))) {
            String self = java.nio.file.Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
            System.out.println("ready " + self.substring(self.lastIndexOf('/') + 1));
            System.out.flush();
            long start = System.nanoTime();
            long written = 0;
            while (true) {
                long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
                if (written + DirectWriter.BLOCK <= due) {
                    w.write(DirectWriter.BLOCK);
                    written += DirectWriter.BLOCK;
                } else {
                    Thread.sleep(2);
                }
            }
        }
    }
}
