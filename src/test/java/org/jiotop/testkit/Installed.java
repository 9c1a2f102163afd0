package org.jiotop.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A copy of the launcher, its script and the packaged jar with its libraries in a folder everyone can read, as a user
 * would have it (the repository itself may sit under a private home).
 */
public final class Installed {
    private Installed() {
    }

    /** Copies into {@code home} (created) under {@code parent}; returns {@code home}. */
    public static Path copy(Path repo, Path parent, String name) throws IOException {
        Path home = parent.resolve(name);
        Files.createDirectories(home.resolve("scripts"));
        Files.createDirectories(home.resolve("target"));
        Files.copy(repo.resolve("jiotop"), home.resolve("jiotop"));
        for (String script : List.of("find-jdk.sh", "jvm-flags.sh", "exec-jvm.sh", "train-aot.sh")) {
            Files.copy(repo.resolve("scripts").resolve(script), home.resolve("scripts").resolve(script));
        }
        Files.copy(repo.resolve("target/jiotop.jar"), home.resolve("target/jiotop.jar"));
        Files.createDirectories(home.resolve("target/lib"));
        try (var libs = Files.list(repo.resolve("target/lib"))) {
            for (Path lib : libs.toList()) {
                Path copy = Files.copy(lib, home.resolve("target/lib").resolve(lib.getFileName()));
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        for (Path p : List.of(parent, home, home.resolve("scripts"), home.resolve("target"), home.resolve("target/lib"), home.resolve("jiotop"),
                home.resolve("scripts/find-jdk.sh"), home.resolve("scripts/jvm-flags.sh"),
                home.resolve("scripts/exec-jvm.sh"), home.resolve("scripts/train-aot.sh"), home.resolve("target/jiotop.jar"))) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return home;
    }
}
