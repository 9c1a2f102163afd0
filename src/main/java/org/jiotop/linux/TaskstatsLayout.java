package org.jiotop.linux;

/**
 * Where the fields jiotop reads sit in {@code struct taskstats}, by struct version. Version 15
 * inserted max/min delay fields after each delay total and moved everything after them; version 16
 * moved those fields to the end again, so 16+ matches 4..14 for every field read here.
 */
record TaskstatsLayout(int blkioDelay, int swapinDelay, int uid, int ppid, int elapsed, int readBytes, int writeBytes,
                       int cancelledWriteBytes) {

    static final int OLDEST_SUPPORTED_VERSION = 4;

    private static final TaskstatsLayout CLASSIC = new TaskstatsLayout(40, 56, 120, 132, 144, 248, 256, 264);
    private static final TaskstatsLayout V15 = new TaskstatsLayout(56, 88, 168, 180, 192, 296, 304, 312);

    static TaskstatsLayout forVersion(int version) {
        return version == 15 ? V15 : CLASSIC;
    }

    /** The smallest struct length that holds every field read here. */
    int requiredLength() {
        return cancelledWriteBytes + Long.BYTES;
    }
}
