package org.jiotop.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A child process started by a test, killed when the test closes it. */
public final class Child implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;

    private Child(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        this.in = new PrintWriter(process.getOutputStream(), true);
    }

    /** Runs {@code main} of a test-kit class in a new JVM on the test class path. */
    public static Child java(Class<?> main, String... args) throws IOException {
        return java(List.of(), main, args);
    }

    /** As {@link #java(Class, String...)}, with {@code flags} for the JVM too (such as a heap size). */
    public static Child java(List<String> flags, Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        cmd.addAll(flags);
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return new Child(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /**
     * Runs {@code main} of a test-kit class in a new JVM as {@code nobody}, with {@code caps} (such as
     * {@code +dac_read_search}) in its ambient set; the test classes must be readable by everyone.
     */
    public static Child javaAsNobody(String caps, Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(asNobody(caps));
        cmd.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xshare:auto",
                "-XX:TieredStopAtLevel=1", "-cp", Path.of("target/test-classes").toAbsolutePath().toString(),
                main.getName()));
        cmd.addAll(List.of(args));
        return new Child(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /** The setpriv command that runs what follows it as nobody, with only {@code caps} ("" for none). */
    public static List<String> asNobody(String caps) {
        String set = caps.isEmpty() ? "-all" : caps;
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "--inh-caps=" + set));
        if (!caps.isEmpty()) {
            cmd.add("--ambient-caps=" + caps);
        }
        cmd.add("--");
        return cmd;
    }

    public static Child command(String... cmd) throws IOException {
        return new Child(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    public int pid() {
        return (int) process.pid();
    }

    public String readLine() throws IOException {
        String line = out.readLine();
        if (line == null) {
            throw new IOException("child " + pid() + " ended");
        }
        return line;
    }

    public void send(String line) {
        in.println(line);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
