package org.jiotop.testkit;

import java.nio.file.Path;

/**
 * A child process for tests and the benchmark: writes to a file with O_DIRECT at a steady rate
 * until killed. Arguments: file, bytes per second. Prints "ready TID" once the file is open, with
 * the ID of the writing thread.
 */
public final class SteadyWriter {
    private SteadyWriter() {
    }

    public static void main(String[] args) throws Exception {
        try (DirectWriter w = new DirectWriter(Path.of(args[0]))) {
            Steady.run(Long.parseLong(args[1]), () -> w.write(DirectWriter.BLOCK));
        }
    }
}
