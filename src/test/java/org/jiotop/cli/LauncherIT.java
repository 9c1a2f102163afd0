package org.jiotop.cli;

import org.jiotop.linux.Capability;
import org.jiotop.output.Version;
import org.jiotop.testkit.Installed;
import org.jiotop.testkit.ProcessNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ./jiotop launcher and the packaged jar, run as a user would: from a copy of the launcher,
 * its scripts and the jar in a world-readable folder, with a minimal environment.
 */
class LauncherIT {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final String VERSION = "jiotop " + Version.NUMBER + "\n";

    @TempDir
    Path tmp;
    private Path home;

    record Run(int status, String out, String err) {
    }

    @BeforeEach
    void install() throws IOException {
        home = Installed.copy(REPO, tmp, "jiotop");
    }

    private Run run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("HOME", tmp.toString());
        pb.environment().putAll(env);
        // Into files, not pipes: a full listing can outgrow a pipe's buffer (a test JVM's thread rows
        // each carry its long class path), and a pipe nobody reads until the end would block jiotop.
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void findsJdk25WithoutJavaHomeWhilePathJavaIsOlder() throws Exception {
        Run r = run(Map.of(), "./jiotop", "--version");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(VERSION);
        assertThat(r.status()).isZero();
    }

    @Test
    void javaHomeOfAnOlderJdkIsPassedOver() throws Exception {
        Path old = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(old));
        Run r = run(Map.of("JAVA_HOME", old.toString()), "./jiotop", "--version");
        assertThat(r.out()).isEqualTo(VERSION);
    }

    /**
     * A JDK 26 home as the launcher sees one: a {@code release} file and a {@code bin/java} that notes each
     * start in {@code $HOME/used} and runs the JDK the tests run on.
     */
    private Path fakeJdk26(Path parent) throws IOException {
        Path fake = parent.resolve("jdk-26");
        Files.createDirectories(fake.resolve("bin"));
        Files.writeString(fake.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"26.0.1\"\n");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path script = Files.writeString(fake.resolve("bin/java"),
                "#!/bin/sh\necho started >> \"$HOME/used\"\nexec " + java + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return fake;
    }

    private long fakeJdkStarts() throws IOException {
        Path used = tmp.resolve("used");
        return Files.exists(used) ? Files.readAllLines(used).size() : 0;
    }

    @Test
    void aRememberedJdkGivesWayWhenJavaHomeNamesAnother() throws Exception {
        assertThat(run(Map.of(), "./jiotop", "--version").out()).isEqualTo(VERSION);
        assertThat(fakeJdkStarts()).isZero();
        Path fake = fakeJdk26(tmp);
        Run r = run(Map.of("JAVA_HOME", fake.toString()), "./jiotop", "--version");
        assertThat(r.out()).isEqualTo(VERSION);
        assertThat(r.err()).isEmpty();
        long starts = fakeJdkStarts();
        assertThat(starts).as("the JDK JAVA_HOME names, newer than the one remembered").isPositive();
        assertThat(run(Map.of(), "./jiotop", "--version").out()).isEqualTo(VERSION);
        assertThat(fakeJdkStarts()).as("without JAVA_HOME the search finds JDK 25 again").isEqualTo(starts);
    }

    @Test
    void aRememberedJdkThatWasRemovedIsSearchedFor() throws Exception {
        Path fake = fakeJdk26(tmp);
        Map<String, String> env = Map.of("JAVA_HOME", fake.toString());
        assertThat(run(env, "./jiotop", "--version").out()).isEqualTo(VERSION);
        long starts = fakeJdkStarts();
        assertThat(starts).isPositive();
        Files.delete(fake.resolve("bin/java"));
        Files.delete(fake.resolve("bin"));
        Files.delete(fake.resolve("release"));
        Files.delete(fake);
        Run r = run(env, "./jiotop", "--version");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(VERSION);
        assertThat(r.status()).isZero();
        assertThat(fakeJdkStarts()).isEqualTo(starts);
    }

    @Test
    void aJdkInstalledAfterTheSearchIsFound() throws Exception {
        Path jdks = Files.createDirectories(tmp.resolve("jdks"));
        Map<String, String> env = Map.of("JIOTOP_JDK_DIRS", System.getProperty("java.home") + " " + jdks + "/*");
        assertThat(run(env, "./jiotop", "--version").out()).isEqualTo(VERSION);
        assertThat(fakeJdkStarts()).isZero();
        fakeJdk26(jdks);
        assertThat(run(env, "./jiotop", "--version").out()).isEqualTo(VERSION);
        assertThat(fakeJdkStarts()).as("the newer JDK put in a searched folder").isPositive();
    }

    @Test
    void noSuitableJdkIsExit127WithAMessage() throws Exception {
        Run r = run(Map.of("JIOTOP_JDK_DIRS", "/nonexistent/*"), "./jiotop", "--version");
        assertThat(r.status()).isEqualTo(127);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("jiotop: no JDK 25 or newer found").endsWith("\n");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void staleOrMissingJarIsRebuiltBeforeRunning() throws Exception {
        // A stand-in for mvnw that records being called, so no real build runs inside this test.
        Path mvnw = home.resolve("mvnw");
        Files.writeString(mvnw, "#!/bin/sh\necho \"build $*\" >> \"$HOME/builds\"\necho building >&2\n");
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(home.resolve("src/main"));
        Path source = Files.writeString(home.resolve("src/main/Some.java"), "");
        Files.writeString(home.resolve("pom.xml"), "");
        Path jar = home.resolve("target/jiotop.jar");
        long t = System.currentTimeMillis();
        Files.setLastModifiedTime(source, java.nio.file.attribute.FileTime.fromMillis(t - 60_000));
        Files.setLastModifiedTime(home.resolve("pom.xml"), java.nio.file.attribute.FileTime.fromMillis(t - 60_000));
        Files.setLastModifiedTime(home.resolve("src/main"), java.nio.file.attribute.FileTime.fromMillis(t - 60_000));
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(t - 30_000));

        Run fresh = run(Map.of(), "./jiotop", "--version");
        assertThat(fresh.out()).isEqualTo(VERSION);
        assertThat(tmp.resolve("builds")).doesNotExist();

        Files.setLastModifiedTime(source, java.nio.file.attribute.FileTime.fromMillis(t));
        Run stale = run(Map.of(), "./jiotop", "--version");
        assertThat(stale.out()).as("build output stays off stdout").isEqualTo(VERSION);
        assertThat(stale.err()).contains("building").startsWith("jiotop: rebuilding target/jiotop.jar (sources changed")
                .containsPattern("\njiotop: built in \\d+ s\n");
        assertThat(Files.readString(tmp.resolve("builds"))).contains("package");
    }

    @Test
    void theRememberedSourceListSeesFilesAddedAndIsMadeAgainAfterABuild() throws Exception {
        Path mvnw = home.resolve("mvnw");
        Files.writeString(mvnw, "#!/bin/sh\necho \"build $*\" >> \"$HOME/builds\"\n");
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path main = Files.createDirectories(home.resolve("src/main"));
        Path jar = home.resolve("target/jiotop.jar");
        long t = System.currentTimeMillis();
        Files.writeString(home.resolve("pom.xml"), "");
        setTime(home.resolve("pom.xml"), t - 60_000);
        setTime(main, t - 60_000);
        setTime(jar, t - 30_000);
        assertThat(run(Map.of(), "./jiotop", "--version").out()).isEqualTo(VERSION);
        assertThat(Files.readAllLines(home.resolve("target/sources.list"))).containsExactly("src/main/", "pom.xml");

        // A file put in since: its folder is newer than the jar, though the list does not name it.
        Path added = Files.writeString(main.resolve("Added.java"), "");
        setTime(added, t - 60_000);
        run(Map.of(), "./jiotop", "--version");
        assertThat(Files.readString(tmp.resolve("builds"))).as("built for the file put in").hasLineCount(1);

        // A build outside the launcher takes the file in; the list, older than the jar, is made again
        // and so names it, and an edit of it afterwards is seen.
        setTime(main, t - 60_000);
        setTime(jar, t + 5_000);
        run(Map.of(), "./jiotop", "--version");
        assertThat(Files.readString(tmp.resolve("builds"))).as("nothing newer than the jar").hasLineCount(1);
        assertThat(Files.readAllLines(home.resolve("target/sources.list"))).contains("src/main/Added.java");
        setTime(added, t + 10_000);
        run(Map.of(), "./jiotop", "--version");
        assertThat(Files.readString(tmp.resolve("builds"))).as("built for the edit").hasLineCount(2);
    }

    private static void setTime(Path file, long millis) throws IOException {
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(millis));
    }

    @Test
    void aFirstBuildSaysWhatItDoesAndHowLongItTook() throws Exception {
        // A stand-in for mvnw that puts back the jar a real build would make.
        Path jar = home.resolve("target/jiotop.jar");
        Files.move(jar, tmp.resolve("built.jar"));
        Path mvnw = home.resolve("mvnw");
        Files.writeString(mvnw, "#!/bin/sh\ncp \"$HOME/built.jar\" target/jiotop.jar\n");
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        Run first = run(Map.of(), "./jiotop", "--version");
        assertThat(first.out()).isEqualTo(VERSION);
        assertThat(first.err()).matches("jiotop: building jiotop \\(first run, about 20 s[^\n]*\\.\\.\\.\n"
                + "jiotop: built in \\d+ s\n");
    }

    @Test
    void batchOutputCarriesNoJvmOrBuildChatter() throws Exception {
        Capability.assume(Capability.NET_ADMIN);
        // A hundred shells with long command lines (each row cut to about 1 KiB) make the listing
        // larger than a pipe's buffer, as a test JVM's threads do on a busy machine.
        String longArgument = "x".repeat(8192);
        List<Process> shells = new ArrayList<>();
        Run r;
        try {
            for (int i = 0; i < 100; i++) {
                shells.add(new ProcessBuilder("sh", "-c", "read line", longArgument).start());
            }
            r = run(Map.of(), "./jiotop", "-b", "-n", "1", "-d", "0.2");
        } finally {
            shells.forEach(Process::destroy);
        }
        assertThat(r.out()).hasSizeGreaterThan(64 * 1024);
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("Total DISK READ:");
        assertThat(lines.get(1)).startsWith("Current DISK READ:");
        assertThat(lines.get(2)).endsWith("COMMAND");
        // Other processes' command lines may hold any text (even "WARNING"), so chatter is detected by
        // shape: after the three header lines, every line must be a task row that starts with its TID.
        assertThat(lines.subList(3, lines.size())).isNotEmpty()
                .allSatisfy(line -> assertThat(line).matches(" *\\d+ .*"));
    }

    @Test
    void startupReportGivesTheCpuOfTheWholeProcessUpToItsFirstSample() throws Exception {
        Capability.assume(Capability.NET_ADMIN);
        Run r = run(Map.of("JIOTOP_STARTUP_REPORT", "1"), "./jiotop", "-b", "-qqq", "-n", "1", "-d", "0.1");
        assertThat(r.status()).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("jiotop: cpu ms to first sample: (\\d+)\n")
                .matcher(r.err());
        assertThat(m.matches()).as(r.err()).isTrue();
        // A JVM alone takes tens of ms of CPU to start; 0 would mean /proc could not be read.
        assertThat(Long.parseLong(m.group(1))).isBetween(10L, 60_000L);
    }

    @Test
    void withoutNetAdminItReadsProcAndSaysWhatItCannotSee() throws Exception {
        // To run it as nobody with no capabilities at all.
        Capability.assume(Capability.SETUID, Capability.SETGID, Capability.SETPCAP);
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all", "--", "./jiotop", "-b", "-P", "-n", "1", "-d", "0.2"));
        Run r = run(Map.of(), cmd.toArray(String[]::new));
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        // Root's processes (PID 1 at least) cannot be read by nobody: counted, not shown.
        assertThat(lines.get(2)).matches("not root: [1-9]\\d* of [1-9]\\d* processes not readable; run as root for all");
        assertThat(lines.subList(4, lines.size())).isNotEmpty().allSatisfy(line -> assertThat(line).contains(" nobody "));
    }

    @Test
    void runningJiotopShowsAShortCommandLineAndItsOwnNames() throws Exception {
        Capability.assume(Capability.NET_ADMIN);
        Process p = new ProcessBuilder("./jiotop", "-b", "-o", "-d", "0.2", "-n", "300").directory(home.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(tmp.resolve("err").toFile()).start();
        try {
            ProcessNames names = ProcessNames.await(p, "jiotop", "jiotop-exits");
            assertThat(names.cmdline().length).as(names.arguments().toString()).isLessThanOrEqualTo(200);
            assertThat(names.arguments()).as("the JVM's flags come from the pipe, not argv")
                    .containsExactly("jiotop", "@/proc/self/fd/3", "-b", "-o", "-d", "0.2", "-n", "300");
            assertThat(names.name()).isEqualTo("jiotop");
            assertThat(names.threads()).contains("jiotop", "jiotop-exits").doesNotContain("main", "java");
        } finally {
            p.destroy();
            p.waitFor();
        }
        assertThat(Files.readString(tmp.resolve("err"))).isEmpty();
    }

    @Test
    void closedPipeEndsQuietly() throws Exception {
        Capability.assume(Capability.NET_ADMIN);
        Run r = run(Map.of(), "sh", "-c", "./jiotop -b -d 0.1 | head -n 2; echo \"status ${PIPESTATUS:-ok}\"");
        assertThat(r.out().lines().toList()).hasSize(3);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void fullStdoutMakesJiotopWaitAndLosesNothing() throws Exception {
        Capability.assume(Capability.NET_ADMIN);
        Process p = new ProcessBuilder("./jiotop", "-b", "-n", "30", "-d", "0.1").directory(home.toFile()).start();
        Thread.sleep(4000); // nobody reads: the pipe fills and jiotop blocks in write, as any filter would
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(out.lines().filter(l -> l.startsWith("Total DISK READ:"))).hasSize(30);
        assertThat(out.length()).as("more than a pipe holds").isGreaterThan(64 * 1024);
    }
}
