package org.jiotop.linux;

/**
 * Where the fields jiotop reads sit in {@code struct taskstats}, by struct version. Version 15
 * inserted max/min delay fields after each delay total and moved everything after them; version 16
 * moved those fields to the end again, so 16+ matches 4..14 for every field read here. Where
 * version 15 put {@code ac_tgid} is not known here (-1); it is only used for exit notifications,
 * which then fall back to the task's own ID.
 */
record TaskstatsLayout(int blkioDelay, int swapinDelay, int comm, int uid, int ppid, int elapsed, int readBytes,
                       int writeBytes, int cancelledWriteBytes, int tgid) {

    static final int COMM_LENGTH = 32;

    static final int OLDEST_SUPPORTED_VERSION = 4;

    private static final TaskstatsLayout CLASSIC = new TaskstatsLayout(40, 56, 80, 120, 132, 144, 248, 256, 264, 368);
    private static final TaskstatsLayout V15 = new TaskstatsLayout(56, 88, 128, 168, 180, 192, 296, 304, 312, -1);

    static TaskstatsLayout forVersion(int version) {
        return version == 15 ? V15 : CLASSIC;
    }

    /** The smallest struct length that holds every field read here. */
    int requiredLength() {
        return cancelledWriteBytes + Long.BYTES;
    }
}
