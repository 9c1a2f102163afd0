package org.jiotop.cli;

import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.TaskPriority;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.UserDb;
import org.jiotop.linux.Visibility;
import org.jiotop.model.Interval;
import org.jiotop.model.IoDelta;
import org.jiotop.model.TaskActivity;
import org.jiotop.record.RecordingWriter;
import org.jiotop.record.SegmentStart;
import org.jiotop.view.Key;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The live view's replay keys, on a recording of five intervals a minute apart. */
class ReplayControlTest {
    private static final Instant FIRST = LocalDateTime.of(2026, 12, 6, 3, 0).atZone(ZoneId.systemDefault()).toInstant();

    @TempDir
    Path dir;
    private Monitor monitor;
    private ReplayControl control;
    private Replay replay;

    private Path file;

    @BeforeEach
    void record() throws Exception {
        file = dir.resolve("five.jiotop");
        SegmentStart start = new SegmentStart("0.1.0", "h", 32768, false, FIRST.toEpochMilli(), 0);
        try (RecordingWriter w = RecordingWriter.open(file, 0, start)) {
            for (int i = 0; i < 5; i++) {
                IoDelta d = new IoDelta(0, 4096L * (i + 1), 0, 0, 0);
                TaskSample s = new TaskSample(7, 7, 1, 0, 0, false, 0, 0, 0, 0, 0);
                long end = 60_000_000_000L * (i + 1);
                w.append(new Interval(end - 60_000_000_000L, end, List.of(new TaskActivity(s, d, d, 0)), -1, -1,
                        false, -1), FIRST.plusSeconds(60L * i), Visibility.TASKSTATS, false,
                        a -> new TaskLabels(TaskPriority.EXITED, "root", "dd"), false);
            }
        }
        Options options = OptionParser.parse("-b", "--replay", file.toString());
        replay = Replay.open(options);
        monitor = new Monitor(null, options, new int[0], UserDb.system(), Set.of()).replay(replay);
        control = new ReplayControl(replay, monitor);
        monitor.sample();
    }

    private void press(String keys) throws Exception {
        for (char c : keys.toCharArray()) {
            assertThat(control.handle(c == '\n' ? new Key(Key.Kind.ENTER, c) : new Key(Key.Kind.CHAR, c))).isTrue();
        }
    }

    private Instant shown() {
        return monitor.sampledAt();
    }

    @Test
    void keysStepJumpAndPause() throws Exception {
        assertThat(shown()).isEqualTo(FIRST);
        assertThat(control.playing()).isTrue();
        press("]]");
        assertThat(shown()).isEqualTo(FIRST.plusSeconds(120));
        assertThat(control.playing()).isFalse();
        press("[");
        assertThat(shown()).isEqualTo(FIRST.plusSeconds(60));
        press("}");
        assertThat(shown()).isEqualTo(FIRST.plusSeconds(240));
        press("]");
        assertThat(shown()).as("past the last it stays on the last").isEqualTo(FIRST.plusSeconds(240));
        press("{");
        assertThat(shown()).isEqualTo(FIRST);
        press("t03:03\n");
        assertThat(shown()).isEqualTo(FIRST.plusSeconds(180));
        press("t-2m\n");
        assertThat(shown()).isEqualTo(FIRST.plusSeconds(60));
        press(" ");
        assertThat(control.playing()).isTrue();
        assertThat(monitor.sample()).isTrue();
        assertThat(shown()).isEqualTo(FIRST.plusSeconds(120));
        assertThat(control.handle(new Key(Key.Kind.CHAR, 'o'))).as("not a replay key").isFalse();
    }

    @Test
    void playingPastTheLastIntervalPausesAndSaysItIsTheEnd() throws Exception {
        for (int i = 1; i < 5; i++) {
            assertThat(control.advance()).isTrue();
        }
        assertThat(shown()).isEqualTo(FIRST.plusSeconds(240));
        assertThat(control.advance()).isFalse();
        assertThat(control.playing()).isFalse();
        assertThat(control.stamped(List.of(new AttributedString("Total")), 80).getFirst().toString())
                .isEqualTo("Total  2026-12-06 03:04:00 paused (end of recording)");
        press("{ ");
        assertThat(control.playing()).isTrue();
        assertThat(control.stamped(List.of(new AttributedString("Total")), 80).getFirst().toString())
                .isEqualTo("Total  2026-12-06 03:00:00 playing");
        assertThat(control.advance()).isTrue();
        assertThat(shown()).isEqualTo(FIRST.plusSeconds(60));
    }

    /** Played again at its end, the whole recording was still read: quitting then says nothing of damage. */
    @Test
    void playingOnPastTheEndFindsNoDamage() throws Exception {
        for (int i = 1; i < 5; i++) {
            assertThat(control.advance()).isTrue();
        }
        assertThat(control.advance()).isFalse();
        press(" ");
        assertThat(control.advance()).as("nothing after the last").isFalse();
        press(" ]");
        assertThat(shown()).isEqualTo(FIRST.plusSeconds(240));
        assertThat(replay.damage()).isNull();
    }

    @Test
    void theGraphsStartAgainAfterAStepBackOrAJumpButNotAfterAStepForward() throws Exception {
        int[] jumps = {0};
        control.onJump(() -> jumps[0]++);
        press("]]");
        assertThat(jumps[0]).as("forward one interval at a time").isZero();
        press("[");
        assertThat(jumps[0]).as("back one").isEqualTo(1);
        press("}]");
        assertThat(jumps[0]).as("to the last, then nowhere past it").isEqualTo(2);
        press("t03:01\n");
        assertThat(jumps[0]).as("to a time").isEqualTo(3);
        press(" ");
        assertThat(monitor.sample()).isTrue();
        assertThat(jumps[0]).as("playing on").isEqualTo(3);
    }

    /** Ctrl-C quits from every prompt: typing a time, it is left to the view's keys, not swallowed. */
    @Test
    void ctrlCIsNotTypedIntoATime() throws Exception {
        press("t03:0");
        assertThat(control.handle(new Key(Key.Kind.CHAR, (char) 3))).isFalse();
        assertThat(control.stamped(List.of(new AttributedString("Total")), 80).getFirst().toString())
                .isEqualTo("Total  jump to: 03:0_");
    }

    @Test
    void theFirstLineEndsInTheRecordedTime() throws Exception {
        press("]");
        List<AttributedString> lines = control.stamped(List.of(new AttributedString("Total DISK READ"),
                new AttributedString("next")), 80);
        assertThat(lines.getFirst().toString()).isEqualTo("Total DISK READ  2026-12-06 03:01:00 paused");
        assertThat(lines.get(1).toString()).isEqualTo("next");
        // A time typed after t keeps its end and the cursor in sight, however narrow.
        press("t2026-12-06T03:15:30");
        assertThat(control.stamped(lines.subList(0, 1), 20).getFirst().toString())
                .isEqualTo("2026-12-06T03:15:30_");
        assertThat(control.handle(new Key(Key.Kind.ESCAPE, '\u001b'))).isTrue();
        // Narrow, the time stays whole and the Total line gives way.
        assertThat(control.stamped(lines.subList(0, 1), 30).getFirst().toString())
                .isEqualTo("To  2026-12-06 03:01:00 paused");
    }

    @Test
    void sinceAndUntilChooseTheWindowInBatchOutputToo() {
        MainTest.Result r = MainTest.run("--format=json", "--replay", file.toString(), "--since", "2026-12-06T03:01",
                "--until", "2026-12-06 03:03:00");
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines().map(l -> l.replaceAll(".*\"timestamp\":(\\d+)\\..*", "$1")))
                .containsExactly(Long.toString(FIRST.getEpochSecond() + 60), Long.toString(FIRST.getEpochSecond() + 120),
                        Long.toString(FIRST.getEpochSecond() + 180));
        assertThat(MainTest.run("-b", "--replay", file.toString(), "--since", "2026-12-06T04:00").out()).isEmpty();
    }

    @Test
    void aWindowWithNoIntervalSaysSoAndWhenTheRecordingRuns() {
        MainTest.Result r = MainTest.run("-b", "--replay", file.toString(), "--since", "2026-12-06T04:00");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("jiotop: " + file + ": holds no interval from 2026-12-06 04:00:00 (its"
                + " intervals run from 2026-12-06 02:59:00 to 2026-12-06 03:04:00)\n");
        assertThat(MainTest.run("-b", "--replay", file.toString(), "--until", "2026-12-06T02:00").err())
                .contains(": holds no interval up to 2026-12-06 02:00:00 (its");
        assertThat(MainTest.run("-b", "--replay", file.toString(), "--since", "2026-12-06T03:04").out())
                .as("a window of one interval").isNotEmpty();
    }
}
