package org.jiotop.linux;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cgroup path cut at its '/' into names, numbered from the outermost (0) in; the tests the
 * label rules make of a name, on its raw bytes; and a name as text, escaped and bounded as a
 * command line is ({@link CommandText#bounded}).
 */
final class PathParts {
    private final byte[] b;
    private int[] from = new int[8];
    private int[] to = new int[8];
    private int count;

    PathParts(byte[] path) {
        this.b = path;
        int start = 0;
        for (int i = 0; i <= path.length; i++) {
            if (i == path.length || path[i] == '/') {
                if (i > start) {
                    if (count == from.length) {
                        from = Arrays.copyOf(from, count * 2);
                        to = Arrays.copyOf(to, count * 2);
                    }
                    from[count] = start;
                    to[count++] = i;
                }
                start = i + 1;
            }
        }
    }

    int count() {
        return count;
    }

    int length(int name) {
        return to[name] - from[name];
    }

    /** Whether name {@code name} (which may be -1, before the outermost) is {@code ascii}. */
    boolean is(int name, String ascii) {
        return name >= 0 && length(name) == ascii.length() && startsWith(name, ascii);
    }

    boolean startsWith(int name, String ascii) {
        return length(name) >= ascii.length() && matches(from[name], ascii);
    }

    boolean endsWith(int name, String ascii) {
        return length(name) >= ascii.length() && matches(to[name] - ascii.length(), ascii);
    }

    /** Whether name {@code name} is {@code prefix}, a lowercase hex ID of {@code hexDigits}, then {@code suffix}. */
    boolean isHexId(int name, String prefix, int hexDigits, String suffix) {
        if (length(name) != prefix.length() + hexDigits + suffix.length() || !startsWith(name, prefix)
                || !endsWith(name, suffix)) {
            return false;
        }
        for (int i = from[name] + prefix.length(), end = i + hexDigits; i < end; i++) {
            if (!(b[i] >= '0' && b[i] <= '9' || b[i] >= 'a' && b[i] <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the bytes of name {@code name} after {@code skip} and before {@code drop} from its end
     * are all letters, digits, '-' or '_'.
     */
    boolean isWord(int name, int skip, int drop) {
        int start = from[name] + skip;
        int end = to[name] - drop;
        for (int i = start; i < end; i++) {
            byte c = b[i];
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_')) {
                return false;
            }
        }
        return end > start;
    }

    /**
     * Whether {@code word} is one of the '-'-separated words of the first {@code end} bytes of name
     * {@code name} ({@code kubepods} in {@code kubelet-kubepods-besteffort}).
     */
    boolean hasWord(int name, int end, String word) {
        for (int at = 0; at + word.length() <= end; at++) {
            boolean bounded = (at == 0 || b[from[name] + at - 1] == '-')
                    && (at + word.length() == end || b[from[name] + at + word.length()] == '-');
            if (bounded && matches(from[name] + at, word)) {
                return true;
            }
        }
        return false;
    }

    /** Where the last {@code ascii} starts in name {@code name}, from its start, or -1. */
    int lastIndexOf(int name, String ascii) {
        for (int at = length(name) - ascii.length(); at >= 0; at--) {
            if (matches(from[name] + at, ascii)) {
                return at;
            }
        }
        return -1;
    }

    /** The ASCII bytes {@code [skip, skip + length)} of name {@code name}, as they are. */
    String ascii(int name, int skip, int length) {
        return new String(b, from[name] + skip, length, StandardCharsets.US_ASCII);
    }

    /** Name {@code name} without its first {@code skip} and last {@code drop} bytes, as safe text. */
    String text(int name, int skip, int drop) {
        return CommandText.bounded(b, from[name] + skip, to[name] - drop, false);
    }

    /** The whole path as safe text. */
    String text() {
        return CommandText.bounded(b, 0, b.length, false);
    }

    private boolean matches(int at, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (b[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
