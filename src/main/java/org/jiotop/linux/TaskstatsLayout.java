package org.jiotop.linux;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * Where the fields jiotop reads sit in {@code struct taskstats}, by struct version, taken from the
 * struct as linux/taskstats.h declares it. Version 15 inserted a {@code *_delay_max} and a
 * {@code *_delay_min} after each delay total and so moved everything after them; version 16 moved
 * those fields to the end again, so 16+ matches 4..14 for every field read here. Where version 15
 * put the fields after {@code cancelled_write_bytes} (among them {@code ac_tgid}) is not known
 * here: its {@link #tgid} is -1, and exit notifications then fall back to the task's own ID.
 */
record TaskstatsLayout(int blkioDelay, int swapinDelay, int comm, int uid, int ppid, int startSeconds, int elapsed,
                       int readChars, int writeChars, int readBytes, int writeBytes, int cancelledWriteBytes,
                       int tgid) {

    static final int COMM_LENGTH = 32;

    static final int OLDEST_SUPPORTED_VERSION = 4;

    /** The one version whose layout differs from the others for the fields read here. */
    private static final int MOVED_DELAY_FIELDS = 15;

    /** Versions 4 to 14 and 16 on (as far as jiotop reads: to {@code ac_tgid}, from version 12 on). */
    static final StructLayout CLASSIC_STRUCT = struct(false);

    private static final TaskstatsLayout CLASSIC = of(CLASSIC_STRUCT);

    /** Version 15, to {@code cancelled_write_bytes}: made on first use, as few kernels send it. */
    static final class V15 {
        static final StructLayout STRUCT = struct(true);
        static final TaskstatsLayout LAYOUT = of(STRUCT);

        private V15() {
        }
    }

    /** Bytes of the leading {@code version} field, which says which layout the rest follows. */
    static final int VERSION_LENGTH = Short.BYTES;
    private static final int VERSION = KernelLayouts.offset(CLASSIC_STRUCT, "version");

    /** The version of the struct at {@code at}, which holds at least {@link #VERSION_LENGTH} bytes. */
    static int version(byte[] buf, int at) {
        return LittleEndian.u16(buf, at + VERSION);
    }

    static TaskstatsLayout forVersion(int version) {
        return version == MOVED_DELAY_FIELDS ? V15.LAYOUT : CLASSIC;
    }

    /** The smallest struct length that holds every field read here. */
    int requiredLength() {
        return cancelledWriteBytes + Long.BYTES;
    }

    private static TaskstatsLayout of(StructLayout s) {
        boolean hasTgid = "ac_tgid".equals(s.memberLayouts().getLast().name().orElse(null));
        return new TaskstatsLayout(
                KernelLayouts.offset(s, "blkio_delay_total"),
                KernelLayouts.offset(s, "swapin_delay_total"),
                KernelLayouts.offset(s, "ac_comm"),
                KernelLayouts.offset(s, "ac_uid"),
                KernelLayouts.offset(s, "ac_ppid"),
                KernelLayouts.offset(s, "ac_btime"),
                KernelLayouts.offset(s, "ac_etime"),
                KernelLayouts.offset(s, "read_char"),
                KernelLayouts.offset(s, "write_char"),
                KernelLayouts.offset(s, "read_bytes"),
                KernelLayouts.offset(s, "write_bytes"),
                KernelLayouts.offset(s, "cancelled_write_bytes"),
                hasTgid ? KernelLayouts.offset(s, "ac_tgid") : -1);
    }

    /** The struct up to the last field read, with version 15's extra delay fields or without. */
    private static StructLayout struct(boolean v15) {
        List<MemoryLayout> m = new ArrayList<>(List.of(
                JAVA_SHORT.withName("version"),
                MemoryLayout.paddingLayout(2),
                JAVA_INT.withName("ac_exitcode"),
                JAVA_BYTE.withName("ac_flag"),
                JAVA_BYTE.withName("ac_nice"),
                MemoryLayout.paddingLayout(6), // cpu_count is aligned(8)
                JAVA_LONG.withName("cpu_count")));
        delay(m, "cpu", v15);
        m.add(JAVA_LONG.withName("blkio_count"));
        delay(m, "blkio", v15);
        m.add(JAVA_LONG.withName("swapin_count"));
        delay(m, "swapin", v15);
        m.addAll(List.of(
                JAVA_LONG.withName("cpu_run_real_total"),
                JAVA_LONG.withName("cpu_run_virtual_total"),
                MemoryLayout.sequenceLayout(COMM_LENGTH, JAVA_BYTE).withName("ac_comm"),
                JAVA_BYTE.withName("ac_sched"),
                MemoryLayout.sequenceLayout(3, JAVA_BYTE).withName("ac_pad"),
                MemoryLayout.paddingLayout(4), // ac_uid is aligned(8)
                JAVA_INT.withName("ac_uid"),
                JAVA_INT.withName("ac_gid"),
                JAVA_INT.withName("ac_pid"),
                JAVA_INT.withName("ac_ppid"),
                JAVA_INT.withName("ac_btime"),
                MemoryLayout.paddingLayout(4), // ac_etime is aligned(8)
                JAVA_LONG.withName("ac_etime"),
                JAVA_LONG.withName("ac_utime"),
                JAVA_LONG.withName("ac_stime"),
                JAVA_LONG.withName("ac_minflt"),
                JAVA_LONG.withName("ac_majflt"),
                JAVA_LONG.withName("coremem"),
                JAVA_LONG.withName("virtmem"),
                JAVA_LONG.withName("hiwater_rss"),
                JAVA_LONG.withName("hiwater_vm"),
                JAVA_LONG.withName("read_char"),
                JAVA_LONG.withName("write_char"),
                JAVA_LONG.withName("read_syscalls"),
                JAVA_LONG.withName("write_syscalls"),
                JAVA_LONG.withName("read_bytes"),
                JAVA_LONG.withName("write_bytes"),
                JAVA_LONG.withName("cancelled_write_bytes")));
        if (!v15) {
            m.addAll(List.of(
                    JAVA_LONG.withName("nvcsw"),
                    JAVA_LONG.withName("nivcsw"),
                    JAVA_LONG.withName("ac_utimescaled"),
                    JAVA_LONG.withName("ac_stimescaled"),
                    JAVA_LONG.withName("cpu_scaled_run_real_total"),
                    JAVA_LONG.withName("freepages_count"),
                    JAVA_LONG.withName("freepages_delay_total"),
                    JAVA_LONG.withName("thrashing_count"),
                    JAVA_LONG.withName("thrashing_delay_total"),
                    JAVA_LONG.withName("ac_btime64"),
                    JAVA_LONG.withName("compact_count"),
                    JAVA_LONG.withName("compact_delay_total"),
                    JAVA_INT.withName("ac_tgid")));
        }
        return MemoryLayout.structLayout(m.toArray(new MemoryLayout[0]));
    }

    private static void delay(List<MemoryLayout> m, String kind, boolean v15) {
        // concat, not +: the first string concatenation links a bootstrap method, at start-up.
        m.add(JAVA_LONG.withName(kind.concat("_delay_total")));
        if (v15) {
            m.add(JAVA_LONG.withName(kind.concat("_delay_max")));
            m.add(JAVA_LONG.withName(kind.concat("_delay_min")));
        }
    }
}
