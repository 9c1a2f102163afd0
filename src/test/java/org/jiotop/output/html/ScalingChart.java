package org.jiotop.output.html;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's chart: CPU per refresh against the machine's task count, both axes logarithmic,
 * one line per tool and mode, as a standalone SVG (no script, nothing fetched) in the HTML report's
 * colours. Reads the results file bench/run.sh writes: a header, then "tool, mode, tasks,
 * ms_per_refresh, peak_rss_mib" separated by tabs ("-" where a figure was not taken).
 * Arguments: the results file and the SVG to write.
 */
public final class ScalingChart {
    static final int WIDTH = 820;
    static final int HEIGHT = 520;
    private static final int LEFT = 70;
    private static final int RIGHT = 40;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    /** One measured point of one series. */
    record Point(String series, int tasks, double millis) {
    }

    private ScalingChart() {
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[1]), render(read(Files.readAllLines(Path.of(args[0])))));
    }

    /** The points of a results file's lines; lines whose CPU figure was not taken are left out. */
    static List<Point> read(List<String> lines) {
        List<Point> points = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (f.length >= 4 && !f[3].equals("-") && Double.parseDouble(f[3]) > 0) {
                points.add(new Point(name(f[0], f[1]), Integer.parseInt(f[2]), Double.parseDouble(f[3])));
            }
        }
        return points;
    }

    private static String name(String tool, String mode) {
        return switch (tool) {
            case "floor" -> "kernel floor, " + mode;
            case "iotop" -> "python iotop, " + mode;
            default -> tool + ", " + mode;
        };
    }

    static String render(List<Point> points) {
        Map<String, List<Point>> series = new LinkedHashMap<>();
        points.forEach(p -> series.computeIfAbsent(p.series(), s -> new ArrayList<>()).add(p));
        Axis x = Axis.of(points.stream().mapToDouble(Point::tasks).toArray(), LEFT, WIDTH - RIGHT);
        Axis y = Axis.of(points.stream().mapToDouble(Point::millis).toArray(), HEIGHT - BOTTOM, TOP);
        Xml out = new Xml();
        out.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" width=\""
                        + WIDTH + "\" height=\"" + HEIGHT + "\" font-family=\"sans-serif\" font-size=\"12\">")
                .raw("<title>CPU per refresh against the tasks on the machine</title>")
                .raw("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        grid(out, x, y);
        int k = 0;
        for (Map.Entry<String, List<Point>> e : series.entrySet()) {
            String colour = SvgChart.colour(k);
            String dash = e.getKey().startsWith("kernel floor") ? " stroke-dasharray=\"6 4\"" : "";
            StringBuilder line = new StringBuilder();
            List<Point> sorted = e.getValue().stream().sorted((a, b) -> Integer.compare(a.tasks(), b.tasks())).toList();
            out.raw("<g data-series=\"" + Xml.escaped(e.getKey()) + "\">");
            for (Point p : sorted) {
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.at(p.tasks()), y.at(p.millis())));
            }
            out.raw("<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"" + dash + " points=\""
                    + line.toString().strip() + "\"/>");
            for (Point p : sorted) {
                out.raw(String.format(Locale.ROOT,
                                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\" data-tasks=\"%d\" data-ms=\"%s\">",
                                x.at(p.tasks()), y.at(p.millis()), colour, p.tasks(), p.millis()))
                        .raw("<title>").text(String.format(Locale.ROOT, "%s: %,d tasks, %s ms", e.getKey(), p.tasks(),
                                p.millis())).raw("</title></circle>");
            }
            out.raw("</g>");
            legend(out, k++, e.getKey(), colour, dash);
        }
        return out.raw("</svg>\n").toString();
    }

    /** Decade lines and labels on both axes, fainter lines at 2 to 9 times each decade, and the axes' names. */
    private static void grid(Xml out, Axis x, Axis y) {
        for (int d = x.low(); d <= x.high(); d++) {
            for (int m = 1; m < 10 && (m == 1 || d < x.high()); m++) {
                double at = x.at(m * Math.pow(10, d));
                out.raw(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\"/>",
                        at, at, TOP, HEIGHT - BOTTOM, m == 1 ? "#bbb" : "#eee"));
            }
            out.raw(String.format(Locale.ROOT, "<text class=\"tick-x\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">",
                    x.at(Math.pow(10, d)), HEIGHT - BOTTOM + 18)).text(label(d)).raw("</text>");
        }
        for (int d = y.low(); d <= y.high(); d++) {
            for (int m = 1; m < 10 && (m == 1 || d < y.high()); m++) {
                double at = y.at(m * Math.pow(10, d));
                out.raw(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
                        LEFT, WIDTH - RIGHT, at, at, m == 1 ? "#bbb" : "#eee"));
            }
            out.raw(String.format(Locale.ROOT, "<text class=\"tick-y\" x=\"%d\" y=\"%.1f\" dy=\"4\" text-anchor=\"end\">",
                    LEFT - 6, y.at(Math.pow(10, d)))).text(label(d)).raw("</text>");
        }
        out.raw(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 12)).text("tasks on the machine").raw("</text>");
        out.raw(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">", LEFT, TOP - 14))
                .text("CPU per refresh (ms, median)").raw("</text>");
    }

    private static void legend(Xml out, int k, String name, String colour, String dash) {
        int y = TOP + 16 + 18 * k;
        out.raw(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>",
                        LEFT + 12, LEFT + 40, y - 4, y - 4, colour, dash))
                .raw(String.format(Locale.ROOT, "<text class=\"legend\" x=\"%d\" y=\"%d\">", LEFT + 46, y))
                .text(name).raw("</text>");
    }

    /** 10 to the power {@code decade}, written out: 0.1, 1, 1,000. */
    static String label(int decade) {
        BigDecimal v = BigDecimal.ONE.scaleByPowerOfTen(decade);
        return decade >= 0 ? String.format(Locale.ROOT, "%,d", v.longValueExact()) : v.toPlainString();
    }

    /** A logarithmic axis over whole decades from below the least figure to above the largest. */
    record Axis(int low, int high, double from, double to) {
        static Axis of(double[] values, double from, double to) {
            double min = Double.MAX_VALUE;
            double max = Double.MIN_VALUE;
            for (double v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (values.length == 0) {
                min = 1;
                max = 10;
            }
            int low = (int) Math.floor(Math.log10(min));
            int high = Math.max(low + 1, (int) Math.ceil(Math.log10(max)));
            return new Axis(low, high, from, to);
        }

        double at(double value) {
            return from + (Math.log10(value) - low) / (high - low) * (to - from);
        }
    }
}
