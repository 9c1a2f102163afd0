package org.jiotop.output.html;

import org.jiotop.output.SizeStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The report as a browser draws it: headless Chromium (Debian's {@code chromium}) renders it to a PNG. */
class HtmlReportChromiumTest {
    @TempDir
    Path tmp;

    @Test
    void chromiumDrawsTheChartsInColour() throws Exception {
        Path page = tmp.resolve("report.html");
        Files.writeString(page, HtmlReport.render(Recordings.of(120), SizeStyle.IOTOP));
        Path png = Files.createDirectories(Path.of("target", "report-png")).resolve("report.png");
        Files.deleteIfExists(png);
        Process p = new ProcessBuilder(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--user-data-dir=" + tmp.resolve("profile"), "--window-size=1040,1500",
                "--screenshot=" + png.toAbsolutePath(), page.toUri().toString()))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("chromium.log").toFile()).start();
        // A bound on a hung browser, not a measure of anything.
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium ended").isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("chromium.log"))).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1040);
        int inked = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (rgb != 0xffffff) {
                    inked++;
                }
            }
        }
        assertThat(inked).as("pixels that are not white").isGreaterThan(image.getWidth() * image.getHeight() / 20);
        // The charts' colours: the first series' blue and the second's orange are on the page.
        assertThat(colours).as("distinct colours").hasSizeGreaterThan(50);
        assertThat(colours.stream().anyMatch(c -> near(c, 0x0072b2))).as("blue").isTrue();
        assertThat(colours.stream().anyMatch(c -> near(c, 0xe69f00))).as("orange").isTrue();
    }

    private static boolean near(int rgb, int want) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((rgb >> shift & 0xff) - (want >> shift & 0xff)) > 8) {
                return false;
            }
        }
        return true;
    }
}
