package org.jiotop.linux;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cgroup's path as the kernel wrote it, starting with '/': raw bytes, since a cgroup's name
 * may hold any byte but '/' and NUL, valid UTF-8 or not. Whoever shows it escapes it.
 */
public final class CgroupPath {
    public static final CgroupPath ROOT = new CgroupPath(new byte[] {'/'});
    public static final CgroupPath EMPTY = new CgroupPath(new byte[0]);

    private final byte[] bytes;
    private final int hash;

    private CgroupPath(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** The path in {@code [from, to)} of {@code b}, copied. */
    public static CgroupPath of(byte[] b, int from, int to) {
        return new CgroupPath(Arrays.copyOfRange(b, from, to));
    }

    /** A path written as text (UTF-8). */
    public static CgroupPath of(String path) {
        byte[] b = path.getBytes(StandardCharsets.UTF_8);
        return of(b, 0, b.length);
    }

    /** The raw bytes, copied. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public boolean isRoot() {
        return bytes.length == 1 && bytes[0] == '/';
    }

    /** {@code root}'s bytes, this path, then {@code "/" + file}: the name of a file of this cgroup. */
    byte[] under(byte[] root, String file) {
        byte[] name = Arrays.copyOf(root, root.length + bytes.length + 1 + file.length());
        System.arraycopy(bytes, 0, name, root.length, bytes.length);
        name[root.length + bytes.length] = '/';
        for (int i = 0; i < file.length(); i++) {
            name[root.length + bytes.length + 1 + i] = (byte) file.charAt(i);
        }
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CgroupPath p && hash == p.hash && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** For diagnostics only: printable ASCII as is, every other byte as '?'. */
    @Override
    public String toString() {
        char[] text = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            text[i] = c >= 0x20 && c < 0x7f ? (char) c : '?';
        }
        return new String(text);
    }
}
