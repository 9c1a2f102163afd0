package org.jiotop.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code --replay} says of files that are no recording, or only part of one. */
class ReplayMainTest {
    @TempDir
    Path dir;

    private static void oneLine(MainTest.Result r, String message) {
        assertThat(r.status()).isEqualTo(Main.EXIT_CANNOT_RUN);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("jiotop: " + message + "\n");
    }

    @Test
    void aFileThatIsNoRecordingIsOneLineAndStatusOne() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty"));
        oneLine(MainTest.run("-b", "--replay", empty.toString()), empty + ": is empty, not a jiotop recording");
        oneLine(MainTest.run("-b", "--replay", dir.toString()), dir + ": is a directory, not a jiotop recording");
        oneLine(MainTest.run("-b", "--replay", "/dev/zero"), "/dev/zero: not a jiotop recording");
        // Without -b and off a terminal, the note that batch output follows waits for a replay to start.
        oneLine(MainTest.run("--replay", empty.toString()), empty + ": is empty, not a jiotop recording");
        Path text = Files.writeString(dir.resolve("text"), "Total DISK READ: 0\n");
        oneLine(MainTest.run("--format=json", "--replay", text.toString()), text + ": not a jiotop recording");
        Path wrong = Files.write(dir.resolve("v7"), new byte[]{'J', 'I', 'O', 'T', 'O', 'P', 'R', 'C', 7});
        oneLine(MainTest.run("-b", "--replay", wrong.toString()),
                wrong + ": recording format version 7, this jiotop reads version 1");
    }

    @Test
    void aRecordingCutShortReplaysItsReadablePartAndSaysWhereItEnds() throws Exception {
        Path whole = dir.resolve("whole");
        // A header and one segment record, then a record cut short.
        byte[] head = {'J', 'I', 'O', 'T', 'O', 'P', 'R', 'C', 1};
        Files.write(whole, head);
        byte[] torn = new byte[head.length + 6];
        System.arraycopy(head, 0, torn, 0, head.length);
        torn[head.length] = 40;
        Path cut = Files.write(dir.resolve("cut"), torn);
        MainTest.Result r = MainTest.run("-b", "--replay", cut.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("jiotop: " + cut + ": holds no interval\njiotop: " + cut
                + ": ends in a record cut short at byte 9; replayed what came before\n");
    }

    @Test
    void sinceTakesIsoTimesDatesTimesOfDayAndTimesRelativeToNow() throws UsageException {
        java.time.Instant now = java.time.Instant.parse("2026-12-06T12:00:00Z");
        assertThat(TimeBound.parse("-2h", now)).isEqualTo(java.time.Instant.parse("2026-12-06T10:00:00Z"));
        assertThat(TimeBound.parse("-90s", now)).isEqualTo(java.time.Instant.parse("2026-12-06T11:58:30Z"));
        assertThat(TimeBound.parse("2026-12-06T03:00:00Z", now)).isEqualTo(java.time.Instant.parse("2026-12-06T03:00:00Z"));
        assertThat(TimeBound.parse("2026-12-06 03:00+01:00", now))
                .isEqualTo(java.time.Instant.parse("2026-12-06T02:00:00Z"));
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        assertThat(TimeBound.parse("2026-12-05", now)).isEqualTo(java.time.LocalDate.of(2026, 12, 5)
                .atStartOfDay(zone).toInstant());
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now, zone);
        assertThat(TimeBound.parse("03:00", now)).isEqualTo(today.atTime(3, 0).atZone(zone).toInstant());
        assertThat(TimeBound.parse(" 23:59:30 ", now)).isEqualTo(today.atTime(23, 59, 30).atZone(zone).toInstant());
        assertThat(TimeBound.parse("yesterday", now)).isNull();
        assertThat(TimeBound.parse("25:00", now)).isNull();
        assertThat(TimeBound.parse("2026-13-01", now)).isNull();
        assertThat(MainTest.run("-b", "--replay", "x", "--since", "soon").err())
                .isEqualTo("jiotop: option --since: invalid time: 'soon' (want an ISO date and time such as"
                        + " 2026-12-06T03:00, a date, a time of day such as 03:00, or relative such as -2h)"
                        + " (see jiotop --help)\n");
        MainTest.Result backwards = MainTest.run("-b", "--replay", "x", "--since", "-1h", "--until", "-2h");
        assertThat(backwards.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(backwards.err()).isEqualTo("jiotop: option --until: -2h is before --since -1h (see jiotop"
                + " --help)\n");
        assertThat(MainTest.run("-b", "--since=-2h").err()).isEqualTo("jiotop: option --since needs --replay"
                + " (see jiotop --help)\n");
    }
}
