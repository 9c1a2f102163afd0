package org.jiotop.output;

/**
 * What decides how cells are written, besides the row: the size style, whether sizes are per second
 * (not for accumulated reports), and whether COMMAND is the full command line or the short name.
 */
public record Cells(SizeStyle sizes, boolean perSecond, boolean fullCommand) {
    String size(double bytes) {
        return sizes.format(bytes, perSecond);
    }
}
