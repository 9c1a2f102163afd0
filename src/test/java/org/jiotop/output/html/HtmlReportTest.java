package org.jiotop.output.html;

import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.TaskPriority;
import org.jiotop.linux.TaskSample;
import org.jiotop.model.IoDelta;
import org.jiotop.model.Report;
import org.jiotop.model.Row;
import org.jiotop.model.TaskActivity;
import org.jiotop.output.SizeStyle;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {
    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    /** The page parsed as XML: it fails on markup that is not well-formed. */
    static Document parse(String page) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document d, String ns, String tag) {
        NodeList nodes = d.getElementsByTagNameNS(ns, tag);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void aPageWithAChartPerQuestionTheWritersNameAndTheRecordingsFacts() throws Exception {
        String page = HtmlReport.render(Recordings.of(60), SizeStyle.IOTOP);
        Document d = parse(page);
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo(XHTML);
        // Total; readers and writers among processes; readers and writers among groups.
        assertThat(d.getElementsByTagNameNS(SVG, "svg").getLength()).isEqualTo(5);
        assertThat(texts(d, XHTML, "figcaption")).containsExactly("Total DISK READ and DISK WRITE per second",
                "Top 10 readers (processes), per second", "Top 10 writers (processes), per second",
                "Top 10 readers (groups), per second", "Top 10 writers (groups), per second");
        // Sixty intervals of a second: from the start of the first to the end of the last.
        assertThat(texts(d, XHTML, "dd")).containsExactly("db-1.example", "2026-12-06 03:00:00 UTC",
                "2026-12-06 03:01:00 UTC", "0:01:00", "60", "jiotop 0.1.0");
        assertThat(texts(d, XHTML, "li")).contains("dd (4242)", "postgres (812)", "all other processes",
                "backup.service");
        assertThat(texts(d, XHTML, "h2")).contains("Totals per process", "Totals per user", "Totals per group");
    }

    @Test
    void theWriterLeadsTheTablesWithItsBytes() throws Exception {
        Document d = parse(HtmlReport.render(Recordings.of(60), SizeStyle.IOTOP));
        NodeList tables = d.getElementsByTagNameNS(XHTML, "table");
        assertThat(tables.getLength()).isEqualTo(3);
        Element firstRow = (Element) ((Element) tables.item(0)).getElementsByTagNameNS(XHTML, "tbody").item(0)
                .getFirstChild();
        // dd wrote 8 MiB a second for 30 of the 60 seconds.
        assertThat(firstRow.getTextContent()).isEqualTo("dd (4242)root0.00 B240.00 M240.00 M");
        assertThat(texts(d, XHTML, "td")).contains("www-data", "postgresql.service", "14");
    }

    @Test
    void theTopTenKeepTheBiggestAndSumTheRest() {
        Tally t = new Tally(Recordings.of(6));
        List<Tally.Series> writers = t.top(t.processes, true, 10, "others");
        assertThat(writers).hasSize(11);
        assertThat(writers.getFirst().name).isEqualTo("dd (4242)");
        assertThat(writers.getLast().name).isEqualTo("others");
        long all = t.processes.values().stream().mapToLong(s -> s.writtenBytes).sum();
        assertThat(writers.stream().mapToLong(s -> s.writtenBytes).sum()).isEqualTo(all);
        // postgres reads only: it is no writer.
        assertThat(writers).extracting(s -> s.name).doesNotContain("postgres (812)");
    }

    @Test
    void aLongRecordingIsDrawnInAtMostSoManyPointsWithItsBytesKept() {
        Tally t = new Tally(Recordings.of(3 * Tally.POINTS + 7));
        assertThat(t.points()).isEqualTo(Tally.POINTS);
        Tally.Series dd = t.processes.get("dd (4242)");
        long half = (3 * Tally.POINTS + 7) / 2;
        assertThat(dd.writtenBytes).isEqualTo(half * 8 * Recordings.MIB);
        // Each point is a rate over its own stretch: 8 MiB/s while dd wrote, whatever the stretch's length.
        assertThat(dd.rates(true)[0]).isEqualTo(8.0 * Recordings.MIB);
        assertThat(dd.rates(true)[Tally.POINTS - 1]).isZero();
        assertThat(t.totals(false)[Tally.POINTS / 2]).isGreaterThan(2.0 * Recordings.MIB);
    }

    @Test
    void nothingIsFetchedAndNothingRuns() {
        String page = HtmlReport.render(Recordings.of(10), SizeStyle.IOTOP);
        assertThat(page).doesNotContain("<script", "<link", "@import", "url(", "<img", "<iframe", "src=");
        // The only addresses are the XML namespaces, which are names, not fetched.
        assertThat(page.replace("http://www.w3.org/1999/xhtml", "").replace("http://www.w3.org/2000/svg", ""))
                .doesNotContain("http:", "https:");
    }

    @Test
    void theSpanIsRoundedToTheNearestSecond() {
        assertThat(HtmlReport.span(Duration.ofMillis(1_900))).isEqualTo("0:00:02");
        assertThat(HtmlReport.span(Duration.ofMillis(500))).isEqualTo("0:00:01");
        assertThat(HtmlReport.span(Duration.ofMillis(499))).isEqualTo("0:00:00");
        assertThat(HtmlReport.span(Duration.ofSeconds(3 * 3600 + 59 * 60 + 59).plusMillis(600))).isEqualTo("4:00:00");
    }

    @Test
    void namesThatLookLikeMarkupOrHoldControlsStayText() throws Exception {
        RecordedReports r = Recordings.of(2);
        String page = HtmlReport.render(RecordedReports.of("<b>&host\u0001", "0.1.0", List.copyOf(
                (List<RecordedReports.Timed>) r.intervals())), SizeStyle.IOTOP);
        assertThat(texts(parse(page), XHTML, "h1")).containsExactly("Disk I/O on <b>&host\ufffd");
    }

    @Test
    void theThreadsOfAProcessAreOneProcessWhateverTheirNames() {
        List<Row> rows = new ArrayList<>();
        for (int tid = 700; tid < 703; tid++) {
            IoDelta d = new IoDelta(0, Recordings.MIB, 0, 0, 0);
            TaskActivity a = new TaskActivity(new TaskSample(tid, 700, 1, 0, 0, false, 0, 0, 0, 0, 0), d, d, 0);
            String suffix = tid == 700 ? "" : " [worker-" + tid + "]";
            rows.add(new Row(tid, 700, 0, 0, Recordings.MIB, 0, 0, a,
                    new TaskLabels(TaskPriority.UNKNOWN, "root", "python3 w.py", "python3", suffix)));
        }
        Report threads = new Report(1_000_000_000L, 1_000_000_000L, false, false, true, 0, 3 * Recordings.MIB, 0, 0,
                -1, rows);
        Tally t = new Tally(RecordedReports.of("h", "0.1.0",
                List.of(new RecordedReports.Timed(Recordings.START, threads))));
        assertThat(t.processes.keySet()).containsExactly("python3 (700)");
        assertThat(t.processes.get("python3 (700)").writtenBytes).isEqualTo(3 * Recordings.MIB);
    }

    /** A recording of one interval: each line and area spans the chart, where one point would draw nothing. */
    @Test
    void aRecordingOfOneIntervalIsDrawnAcrossEachChart() throws Exception {
        Document d = parse(HtmlReport.render(Recordings.of(1), SizeStyle.IOTOP));
        int shapes = 0;
        for (String shape : List.of("polyline", "polygon")) {
            NodeList nodes = d.getElementsByTagNameNS(SVG, shape);
            for (int i = 0; i < nodes.getLength(); i++, shapes++) {
                String points = ((Element) nodes.item(i)).getAttribute("points");
                assertThat(Arrays.stream(points.split(" ")).map(p -> Double.parseDouble(p.split(",")[0])))
                        .as(shape + " " + points).contains((double) SvgChart.LEFT,
                                (double) SvgChart.WIDTH - SvgChart.RIGHT);
            }
        }
        // The Total's two lines, and the areas of the readers and writers of processes and of groups.
        assertThat(shapes).isGreaterThan(6);
    }

    /** Three intervals a day apart: the time of day alone would be the same under each. */
    @Test
    void theTimeAxisOfARecordingOverDaysSaysTheDays() throws Exception {
        List<RecordedReports.Timed> days = new ArrayList<>();
        int day = 0;
        for (RecordedReports.Timed t : Recordings.of(3).intervals()) {
            days.add(new RecordedReports.Timed(Recordings.START.plusSeconds(86_400L * day++ + 1), t.tasks(),
                    t.groups()));
        }
        Document d = parse(HtmlReport.render(RecordedReports.of("h", "0.1.0", days), SizeStyle.IOTOP));
        assertThat(texts(d, SVG, "text")).contains("2026-12-06 03:00:01", "2026-12-07 03:00:01", "2026-12-08 03:00:01");
        // Within a day, the time of day says it.
        assertThat(texts(parse(HtmlReport.render(Recordings.of(60), SizeStyle.IOTOP)), SVG, "text"))
                .contains("03:00:01", "03:01:00").noneMatch(t -> t.startsWith("2026-"));
    }

    @Test
    void anEmptyRecordingSaysSo() throws Exception {
        Document d = parse(HtmlReport.render(RecordedReports.of("h", "", List.of()), SizeStyle.IOTOP));
        assertThat(texts(d, XHTML, "p")).containsExactly("The recording holds no intervals.");
        assertThat(d.getElementsByTagNameNS(SVG, "svg").getLength()).isZero();
    }
}
