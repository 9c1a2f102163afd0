package org.jiotop.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A tmux server of its own (private socket), running one command in a window of fixed size. */
public final class Tmux implements AutoCloseable {
    private final String socket = "jiotop-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    public Tmux(int width, int height, String command) throws IOException, InterruptedException {
        run("new-session", "-d", "-s", "t", "-x", Integer.toString(width), "-y", Integer.toString(height), command);
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + ": " + out);
        }
        return out;
    }

    /** Keys as tmux names them ("Right", "Enter", "q"). */
    public void keys(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "t"));
        args.addAll(List.of(keys));
        run(args.toArray(String[]::new));
    }

    /** Resizes the window, as a user resizing the terminal; the program gets SIGWINCH. */
    public void resize(int width, int height) throws IOException, InterruptedException {
        run("resize-window", "-t", "t", "-x", Integer.toString(width), "-y", Integer.toString(height));
    }

    /** Copies everything the program writes to the terminal, escape sequences and all, to {@code file}. */
    public void record(java.nio.file.Path file) throws IOException, InterruptedException {
        run("pipe-pane", "-o", "-t", "t", "cat >> '" + file + "'");
    }

    /** What tmux knows of the window's state, as {@code display-message} formats it: "#{cursor_flag}". */
    public String state(String format) throws IOException, InterruptedException {
        return run("display-message", "-p", "-t", "t", format).strip();
    }

    public String screen() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-t", "t");
    }

    /** Waits until the screen satisfies {@code test}; the last screen either way. */
    public String await(Predicate<String> test, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        String screen = screen();
        while (!test.test(screen) && System.nanoTime() < end) {
            Thread.sleep(100);
            screen = screen();
        }
        return screen;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("kill-server");
        } catch (IOException e) {
            // already gone with its last window
        }
    }
}
