package org.jiotop.output.html;

import org.jiotop.output.SizeStyle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A chart of rates over time as inline SVG: lines, or areas stacked on one another; the time axis
 * in UTC at the intervals' times (dated when they fall on more than one day), the rate axis from zero
 * to the largest figure, and a legend.
 */
final class SvgChart {
    static final int WIDTH = 960;
    static final int HEIGHT = 260;
    static final int LEFT = 90;
    static final int RIGHT = 20;
    private static final int TOP = 14;
    private static final int BOTTOM = 30;
    /** Colours told apart in print and by most colour-blind readers (Okabe-Ito, then darker tones). */
    private static final List<String> COLOURS = List.of("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9",
            "#d55e00", "#f0e442", "#000000", "#7f3c8d", "#11a579", "#999999");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** For times that fall on more than one day, where the time of day alone would not say which. */
    private static final DateTimeFormatter DATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** One line or area: its name and a figure per interval. */
    record Named(String name, double[] values) {
    }

    private SvgChart() {
    }

    static String colour(int i) {
        return COLOURS.get(i % COLOURS.size());
    }

    /** Draws {@code series} against {@code times}, stacked when {@code stacked}, with {@code title}. */
    static void draw(Xml out, String title, Instant[] times, List<Named> series, boolean stacked, SizeStyle sizes) {
        int n = times.length;
        double[][] upper = new double[series.size()][n];
        double max = 0;
        for (int k = 0; k < series.size(); k++) {
            for (int i = 0; i < n; i++) {
                upper[k][i] = series.get(k).values()[i] + (stacked && k > 0 ? upper[k - 1][i] : 0);
                max = Math.max(max, upper[k][i]);
            }
        }
        double top = max > 0 ? max : 1;
        double[] x = xs(times);
        // One interval is drawn as a level across the chart: as one point, it would draw nothing.
        double[] drawn = n == 1 ? new double[]{LEFT, WIDTH - RIGHT} : x;
        out.raw("<figure>").element("figcaption", title)
                .raw("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
                        + "\" width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\">")
                .raw("<title>").text(title).raw("</title>");
        axes(out, times, x, top, sizes);
        for (int k = series.size() - 1; k >= 0; k--) {
            String colour = colour(k);
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < drawn.length; i++) {
                point(points, drawn[i], upper[k][Math.min(i, n - 1)], top);
            }
            if (stacked) {
                for (int i = drawn.length - 1; i >= 0; i--) {
                    point(points, drawn[i], k > 0 ? upper[k - 1][Math.min(i, n - 1)] : 0, top);
                }
                out.raw("<polygon fill=\"" + colour + "\" fill-opacity=\"0.85\" stroke=\"" + colour
                        + "\" stroke-width=\"0.5\" points=\"" + points.toString().strip() + "\">");
            } else {
                out.raw("<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\" points=\""
                        + points.toString().strip() + "\">");
            }
            out.raw("<title>").text(series.get(k).name()).raw(stacked ? "</title></polygon>" : "</title></polyline>");
        }
        out.raw("</svg>");
        legend(out, series);
        out.raw("</figure>\n");
    }

    /** The x of each interval: by time, so that gaps in a recording show; one interval spans the width. */
    private static double[] xs(Instant[] times) {
        int n = times.length;
        double[] x = new double[n];
        double span = n > 1 ? times[n - 1].toEpochMilli() - times[0].toEpochMilli() : 0;
        for (int i = 0; i < n; i++) {
            double at = span > 0 ? (times[i].toEpochMilli() - times[0].toEpochMilli()) / span
                    : n > 1 ? (double) i / (n - 1) : 0.5;
            x[i] = LEFT + at * (WIDTH - LEFT - RIGHT);
        }
        return x;
    }

    private static void point(StringBuilder b, double x, double value, double top) {
        double y = TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top);
        b.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }

    private static void axes(Xml out, Instant[] times, double[] x, double top, SizeStyle sizes) {
        int bottom = HEIGHT - BOTTOM;
        out.raw("<g class=\"axis\" font-size=\"11\" fill=\"#333\" stroke=\"none\">");
        for (int step = 0; step <= 4; step++) {
            double value = top * step / 4;
            double y = TOP + (bottom - TOP) * (1 - step / 4.0);
            out.raw(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>",
                    LEFT, WIDTH - RIGHT, y, y));
            out.raw(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">", LEFT - 6, y + 4))
                    .text(sizes.format(value, true)).raw("</text>");
        }
        if (times.length > 0) {
            LocalDate firstDay = LocalDate.ofInstant(times[0], ZoneOffset.UTC);
            DateTimeFormatter format = firstDay.equals(LocalDate.ofInstant(times[times.length - 1], ZoneOffset.UTC))
                    ? CLOCK : DATED;
            int[] marks = times.length == 1 ? new int[]{0} : new int[]{0, (times.length - 1) / 2, times.length - 1};
            for (int i : marks) {
                String anchor = i == 0 && times.length > 1 ? "start"
                        : i == times.length - 1 && i > 0 ? "end" : "middle";
                out.raw(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">", x[i], bottom + 18,
                        anchor)).text(format.format(times[i])).raw("</text>");
            }
        }
        out.raw(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#333\"/>", LEFT,
                WIDTH - RIGHT, bottom, bottom));
        out.raw("</g>");
    }

    private static void legend(Xml out, List<Named> series) {
        out.raw("<ul class=\"legend\">");
        for (int k = 0; k < series.size(); k++) {
            out.raw("<li><span class=\"swatch\" style=\"background:" + colour(k) + "\"></span>")
                    .text(series.get(k).name()).raw("</li>");
        }
        out.raw("</ul>");
    }
}
