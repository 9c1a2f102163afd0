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

    /** {@code recorded} as Chromium draws it in a window {@code height} pixels high and 1040 wide. */
    private BufferedImage drawn(RecordedReports recorded, String name, int height) throws Exception {
        Path page = tmp.resolve(name + ".html");
        Files.writeString(page, HtmlReport.render(recorded, SizeStyle.IOTOP));
        Path png = Files.createDirectories(Path.of("target", "report-png")).resolve(name + ".png");
        Files.deleteIfExists(png);
        Process p = new ProcessBuilder(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--user-data-dir=" + tmp.resolve("profile"), "--window-size=1040," + height,
                "--screenshot=" + png.toAbsolutePath(), page.toUri().toString()))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("chromium.log").toFile()).start();
        // A bound on a hung browser, not a measure of anything.
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium ended").isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("chromium.log"))).isZero();
        return ImageIO.read(png.toFile());
    }

    @Test
    void chromiumDrawsTheChartsInColour() throws Exception {
        BufferedImage image = drawn(Recordings.of(120), "report", 1500);
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

    /**
     * A process name with no space to break at (a program's long file name, a cgroup's path) wraps
     * within the legend's column and the table's first: nothing is drawn over the next column's
     * entries or past the page's right margin (the body's 1000 pixels end 32 before the window's).
     */
    @Test
    void aLongNameStaysWithinThePage() throws Exception {
        BufferedImage image = drawn(Recordings.of(20, "backup-" + "0123456789abcdef".repeat(16)), "long-name", 2600);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 1040 - 28; x < image.getWidth(); x++) {
                assertThat(image.getRGB(x, y) & 0xffffff).as("pixel at %d,%d", x, y).isEqualTo(0xffffff);
            }
        }
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
