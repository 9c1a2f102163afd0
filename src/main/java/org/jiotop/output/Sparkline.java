package org.jiotop.output;

/**
 * A row of figures as a line of one character each, its height on a scale: eight Unicode blocks
 * ({@code ▁}..{@code █}), or with {@code --ascii} a ramp of eight characters, and a space for none.
 * A figure above zero is never drawn as a space, however small beside the scale.
 */
public final class Sparkline {
    private static final String BLOCKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
    private static final String RAMP = "_.-:=+*#";
    /** The least scale, so that a few bytes do not fill a graph: 1 KiB/s. */
    public static final double FLOOR = 1024;

    private Sparkline() {
    }

    /** {@code values} drawn against {@code scale} (the figure a full cell stands for). */
    public static String of(double[] values, double scale, boolean ascii) {
        String levels = ascii ? RAMP : BLOCKS;
        StringBuilder b = new StringBuilder(values.length);
        for (double v : values) {
            b.append(v > 0 ? levels.charAt(level(v, scale, levels.length())) : ' ');
        }
        return b.toString();
    }

    private static int level(double v, double scale, int levels) {
        return (int) Math.clamp(Math.ceil(v / scale * levels) - 1, 0, levels - 1);
    }

    /** The scale for figures whose largest is {@code max}: it, or {@link #FLOOR} when smaller. */
    public static double scale(double max) {
        return Math.max(FLOOR, max);
    }

    /** The largest of {@code values}. */
    public static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
