package org.jiotop.cli;

import org.jiotop.linux.Capability;
import org.jiotop.testkit.Child;
import org.jiotop.testkit.PausingWriter;
import org.jiotop.testkit.Tmux;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The built jiotop's GRAPH column in a real terminal (tmux on a private socket) as a writer comes and goes. */
class LiveGraphIT {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String BLOCK = "[\u2581-\u2588]";

    @BeforeEach
    void root() {
        Capability.assume(Capability.NET_ADMIN);
    }

    /** The writer's row, its graph ending (the newest interval) in {@code shape} right before the command. */
    private static Pattern row(String tid, String shape) {
        return Pattern.compile("(?m)^ *" + tid + " .*" + shape + " \\S");
    }

    @Test
    void theGraphsScaleIsWholeOrLeftOutOnNarrowTerminals() throws Exception {
        Pattern scale = Pattern.compile("\\d+(\\.\\d\\d)? [BKMGTPE]/s");
        try (Tmux tmux = new Tmux(100, 20, REPO.resolve("jiotop") + " -d 0.2 -p 1")) {
            tmux.await(s -> s.contains("R+W") && !s.contains("measuring"), WAIT);
            int whole = 0;
            // Three columns at a time across the widths where the full title no longer fits; the
            // view redraws on the resize and refreshes every 0.2 s.
            for (int width = 100; width >= 70; width -= 3) {
                tmux.resize(width, 20);
                Thread.sleep(300);
                String title = tmux.screen().lines().filter(l -> l.contains(" USER ")).findFirst().orElseThrow();
                // The scale is the title line's only figure: a digit outside a whole one is a cut.
                assertThat(scale.matcher(title).replaceAll("")).as("%d columns: %s", width, title)
                        .doesNotContainPattern("\\d");
                whole += title.matches(".* R\\+W \\d+ [BKMGTPE]/s .*") ? 1 : 0;
            }
            assertThat(whole).as("widths with the scale in whole numbers").isPositive();
            tmux.keys("q");
        }
    }

    @Test
    void aWriterThatStartsStopsAndStartsAgainShowsThatShapeInItsRow() throws Exception {
        Path file = Files.createDirectories(REPO.resolve("target/e2e-scratch")).resolve("graph-writer");
        try (Child writer = Child.java(PausingWriter.class, file.toString(), Long.toString(8L << 20))) {
            String tid = writer.readLine().substring("ready ".length());
            try (Tmux tmux = new Tmux(130, 20, REPO.resolve("jiotop") + " -d 1 -p " + tid)) {
                Pattern writing = row(tid, BLOCK + "{3}");
                String screen = tmux.await(s -> writing.matcher(s).find(), WAIT);
                assertThat(screen).as("three intervals of writing").containsPattern(writing);
                assertThat(screen).contains("GRAPH[R+W]");

                writer.send("stop");
                assertThat(writer.readLine()).isEqualTo("stopped");
                Pattern stopped = row(tid, BLOCK + "{3}" + BLOCK + "* {3,}");
                screen = tmux.await(s -> stopped.matcher(s).find(), WAIT);
                assertThat(screen).as("writing, then three quiet intervals").containsPattern(stopped);

                writer.send("start");
                assertThat(writer.readLine()).isEqualTo("started");
                Pattern again = row(tid, BLOCK + "{3}" + BLOCK + "* {3} *" + BLOCK + "{2}");
                screen = tmux.await(s -> again.matcher(s).find(), WAIT);
                assertThat(screen).as("writing, quiet, writing again").containsPattern(again);
                tmux.keys("q");
            }
        }
    }
}
