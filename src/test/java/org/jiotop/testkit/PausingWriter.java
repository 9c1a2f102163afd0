package org.jiotop.testkit;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A child process for tests: writes to a file with O_DIRECT at a steady rate, stopping when it
 * reads the line "stop" and starting again on "start". Arguments: file, bytes per second. Prints
 * "ready TID" with the ID of the writing thread, then "stopped" and "started" as it obeys.
 */
public final class PausingWriter {
    private PausingWriter() {
    }

    public static void main(String[] args) throws Exception {
        long rate = Long.parseLong(args[1]);
        AtomicBoolean on = new AtomicBoolean(true);
        try (DirectWriter w = new DirectWriter(Path.of(args[0]))) {
            Thread writer = Thread.ofPlatform().daemon().start(() -> {
                try {
                    String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
                    System.out.println("ready " + self.substring(self.lastIndexOf('/') + 1));
                    System.out.flush();
                    while (true) {
                        long start = System.nanoTime();
                        long moved = 0;
                        while (on.get()) {
                            long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
                            if (moved + DirectWriter.BLOCK <= due) {
                                w.write(DirectWriter.BLOCK);
                                moved += DirectWriter.BLOCK;
                            } else {
                                Thread.sleep(2);
                            }
                        }
                        Thread.sleep(2);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
            for (String line; (line = in.readLine()) != null; ) {
                on.set(line.equals("start"));
                System.out.println(on.get() ? "started" : "stopped");
                System.out.flush();
            }
            writer.interrupt();
        }
    }
}
