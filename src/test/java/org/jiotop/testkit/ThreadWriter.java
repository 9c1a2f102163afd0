package org.jiotop.testkit;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;

/**
 * A child process for tests whose main thread never does block I/O: each line "write N" on stdin
 * starts a new thread named "writer" that writes N bytes with O_DIRECT and exits; "done" is printed
 * once it has exited. "hold N" starts a writer that writes N bytes and stays alive until "release".
 */
public final class ThreadWriter {
    private ThreadWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        Object release = new Object();
        boolean[] released = {false};
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        for (String line; (line = in.readLine()) != null; ) {
            String[] cmd = line.split(" ");
            switch (cmd[0]) {
                case "write", "hold" -> {
                    long bytes = Long.parseLong(cmd[1]);
                    boolean hold = cmd[0].equals("hold");
                    Thread t = new Thread(() -> {
                        try (DirectWriter w = new DirectWriter(file)) {
                            w.write(bytes);
                            if (hold) {
                                System.out.println("holding");
                                System.out.flush();
                                synchronized (release) {
                                    while (!released[0]) {
                                        release.wait();
                                    }
                                }
                            }
                        } catch (Exception e) {
                            throw new RuntimeException(e);
                        }
                    }, "writer");
                    t.start();
                    if (!hold) {
                        t.join();
                        System.out.println("done");
                        System.out.flush();
                    }
                }
                case "release" -> {
                    synchronized (release) {
                        released[0] = true;
                        release.notifyAll();
                    }
                }
                default -> System.out.println("unknown " + line);
            }
        }
    }
}
