package org.jiotop.cli;

import org.jiotop.linux.Capability;
import org.jiotop.linux.ProcFs;
import org.jiotop.testkit.Child;
import org.jiotop.testkit.OnDisk;
import org.jiotop.testkit.PacedCalls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The system-call and logical-byte fields against the real kernel: a child making a known number
 * of 4 KiB calls a second, watched by thread ID in JSON. Rates are checked over all reports
 * together (their counts over their summed intervals), so that a call made late at one
 * interval's end and early in the next does not count against either.
 */
class LogicalIoKernelTest {
    private static final int REPORTS = 3;

    @TempDir(factory = OnDisk.class)
    Path scratch;

    @BeforeEach
    void taskstats() {
        Capability.assume(Capability.NET_ADMIN);
    }

    /** The JSON reports about a {@link PacedCalls} child doing {@code mode} calls {@code perSecond}. */
    private String watchPaced(String mode, int perSecond) throws Exception {
        try (Child child = Child.java(PacedCalls.class, mode, scratch.resolve(mode).toString(),
                Integer.toString(perSecond))) {
            return watch(child.readLine().substring("ready ".length()));
        }
    }

    /** The JSON reports about thread {@code tid}, {@value #REPORTS} of two seconds each. */
    private static String watch(String tid) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.run(new String[]{"--format=json", "-p", tid, "-n", Integer.toString(REPORTS), "-d", "2"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(OutputStream.nullOutputStream()),
                ProcFs.system());
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(json).isZero();
        assertThat(json.lines().toList()).as(json).hasSize(REPORTS);
        return json;
    }

    /** The sum of number field {@code name} over every row of every report. */
    private static double sum(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":([-0-9.eE+]+)").matcher(json);
        double total = 0;
        int found = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
            found++;
        }
        assertThat(found).as(name + " in " + json).isGreaterThanOrEqualTo(REPORTS);
        return total;
    }

    @Test
    void directWritesOf4KiBAreCountedAsWriteCallsWithin2Percent() throws Exception {
        int perSecond = 250;
        String json = watchPaced("write", perSecond);
        double seconds = sum(json, "interval_seconds");
        assertThat(sum(json, "write_syscalls") / seconds).as(json).isCloseTo(perSecond, within(perSecond * 0.02));
        double bytes = perSecond * (double) PacedCalls.CALL_BYTES;
        assertThat(sum(json, "write_chars") / seconds).as(json).isCloseTo(bytes, within(bytes * 0.02));
        assertThat(sum(json, "write_bytes") / seconds).as("O_DIRECT: every call reaches the disk " + json)
                .isCloseTo(bytes, within(bytes * 0.02));
        assertThat(sum(json, "read_syscalls")).as(json).isZero();
    }

    @Test
    void readsOfACachedFileAreCallsAndLogicalBytesButNoDiskRead() throws Exception {
        int perSecond = 500;
        String json = watchPaced("read", perSecond);
        double seconds = sum(json, "interval_seconds");
        assertThat(sum(json, "read_syscalls") / seconds).as(json).isCloseTo(perSecond, within(perSecond * 0.02));
        double bytes = perSecond * (double) PacedCalls.CALL_BYTES;
        assertThat(sum(json, "read_chars_per_second") / REPORTS).as(json).isCloseTo(bytes, within(bytes * 0.02));
        assertThat(sum(json, "read_bytes")).as("the page cache served every read " + json).isZero();
    }
}
