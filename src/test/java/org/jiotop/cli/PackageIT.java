package org.jiotop.cli;

import org.jiotop.testkit.ProcessNames;
import org.jiotop.testkit.Tmux;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Debian package, built once by scripts/build-deb, installed with dpkg, run as a user would
 * from /usr/bin with no JDK on PATH or in JAVA_HOME, and removed: nothing of it may stay. Needs
 * root and dpkg; passed over where a jiotop package is installed already (it would be replaced).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackageIT {
    private static final Path REPO = Path.of("").toAbsolutePath();
    /** No JDK to be found: no PATH at all (and no JAVA_HOME), for jiotop itself. */
    private static final String NO_PATH = "/nonexistent";
    /** For dpkg and man, which run helpers of their own. */
    private static final String SYSTEM_PATH = "/usr/sbin:/usr/bin:/sbin:/bin";
    private static List<String> installed = List.of();
    private static String deb;
    /** Set before dpkg -i, so that a failure after it still removes the package. */
    private static boolean ours;

    record Run(int status, String out, String err) {
    }

    private static Run run(String path, String... command) throws Exception {
        Path out = Files.createTempFile("package-it", ".out");
        Path err = Files.createTempFile("package-it", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(REPO.toFile());
            pb.environment().clear();
            pb.environment().put("PATH", path);
            pb.environment().put("LANG", "C.UTF-8");
            Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("finished").isTrue();
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    private static boolean packageInstalled() throws Exception {
        return run(SYSTEM_PATH, "/usr/bin/dpkg-query", "-W", "-f", "${db:Status-Status}", "jiotop").out().equals("installed");
    }

    /** Installed, or removed with its purge still due. */
    private static boolean packageKnown() throws Exception {
        return !run(SYSTEM_PATH, "/usr/bin/dpkg-query", "-W", "-f", "${db:Status-Status}", "jiotop").out().isEmpty();
    }

    @BeforeAll
    static void buildAndInstall() throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/dpkg-deb").canExecute(), "dpkg-deb");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "root, to install a package");
        Assumptions.assumeFalse(packageInstalled(), "a jiotop package is installed already");
        ProcessBuilder build = new ProcessBuilder("scripts/build-deb").directory(REPO.toFile())
                .redirectErrorStream(true);
        build.environment().put("JIOTOP_DEB_COMPRESS", "zstd");
        Process p = build.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(said).isZero();
        deb = said.strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(deb).matches("target/jiotop_[0-9.]+_amd64\\.deb");
        assertThat(said).as("the AOT cache was trained").doesNotContain("no AOT cache");
        ours = true;
        Run install = run(SYSTEM_PATH, "/usr/bin/dpkg", "-i", deb);
        assertThat(install.status()).as(install.err()).isZero();
        List<String> files = new ArrayList<>();
        for (String path : run(SYSTEM_PATH, "/usr/bin/dpkg", "-L", "jiotop").out().lines().toList()) {
            if (path.contains("jiotop")) {
                files.add(path);
            }
        }
        installed = files;
    }

    @AfterAll
    static void removeWhateverHappened() throws Exception {
        if (ours && packageKnown()) {
            run(SYSTEM_PATH, "/usr/bin/dpkg", "--purge", "jiotop");
        }
    }

    @Test
    @Order(1)
    void runsFromUsrBinWithTheRuntimeOfThePackage() throws Exception {
        assertThat(run(NO_PATH, "/usr/bin/jiotop", "--version")).isEqualTo(new Run(0, Help.VERSION + "\n", ""));
        assertThat(run(NO_PATH, "/usr/sbin/jiotop", "--version")).isEqualTo(new Run(0, Help.VERSION + "\n", ""));
        Run batch = run(NO_PATH, "/usr/bin/jiotop", "-b", "-n", "2", "-d", "0.2");
        assertThat(batch.err()).isEmpty();
        assertThat(batch.status()).isZero();
        assertThat(batch.out().lines().filter(l -> l.startsWith("Total DISK READ:"))).hasSize(2);
    }

    @Test
    @Order(2)
    void runningItShowsAShortCommandLineTheRuntimeOfThePackageAndItsCache() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/jiotop", "-b", "-o", "-d", "0.2", "-n", "300");
        pb.environment().clear();
        pb.environment().put("PATH", NO_PATH);
        Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            ProcessNames names = ProcessNames.await(p, "jiotop", "jiotop-exits");
            assertThat(names.arguments()).containsExactly("jiotop", "@/proc/self/fd/3", "-b", "-o", "-d", "0.2", "-n", "300");
            assertThat(names.cmdline().length).isLessThanOrEqualTo(200);
            assertThat(names.name()).isEqualTo("jiotop");
            Path proc = Path.of("/proc", String.valueOf(p.pid()));
            assertThat(Files.readSymbolicLink(proc.resolve("exe"))).isEqualTo(Path.of("/usr/lib/jiotop/runtime/bin/java"));
            assertThat(Files.readString(proc.resolve("maps"))).as("the AOT cache trained at build time is used")
                    .contains("/usr/lib/jiotop/jiotop.aot");
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    @Test
    @Order(3)
    void manRendersTheInstalledPageWithoutWarnings() throws Exception {
        Run man = run(SYSTEM_PATH, "/usr/bin/man", "--warnings", "-l", "/usr/share/man/man8/jiotop.8.gz");
        assertThat(man.err()).isEmpty();
        assertThat(man.status()).isZero();
        assertThat(man.out()).contains("jiotop - top", "--delay=SEC", "EXIT STATUS");
    }

    @Test
    @Order(4)
    void bashCompletesDelayFromDe() throws Exception {
        // bash-completion loads a command's completion when first asked; without it, the file is read as is.
        String loader = "/usr/share/bash-completion/bash_completion";
        String load = new File(loader).isFile() ? "source " + loader + "; __load_completion jiotop"
                : "source /usr/share/bash-completion/completions/jiotop";
        Run r = run(SYSTEM_PATH, "/bin/bash", "--norc", "-c", load + "; complete -p jiotop; COMP_WORDS=(jiotop --de); COMP_CWORD=1;"
                + " _jiotop; echo \"${COMPREPLY[*]}\"");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("complete -F _jiotop jiotop\n--delay --devices\n");
    }

    @Test
    @Order(5)
    void theLiveViewDrawsWithTheRuntimeOfThePackage() throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/tmux").canExecute(), "tmux");
        // The runtime leaves out java.desktop, which only jline's image support needs.
        try (Tmux tmux = new Tmux(120, 30, "env -i TERM=xterm-256color PATH=" + NO_PATH + " /usr/bin/jiotop -d 0.2")) {
            String screen = tmux.await(s -> s.contains("Total DISK READ:") && s.contains("COMMAND"),
                    Duration.ofSeconds(60));
            assertThat(screen).contains("Total DISK READ:", "COMMAND").doesNotContain("Exception");
            tmux.keys("q");
        }
    }

    @Test
    @Order(6)
    void debiansPolicyCheckerFindsNothing() throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/lintian").canExecute(), "lintian");
        // This build is compressed with zstd, for speed, which lintian does not take; a release's is xz.
        Run lintian = run(SYSTEM_PATH, "/usr/bin/lintian", "--suppress-tags", "malformed-deb-archive", deb);
        assertThat(lintian.out()).isEmpty();
        assertThat(lintian.status()).as(lintian.err()).isZero();
    }

    /** Every file of the package falls under a Files stanza of its machine-readable copyright file. */
    @Test
    @Order(7)
    void theCopyrightFileCoversEveryFile() throws Exception {
        List<Pattern> stanzas = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/usr/share/doc/jiotop/copyright"))) {
            if (line.startsWith("Files:")) {
                for (String glob : line.substring("Files:".length()).strip().split(" +")) {
                    // Debian's copyright format: * is any run of characters, / included; ? is one.
                    stanzas.add(Pattern.compile(Pattern.quote(glob).replace("*", "\\E.*\\Q")
                            .replace("?", "\\E.\\Q")));
                }
            }
        }
        List<String> files = installed.stream().filter(f -> Files.isRegularFile(Path.of(f), LinkOption.NOFOLLOW_LINKS))
                .map(f -> f.substring(1)).toList();
        assertThat(files).contains("usr/lib/jiotop/jiotop.jar").allSatisfy(f ->
                assertThat(stanzas).as(f).anyMatch(p -> p.matcher(f).matches()));
    }

    @Test
    @Order(7)
    void dpkgVerifiesEveryInstalledFile() throws Exception {
        Run verify = run(SYSTEM_PATH, "/usr/bin/dpkg", "--verify", "jiotop");
        assertThat(verify.status()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).isEmpty();
        List<String> sums = Files.readAllLines(Path.of("/var/lib/dpkg/info/jiotop.md5sums"));
        List<String> files = installed.stream().filter(f -> Files.isRegularFile(Path.of(f), LinkOption.NOFOLLOW_LINKS))
                .map(f -> f.substring(1)).sorted().toList();
        assertThat(sums.stream().map(line -> line.substring(34)).sorted().toList()).isEqualTo(files);
    }

    /**
     * What the installed maintainer script {@code script} asks of systemd, run with {@code args}
     * as if systemd ran: in a mount namespace of its own, where /run/systemd/system exists and
     * systemctl, deb-systemd-invoke and deb-systemd-helper only say how they were called.
     */
    private static List<String> askedOfSystemd(String script, String... args) throws Exception {
        Path fakes = Files.createTempDirectory("package-it-systemd");
        try {
            Path said = fakes.resolve("said");
            Path fake = fakes.resolve("fake");
            Files.writeString(fake, "#!/bin/sh\necho \"${0##*/} $*\" >> " + said + "\n");
            Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (String tool : List.of("systemctl", "deb-systemd-invoke", "deb-systemd-helper")) {
                Files.createSymbolicLink(fakes.resolve(tool), fake);
            }
            String run = "mount -t tmpfs none /run/systemd && mkdir /run/systemd/system && exec "
                    + "/var/lib/dpkg/info/jiotop." + script + " \"$@\"";
            List<String> command = new ArrayList<>(List.of("/usr/bin/unshare", "-m", "--propagation", "private",
                    "/bin/sh", "-c", run, script));
            command.addAll(List.of(args));
            Run r = run(fakes + ":" + SYSTEM_PATH, command.toArray(String[]::new));
            assertThat(r.status()).as(r.err()).isZero();
            return Files.exists(said) ? Files.readAllLines(said) : List.of();
        } finally {
            try (var files = Files.walk(fakes)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    @Order(7)
    void anUpgradeRestartsTheExporterIfItRunsAndAFirstInstallStartsNothing() throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/unshare").canExecute(), "unshare");
        assertThat(askedOfSystemd("postinst", "configure", "0.0.9")).contains(
                "systemctl --system daemon-reload", "deb-systemd-invoke try-restart jiotop.service");
        assertThat(askedOfSystemd("postinst", "configure")).contains("systemctl --system daemon-reload")
                .noneMatch(line -> line.startsWith("deb-systemd-invoke"));
        assertThat(askedOfSystemd("prerm", "upgrade", "0.1.1")).as("the old version is not stopped before").isEmpty();
    }

    @Test
    @Order(8)
    void removingLeavesNothingBehind() throws Exception {
        assertThat(installed).contains("/usr/bin/jiotop", "/usr/lib/jiotop/runtime/bin/java",
                "/usr/share/man/man8/jiotop.8.gz", "/usr/share/bash-completion/completions/jiotop",
                "/usr/share/zsh/vendor-completions/_jiotop", "/usr/share/doc/jiotop/copyright",
                "/usr/lib/systemd/system/jiotop.service");
        // As a fleet turns the exporter on; systemctl makes the link without a running systemd too.
        Path wants = Path.of("/etc/systemd/system/multi-user.target.wants/jiotop.service");
        boolean enabled = !Files.exists(wants, LinkOption.NOFOLLOW_LINKS)
                && new File("/usr/bin/systemctl").canExecute();
        if (enabled) {
            Run enable = run(SYSTEM_PATH, "/usr/bin/systemctl", "enable", "jiotop");
            assertThat(enable.status()).as(enable.err()).isZero();
            assertThat(wants).isSymbolicLink();
        }
        Run remove = run(SYSTEM_PATH, "/usr/bin/dpkg", "-r", "jiotop");
        assertThat(remove.status()).as(remove.err()).isZero();
        assertThat(packageInstalled()).isFalse();
        assertThat(installed).allSatisfy(path -> assertThat(Path.of(path)).doesNotExist());
        Run purge = run(SYSTEM_PATH, "/usr/bin/dpkg", "--purge", "jiotop");
        assertThat(purge.status()).as(purge.err()).isZero();
        assertThat(packageKnown()).isFalse();
        if (enabled) {
            assertThat(Files.exists(wants, LinkOption.NOFOLLOW_LINKS)).as("%s left by purge", wants).isFalse();
        }
    }
}
