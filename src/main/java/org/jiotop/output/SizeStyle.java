package org.jiotop.output;

/**
 * How sizes are written: always in KiB ({@code -k}), or with a unit chosen by size, with a unit of
 * {@code base} bytes (1024, or 1000 with {@code --si}) and the next unit from {@code threshold}
 * times it (2 as in python iotop; {@code --threshold}).
 */
public record SizeStyle(boolean kilobytes, int base, int threshold) {
    public static final SizeStyle IOTOP = new SizeStyle(false, 1024, 2);

    public String format(double bytes, boolean perSecond) {
        return Units.size(bytes, kilobytes, perSecond, base, threshold);
    }

    /** As {@link #format} in a whole number of the same unit ({@code 1024 B/s}): for narrow places. */
    public String whole(double bytes, boolean perSecond) {
        return Units.wholeSize(bytes, kilobytes, perSecond, base, threshold);
    }
}
