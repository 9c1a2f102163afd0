package org.jiotop.linux;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.StringTokenizer;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * User names as ls and ps show them. When {@code nsswitch.conf} puts {@code files} first for
 * passwd (as almost every system does), a user found in {@code passwd} is the answer NSS would
 * give, so that file is read directly; anyone else is asked of the C library's
 * {@code getpwuid_r}/{@code getpwnam_r}, so other NSS sources (systemd, LDAP, sssd) still answer.
 * The shortcut matters: linking the C library's passwd calls costs a short run tens of ms of CPU.
 * Names are cached: a uid is looked up once per run.
 */
public final class UserDb {
    private static final long PASSWD_SIZE = 48;
    private static final long PW_UID_OFFSET = 16;
    private static final long BUFFER_SIZE = 16 * 1024;

    private final Path etc;
    private final Map<Integer, String> names = new HashMap<>();
    /** passwd's entries by uid and by name, read on first use; empty when NSS must be asked. */
    private Map<Integer, String> filesByUid;
    private Map<String, Integer> filesByName;

    /** Reads {@code etc/nsswitch.conf} and {@code etc/passwd} under {@code etc} (normally /etc). */
    public UserDb(Path etc) {
        this.etc = etc;
    }

    public static UserDb system() {
        return new UserDb(Path.of("/etc"));
    }

    /** The user name of {@code uid}, or the number itself when no user has it. */
    public String nameOf(int uid) {
        String name = names.get(uid);
        if (name == null) {
            loadFiles();
            name = filesByUid.get(uid);
            if (name == null) {
                name = lookup(uid);
            }
            names.put(uid, name);
        }
        return name;
    }

    /** The uid of user {@code name}, if there is one. */
    public OptionalInt uidOf(String name) {
        loadFiles();
        Integer uid = filesByName.get(name);
        return uid != null ? OptionalInt.of(uid) : lookup(name);
    }

    private void loadFiles() {
        if (filesByUid != null) {
            return;
        }
        filesByUid = new HashMap<>();
        filesByName = new HashMap<>();
        try {
            if (!filesFirst(Files.readString(etc.resolve("nsswitch.conf"), StandardCharsets.ISO_8859_1))) {
                return;
            }
            for (String line : Files.readString(etc.resolve("passwd"), StandardCharsets.UTF_8).split("\n")) {
                addEntry(line);
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable or odd: NSS answers every question, as it would without the shortcut.
            filesByUid.clear();
            filesByName.clear();
        }
    }

    /** Whether the passwd line of {@code nsswitch} names {@code files} as its first source. */
    static boolean filesFirst(String nsswitch) {
        for (String line : nsswitch.split("\n")) {
            int hash = line.indexOf('#');
            StringTokenizer words = new StringTokenizer(
                    hash >= 0 ? line.substring(0, hash) : line, " \t\r\f\u000B");
            if (words.countTokens() >= 2 && words.nextToken().equals("passwd:")) {
                return words.nextToken().equals("files");
            }
        }
        // No passwd line: glibc then uses its default, which is not files alone on every version.
        return false;
    }

    /** The first entry for a uid or name wins, as it does for the C library reading the file. */
    private void addEntry(String line) {
        String[] fields = line.split(":", -1);
        if (fields.length < 7 || fields[0].isEmpty() || fields[0].startsWith("+") || fields[0].startsWith("-")) {
            return;
        }
        int uid;
        try {
            uid = Integer.parseUnsignedInt(fields[2]);
        } catch (NumberFormatException e) {
            return;
        }
        filesByUid.putIfAbsent(uid, fields[0]);
        filesByName.putIfAbsent(fields[0], uid);
    }

    private static String lookup(int uid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pwd = arena.allocate(PASSWD_SIZE, 8);
            MemorySegment buf = arena.allocate(BUFFER_SIZE);
            MemorySegment result = arena.allocate(ADDRESS);
            if (Libc.getpwuidR(uid, pwd, buf, result) != 0 || result.get(ADDRESS, 0).equals(MemorySegment.NULL)) {
                return Integer.toUnsignedString(uid);
            }
            return pwd.get(ADDRESS, 0).reinterpret(Long.MAX_VALUE).getString(0);
        }
    }

    private static OptionalInt lookup(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pwd = arena.allocate(PASSWD_SIZE, 8);
            MemorySegment buf = arena.allocate(BUFFER_SIZE);
            MemorySegment result = arena.allocate(ADDRESS);
            if (Libc.getpwnamR(arena.allocateFrom(name), pwd, buf, result) != 0
                    || result.get(ADDRESS, 0).equals(MemorySegment.NULL)) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(pwd.get(JAVA_INT, PW_UID_OFFSET));
        }
    }
}
