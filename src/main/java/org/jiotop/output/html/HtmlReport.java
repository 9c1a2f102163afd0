package org.jiotop.output.html;

import org.jiotop.output.SizeStyle;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A recording as one self-contained page (XHTML, inline SVG and CSS; no script, font or image is
 * fetched, so it reads offline and prints): the Total read and write over time, the top readers and
 * writers among processes (and groups, when recorded) as stacked areas, and tables of the bytes
 * each process, user and group moved; headed by the host, time span and jiotop version. Pure: the
 * page comes from its arguments.
 */
public final class HtmlReport {
    /** Processes, users or groups drawn one by one in a chart; the rest are summed into one area. */
    static final int TOP = 10;
    /** Rows of the process table; the rest are counted under it. */
    static final int TABLE_ROWS = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String STYLE = """
            body{font-family:sans-serif;margin:2em;color:#111;max-width:1000px}
            h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.6em}
            dl.facts{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dl.facts dt{font-weight:bold}
            dl.facts dd{margin:0}figure{margin:1em 0;page-break-inside:avoid;break-inside:avoid}
            figcaption{font-weight:bold;margin-bottom:.3em}svg{max-width:100%;height:auto;display:block}
            ul.legend{list-style:none;padding:0;margin:.3em 0;font-size:.85em;columns:3}
            ul.legend li,td:first-child{overflow-wrap:anywhere}ul.legend li{break-inside:avoid}td.n{white-space:nowrap}
            .swatch{display:inline-block;width:.9em;height:.9em;margin-right:.4em;vertical-align:middle;
            -webkit-print-color-adjust:exact;print-color-adjust:exact}
            table{border-collapse:collapse;font-size:.85em;margin:.5em 0;page-break-inside:auto}
            th,td{border-bottom:1px solid #ccc;padding:.15em .6em;text-align:left}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}tr{page-break-inside:avoid}
            @media print{body{margin:0;max-width:none}h2{page-break-after:avoid}}
            """;

    private HtmlReport() {
    }

    /** The page of {@code recorded}, sizes written as {@code sizes} says. */
    public static String render(RecordedReports recorded, SizeStyle sizes) {
        Tally tally = new Tally(recorded);
        String host = recorded.host().isEmpty() ? "unknown host" : recorded.host();
        Xml out = new Xml();
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n")
                .raw("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"UTF-8\"/>")
                .element("title", "jiotop report: " + host)
                .raw("<style>").text(STYLE).raw("</style></head>\n<body>")
                .element("h1", "Disk I/O on " + host);
        facts(out, recorded, host);
        if (tally.points() == 0) {
            out.element("p", "The recording holds no intervals.");
        } else {
            charts(out, tally, sizes);
            tables(out, tally, sizes);
        }
        return out.raw("</body></html>\n").toString();
    }

    private static void facts(Xml out, RecordedReports r, String host) {
        out.raw("<dl class=\"facts\">").element("dt", "Host").element("dd", host);
        if (r.first() != null) {
            out.element("dt", "From").element("dd", TIME.format(r.first()))
                    .element("dt", "To").element("dd", TIME.format(r.last()))
                    .element("dt", "Span").element("dd", span(Duration.between(r.first(), r.last())));
        }
        out.element("dt", "Intervals").element("dd", Integer.toString(r.count()))
                .element("dt", "Recorded by").element("dd", "jiotop " + (r.version().isEmpty() ? "(unknown version)"
                        : r.version()))
                .raw("</dl>\n");
    }

    /** To the nearest second: a span of 1.9 s is 0:00:02, not 0:00:01. */
    static String span(Duration d) {
        long s = (d.toMillis() + 500) / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static void charts(Xml out, Tally tally, SizeStyle sizes) {
        Instant[] times = tally.times();
        out.element("h2", "Total");
        SvgChart.draw(out, "Total DISK READ and DISK WRITE per second", times, List.of(
                new SvgChart.Named("DISK READ", tally.totals(false)),
                new SvgChart.Named("DISK WRITE", tally.totals(true))), false, sizes);
        stacked(out, "processes", tally.processes, tally, times, sizes);
        if (!tally.groups.isEmpty()) {
            stacked(out, "groups", tally.groups, tally, times, sizes);
        }
    }

    private static void stacked(Xml out, String what, Map<String, Tally.Series> all, Tally tally, Instant[] times,
                                SizeStyle sizes) {
        out.element("h2", "Top " + TOP + " " + what);
        for (boolean write : new boolean[]{false, true}) {
            List<SvgChart.Named> areas = new ArrayList<>();
            for (Tally.Series s : tally.top(all, write, TOP, "all other " + what)) {
                areas.add(new SvgChart.Named(s.name, s.rates(write)));
            }
            SvgChart.draw(out, "Top " + TOP + " " + (write ? "writers" : "readers") + " (" + what + "), per second",
                    times, areas, true, sizes);
        }
    }

    private static void tables(Xml out, Tally tally, SizeStyle sizes) {
        out.element("h2", "Totals per process");
        List<Tally.Series> processes = Tally.byAllBytes(tally.processes);
        table(out, "process", true, processes.subList(0, Math.min(TABLE_ROWS, processes.size())), sizes);
        if (processes.size() > TABLE_ROWS) {
            out.element("p", (processes.size() - TABLE_ROWS) + " more processes moved less.");
        }
        out.element("h2", "Totals per user");
        table(out, "user", false, Tally.byAllBytes(tally.users), sizes);
        if (!tally.groups.isEmpty()) {
            out.element("h2", "Totals per group");
            table(out, "group", false, Tally.byAllBytes(tally.groups), sizes);
        }
    }

    private static void table(Xml out, String what, boolean withUser, List<Tally.Series> rows, SizeStyle sizes) {
        out.raw("<table><thead><tr>").element("th", what);
        if (withUser) {
            out.element("th", "user");
        } else {
            out.raw("<th class=\"n\">processes</th>");
        }
        out.raw("<th class=\"n\">read</th><th class=\"n\">written</th><th class=\"n\">read + written</th>")
                .raw("</tr></thead><tbody>");
        for (Tally.Series s : rows) {
            out.raw("<tr>").element("td", s.name);
            if (withUser) {
                out.element("td", s.user);
            } else {
                out.raw("<td class=\"n\">").text(Integer.toString(s.members)).raw("</td>");
            }
            for (long bytes : new long[]{s.readBytes, s.writtenBytes, s.readBytes + s.writtenBytes}) {
                out.raw("<td class=\"n\">").text(sizes.format(bytes, false)).raw("</td>");
            }
            out.raw("</tr>");
        }
        out.raw("</tbody></table>\n");
    }
}
