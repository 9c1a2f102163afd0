package org.jiotop.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The live view's saved settings: {@code $XDG_CONFIG_HOME/jiotop/config}, or
 * {@code ~/.config/jiotop/config} when XDG_CONFIG_HOME is unset, empty or relative. One option per
 * line as on the command line ({@code --delay=2} or {@code --delay 2}), {@code #} starts a
 * comment. Read by the live view (and by batch mode only with {@code --use-config}); written only
 * when the user saves.
 */
final class ConfigFile {
    private final Path path;
    private final List<Integer> lineNumbers = new ArrayList<>();

    ConfigFile(Path path) {
        this.path = path;
    }

    /** Where {@link #locate} finds the file when XDG_CONFIG_HOME does not say: the help's words and the man page's. */
    static final String FALLBACK = "~/.config/jiotop/config when XDG_CONFIG_HOME is unset, empty or relative";

    static ConfigFile locate(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base;
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            base = Path.of(xdg);
        } else {
            base = Path.of(env.getOrDefault("HOME", "/root"), ".config");
        }
        return new ConfigFile(base.resolve("jiotop").resolve("config"));
    }

    Path path() {
        return path;
    }

    /**
     * The options in the file (non-empty lines that are not comments); none when there is no file.
     * The message of a failure names the file and the reason (a {@link SmallFile} read).
     */
    List<String> read() throws IOException {
        String text;
        try {
            text = SmallFile.read(path);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<String> options = new ArrayList<>();
        lineNumbers.clear();
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            // Not stripped at the end: a saved --filter may end in a space.
            String t = line.stripLeading();
            if (t.endsWith("\r")) {
                t = t.substring(0, t.length() - 1);
            }
            if (!t.isBlank() && !t.startsWith("#")) {
                options.add(t);
                lineNumbers.add(number);
            }
        }
        return options;
    }

    /** The line of the file that option {@code i} of the last {@link #read} is on, from 1. */
    int lineOf(int i) {
        return lineNumbers.get(i);
    }

    /**
     * The lines that give {@code settings}: each option the live view saves whose value is not its
     * default, by its long name ({@code --delay=2}, {@code --only}).
     */
    static List<String> lines(Options settings) {
        List<String> lines = new ArrayList<>();
        for (Option o : Option.values()) {
            Object value = settings.get(o);
            if (o.spec.saved && !java.util.Objects.equals(value, o.byDefault())) {
                lines.add("--" + o.spec.longName + (o.spec.kind.takesValue() ? "=" + o.spec.kind.format(value) : ""));
            }
        }
        return lines;
    }

    /**
     * Replaces the file at once (a reader sees the old one or the new one). The new content goes to
     * a file of a fresh name created exclusively (O_EXCL: never an existing file, never through a
     * link someone planted), which is then renamed over the old one.
     */
    void write(List<String> options) throws IOException {
        Path dir = path.getParent();
        Files.createDirectories(dir,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        List<String> lines = new ArrayList<>();
        lines.add("# jiotop settings, saved from the live view (key W); one option per line.");
        lines.addAll(options);
        Path tmp = Files.createTempFile(dir, ".config-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
