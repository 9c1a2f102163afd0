package org.jiotop.output;

/**
 * Sizes as iotop prints them: two decimals and a binary unit letter, switching to the next unit
 * once the value reaches twice it (2047 B stays {@code 2047.00 B}, 2048 B is {@code 2.00 K}), or
 * always KiB with {@code -k}. Hand-written because {@code String.format} costs ~30 ms on first use.
 */
public final class Units {
    private static final String[] LETTERS = {"B", "K", "M", "G", "T", "P", "E"};

    private Units() {
    }

    /** {@code bytes} (or bytes per second, with {@code perSecond}) in human or KiB form. */
    public static String size(double bytes, boolean kilobytes, boolean perSecond) {
        return size(bytes, kilobytes, perSecond, 1024, 2);
    }

    /**
     * As {@link #size(double, boolean, boolean)} with a unit of {@code base} (1024, or 1000 for
     * {@code --si}; the letters stay the same) and a switch to the next unit once the value reaches
     * {@code threshold} times it.
     */
    public static String size(double bytes, boolean kilobytes, boolean perSecond, int base, int threshold) {
        return size(bytes, kilobytes, perSecond, base, threshold, false);
    }

    /** As {@link #size(double, boolean, boolean, int, int)} rounded to a whole number: for narrow places. */
    public static String wholeSize(double bytes, boolean kilobytes, boolean perSecond, int base, int threshold) {
        return size(bytes, kilobytes, perSecond, base, threshold, true);
    }

    private static String size(double bytes, boolean kilobytes, boolean perSecond, int base, int threshold,
                               boolean whole) {
        String suffix = perSecond ? "/s" : "";
        if (Double.isNaN(bytes)) {
            return "?";
        }
        if (kilobytes) {
            return number(bytes / base, whole) + " K" + suffix;
        }
        int unit = 0;
        double v = Math.max(0, bytes);
        while (unit < LETTERS.length - 1 && v >= (double) threshold * base) {
            v /= base;
            unit++;
        }
        return number(v, whole) + " " + LETTERS[unit] + suffix;
    }

    private static String number(double v, boolean whole) {
        return whole ? Long.toString(Math.round(v)) : fixed2(v);
    }

    /** A percentage as {@code 12.34 %}, capped at 99.99 as iotop does so the column keeps its width. */
    public static String percent(double p) {
        return fixed2(Math.clamp(p, 0, 99.99)) + " %";
    }

    /** {@code v} rounded to two decimals, without a locale (always a dot). */
    public static String fixed2(double v) {
        long cents = Math.round(Math.abs(v) * 100);
        String sign = v < 0 && cents != 0 ? "-" : "";
        long frac = cents % 100;
        return sign + (cents / 100) + (frac < 10 ? ".0" : ".") + frac;
    }
}
