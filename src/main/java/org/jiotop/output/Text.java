package org.jiotop.output;

/**
 * Column padding in the style of printf's {@code %Ns} and {@code %-Ns}, counted in terminal columns
 * ({@link DisplayWidth}) rather than chars, so that a field holding wide characters stays aligned.
 */
final class Text {
    private Text() {
    }

    static StringBuilder right(StringBuilder out, String s, int width) {
        out.repeat(' ', Math.max(0, width - DisplayWidth.of(s)));
        return out.append(s);
    }

    static StringBuilder left(StringBuilder out, String s, int width) {
        out.append(s);
        return out.repeat(' ', Math.max(0, width - DisplayWidth.of(s)));
    }
}
