package org.jiotop.output.html;

/**
 * Builds well-formed XHTML (which browsers read as HTML and XML parsers can check): text and
 * attribute values escaped, characters XML does not allow (control characters a command line may
 * hold, lone surrogates) replaced by U+FFFD.
 */
final class Xml {
    private final StringBuilder out = new StringBuilder(1 << 16);

    Xml raw(String markup) {
        out.append(markup);
        return this;
    }

    Xml text(String text) {
        escape(out, text);
        return this;
    }

    /** {@code <name>text</name>}. */
    Xml element(String name, String text) {
        out.append('<').append(name).append('>');
        escape(out, text);
        out.append("</").append(name).append('>');
        return this;
    }

    /** {@code text} escaped for a text node or a quoted attribute value. */
    static String escaped(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        escape(b, text);
        return b.toString();
    }

    private static void escape(StringBuilder b, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        b.append(c).append(text.charAt(++i));
                    } else if (allowed(c)) {
                        b.append(c);
                    } else {
                        b.append('\ufffd');
                    }
                }
            }
        }
    }

    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
