package org.jiotop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the files made from the option table that a package installs, under the folder given:
 * {@code man8/jiotop.8}, {@code bash/jiotop} and {@code zsh/_jiotop}. Run at build time by
 * scripts/build-deb ({@code java -cp jiotop.jar org.jiotop.cli.PackageFiles DIR}).
 */
public final class PackageFiles {
    private PackageFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: PackageFiles DIR");
            System.exit(Main.EXIT_USAGE);
        }
        write(Path.of(args[0]));
    }

    static void write(Path dir) throws IOException {
        write(dir.resolve("man8/jiotop.8"), ManPage.roff());
        write(dir.resolve("bash/jiotop"), Completions.bash());
        write(dir.resolve("zsh/_jiotop"), Completions.zsh());
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
