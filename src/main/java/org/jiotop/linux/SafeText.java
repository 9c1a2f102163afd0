package org.jiotop.linux;

/**
 * Turns untrusted bytes (command lines, thread names) into text that is safe to print on a
 * terminal: valid UTF-8 passes through; an invalid byte becomes {@code \xNN}; control characters
 * (C0, DEL, C1) and the invisible bidirectional and zero-width format characters become
 * {@code \xNN} or {@code \\uNNNN}. Nothing a process puts in its name can move the cursor, change
 * colours or reorder the line.
 */
public final class SafeText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SafeText() {
    }

    public static String escape(byte[] bytes) {
        return escape(bytes, 0, bytes.length);
    }

    public static String escape(byte[] b, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                if (c < 0x20 || c == 0x7f) {
                    hexByte(out, c);
                } else {
                    out.append((char) c);
                }
                i++;
                continue;
            }
            int len = c > 0xf4 ? 0 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
            int cp = decode(b, i, to, len);
            if (cp < 0) {
                hexByte(out, c);
                i++;
                continue;
            }
            if (isControlOrFormat(cp)) {
                out.append("\\u");
                for (int shift = 12; shift >= 0; shift -= 4) {
                    out.append(HEX[(cp >> shift) & 0xf]);
                }
            } else {
                out.appendCodePoint(cp);
            }
            i += len;
        }
        return out.toString();
    }

    /** Escapes a Java string the same way (for names that did not come as bytes). */
    public static String escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 || ch >= 0x7f) {
                return escape(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return s;
    }

    /** The code point of a well-formed UTF-8 sequence of {@code len} bytes at {@code i}, or -1. */
    private static int decode(byte[] b, int i, int to, int len) {
        if (len == 0 || i + len > to) {
            return -1;
        }
        int cp = (b[i] & 0xff) & (0xff >> (len + 1));
        for (int k = 1; k < len; k++) {
            int cont = b[i + k] & 0xff;
            if ((cont & 0xc0) != 0x80) {
                return -1;
            }
            cp = cp << 6 | (cont & 0x3f);
        }
        boolean overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        boolean surrogate = cp >= 0xd800 && cp <= 0xdfff;
        return overlong || surrogate || cp > 0x10ffff ? -1 : cp;
    }

    private static boolean isControlOrFormat(int cp) {
        if (cp >= 0x80 && cp <= 0x9f) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static void hexByte(StringBuilder out, int c) {
        out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
    }
}
