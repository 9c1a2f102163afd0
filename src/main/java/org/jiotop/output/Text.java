package org.jiotop.output;

/** Column padding in the style of printf's {@code %Ns} and {@code %-Ns}. */
final class Text {
    private Text() {
    }

    static StringBuilder right(StringBuilder out, String s, int width) {
        out.repeat(' ', Math.max(0, width - s.length()));
        return out.append(s);
    }

    static StringBuilder left(StringBuilder out, String s, int width) {
        out.append(s);
        return out.repeat(' ', Math.max(0, width - s.length()));
    }
}
