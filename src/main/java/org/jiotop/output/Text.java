package org.jiotop.output;

/**
 * Column padding in the style of printf's {@code %Ns} and {@code %-Ns}, counted in terminal columns
 * ({@link DisplayWidth}) rather than chars, so that a field holding wide characters stays aligned.
 */
public final class Text {
    private Text() {
    }

    public static StringBuilder right(StringBuilder out, String s, int width) {
        out.repeat(' ', Math.max(0, width - DisplayWidth.of(s)));
        return out.append(s);
    }

    public static StringBuilder left(StringBuilder out, String s, int width) {
        out.append(s);
        return out.repeat(' ', Math.max(0, width - DisplayWidth.of(s)));
    }

    public static StringBuilder align(StringBuilder out, String s, int width, Align align) {
        return align == Align.RIGHT ? right(out, s, width) : left(out, s, width);
    }

    /** {@code s} padded to {@code width}, as a string of its own (for styled text). */
    public static String aligned(String s, int width, Align align) {
        return align(new StringBuilder(Math.max(width, s.length())), s, width, align).toString();
    }
}
