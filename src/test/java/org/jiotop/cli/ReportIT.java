package org.jiotop.cli;

import org.jiotop.linux.Capability;
import org.jiotop.testkit.Child;
import org.jiotop.testkit.SteadyWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The built jiotop records a writer, then {@code jiotop report} makes the page of that recording. */
class ReportIT {
    private static final Path REPO = Path.of("").toAbsolutePath();

    @TempDir
    Path tmp;

    @BeforeEach
    void root() {
        Capability.assume(Capability.NET_ADMIN);
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // A bound on a hung run, not a measure of anything.
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void aRecordedWriterIsOnThePage() throws Exception {
        Path scratch = Files.createDirectories(REPO.resolve("target/e2e-scratch")).resolve("report-writer");
        Path recording = tmp.resolve("r.jiotop");
        Path page = tmp.resolve("report.html");
        try (Child writer = Child.java(SteadyWriter.class, scratch.toString(), Long.toString(4L << 20))) {
            writer.readLine();
            run(List.of(REPO.resolve("jiotop").toString(), "-b", "-P", "-o", "-n", "4", "-d", "0.5", "--record",
                    recording.toString()));
            String said = run(List.of(REPO.resolve("jiotop").toString(), "report", recording.toString(), "-o",
                    page.toString()));
            assertThat(said).isEmpty();
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            String text = f.newDocumentBuilder().parse(page.toFile()).getDocumentElement().getTextContent();
            assertThat(text).contains("java (" + writer.pid() + ")", "Top 10 writers (processes)",
                    "jiotop 0.1.0");
        }
    }
}
