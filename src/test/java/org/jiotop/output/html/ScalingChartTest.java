package org.jiotop.output.html;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The benchmark's log-log chart, drawn from a fixture results file in bench/run.sh's format. */
class ScalingChartTest {
    private static final Path FIXTURE = Path.of("src/test/resources/bench/results-fixture.tsv");

    @TempDir
    Path tmp;

    @Test
    void everySeriesOfTheResultsIsALineWithItsPointsAndALegendEntry() throws Exception {
        Document svg = chart();
        List<String> series = new ArrayList<>();
        List<String> legend = new ArrayList<>();
        for (Element g : elements(svg, "g")) {
            series.add(g.getAttribute("data-series"));
            assertThat(elements(g, "polyline")).hasSize(1);
        }
        for (Element t : elements(svg, "text")) {
            if (t.getAttribute("class").equals("legend")) {
                legend.add(t.getTextContent());
            }
        }
        List<String> expected = List.of("kernel floor, threads", "kernel floor, -P", "jiotop, threads -o",
                "jiotop, threads, all rows", "jiotop, -P", "python iotop, threads -o", "python iotop, -P",
                "iotop-c, threads -o", "iotop-c, -P");
        assertThat(series).containsExactlyElementsOf(expected);
        assertThat(legend).containsExactlyElementsOf(expected);
        // The figure the fixture did not take ("-") is left out, not drawn at zero.
        assertThat(elements(series(svg, "iotop-c, -P"), "circle")).hasSize(2);
        assertThat(elements(series(svg, "kernel floor, threads"), "circle")).hasSize(4);
    }

    @Test
    void pointsSitAtTheLogarithmsOfTheirFiguresBetweenTheDecadeTicks() throws Exception {
        Document svg = chart();
        assertThat(ticks(svg, "tick-x")).containsExactly("100", "1,000", "10,000", "100,000");
        assertThat(ticks(svg, "tick-y")).containsExactly("1", "10", "100", "1,000");
        double x100 = tick(svg, "tick-x", "100", "x");
        double xDecade = tick(svg, "tick-x", "1,000", "x") - x100;
        double y1 = tick(svg, "tick-y", "1", "y");
        double yDecade = tick(svg, "tick-y", "10", "y") - y1;
        // Decades are evenly spaced on both axes.
        assertThat(tick(svg, "tick-x", "100,000", "x") - x100).isCloseTo(3 * xDecade, within(0.2));
        assertThat(tick(svg, "tick-y", "1,000", "y") - y1).isCloseTo(3 * yDecade, within(0.2));
        for (String[] p : new String[][]{{"jiotop, threads -o", "221", "6.4"}, {"jiotop, threads -o", "10018", "62.9"},
                {"kernel floor, -P", "2020", "2.24"}, {"iotop-c, threads -o", "10018", "467.9"}}) {
            Element circle = point(svg, p[0], p[1]);
            assertThat(circle.getAttribute("data-ms")).isEqualTo(p[2]);
            assertThat(Double.parseDouble(circle.getAttribute("cx")))
                    .isCloseTo(x100 + Math.log10(Double.parseDouble(p[1]) / 100) * xDecade, within(0.2));
            assertThat(Double.parseDouble(circle.getAttribute("cy")))
                    .isCloseTo(y1 + Math.log10(Double.parseDouble(p[2])) * yDecade, within(0.2));
        }
        // Up the page is more CPU.
        assertThat(yDecade).isNegative();
    }

    @Test
    void theChartIsSelfContained() throws Exception {
        String svg = ScalingChart.render(ScalingChart.read(Files.readAllLines(FIXTURE)));
        assertThat(svg).doesNotContain("<script").doesNotContain("href").doesNotContain("http://www.w3.org/1999");
    }

    @Test
    void chromiumDrawsTheLinesInTheirColours() throws Exception {
        Path svg = tmp.resolve("scaling.svg");
        ScalingChart.main(new String[]{FIXTURE.toString(), svg.toString()});
        Path png = Files.createDirectories(Path.of("target", "report-png")).resolve("scaling.png");
        Files.deleteIfExists(png);
        Process p = new ProcessBuilder(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--user-data-dir=" + tmp.resolve("profile"),
                "--window-size=" + ScalingChart.WIDTH + "," + ScalingChart.HEIGHT,
                "--screenshot=" + png.toAbsolutePath(), svg.toUri().toString()))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("chromium.log").toFile()).start();
        // A bound on a hung browser, not a measure of anything.
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium ended").isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("chromium.log"))).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        for (int k = 0; k < 9; k++) {
            int want = Integer.parseInt(SvgChart.colour(k).substring(1), 16);
            assertThat(count(image, want)).as("pixels of series %d's colour %s", k, SvgChart.colour(k))
                    .isGreaterThan(20);
        }
    }

    private static int count(BufferedImage image, int want) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                boolean near = true;
                for (int shift = 0; shift <= 16; shift += 8) {
                    near &= Math.abs((rgb >> shift & 0xff) - (want >> shift & 0xff)) <= 6;
                }
                n += near ? 1 : 0;
            }
        }
        return n;
    }

    private static Document chart() throws Exception {
        String svg = ScalingChart.render(ScalingChart.read(Files.readAllLines(FIXTURE)));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Object parent, String name) {
        NodeList nodes = parent instanceof Document d ? d.getElementsByTagNameNS("*", name)
                : ((Element) parent).getElementsByTagNameNS("*", name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static Element series(Document svg, String name) {
        return elements(svg, "g").stream().filter(g -> g.getAttribute("data-series").equals(name)).findFirst()
                .orElseThrow();
    }

    private static Element point(Document svg, String name, String tasks) {
        return elements(series(svg, name), "circle").stream().filter(c -> c.getAttribute("data-tasks").equals(tasks))
                .findFirst().orElseThrow();
    }

    private static List<String> ticks(Document svg, String axis) {
        return elements(svg, "text").stream().filter(t -> t.getAttribute("class").equals(axis))
                .map(Element::getTextContent).toList();
    }

    private static double tick(Document svg, String axis, String label, String attribute) {
        return Double.parseDouble(elements(svg, "text").stream()
                .filter(t -> t.getAttribute("class").equals(axis) && t.getTextContent().equals(label))
                .findFirst().orElseThrow().getAttribute(attribute));
    }
}
