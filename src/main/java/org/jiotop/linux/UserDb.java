package org.jiotop.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * User names through the C library's {@code getpwuid_r}/{@code getpwnam_r}, so NSS sources (LDAP,
 * sssd) answer as they do for ls and ps. Names are cached: a uid is looked up once per run.
 */
public final class UserDb {
    private static final long PASSWD_SIZE = 48;
    private static final long PW_UID_OFFSET = 16;
    private static final long BUFFER_SIZE = 16 * 1024;

    private final Map<Integer, String> names = new HashMap<>();

    /** The user name of {@code uid}, or the number itself when no user has it. */
    public String nameOf(int uid) {
        String name = names.get(uid);
        if (name == null) {
            name = lookup(uid);
            names.put(uid, name);
        }
        return name;
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

    /** The uid of user {@code name}, if there is one. */
    public OptionalInt uidOf(String name) {
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
