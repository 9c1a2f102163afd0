package org.jiotop.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The capabilities tests against the real kernel need (linux/capability.h), checked in the
 * effective set of the test's own process rather than by its user's name: root has them all, and
 * another user can be given just these. CI runs the tests as root.
 */
public enum Capability {
    /** Writing files owned by others, such as /proc/sys/kernel/task_delayacct. */
    DAC_OVERRIDE(1),
    /** With SYS_PTRACE: reading another user's /proc/PID/io. */
    DAC_READ_SEARCH(2),
    /** Starting a process as another user (setpriv, setuid). */
    SETGID(6),
    SETUID(7),
    /** Dropping capabilities from the bounding set (setpriv --bounding-set). */
    SETPCAP(8),
    /** Taskstats: every query and the exit notifications. */
    NET_ADMIN(12),
    /** With DAC_READ_SEARCH: reading another user's /proc/PID/io. */
    SYS_PTRACE(19),
    /** Changing kernel.task_delayacct. */
    SYS_ADMIN(21);

    private final int bit;

    Capability(int bit) {
        this.bit = bit;
    }

    /** Skips the test unless this process has every capability of {@code needed} in effect. */
    public static void assume(Capability... needed) {
        long effective = effective();
        List<String> missing = new ArrayList<>();
        for (Capability c : needed) {
            if ((effective & 1L << c.bit) == 0) {
                missing.add("CAP_" + c.name());
            }
        }
        assumeTrue(missing.isEmpty(), "needs " + String.join(", ", missing));
    }

    /** The effective set, from the {@code CapEff} line of /proc/self/status. */
    private static long effective() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    return Long.parseUnsignedLong(line.substring("CapEff:".length()).strip(), 16);
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
