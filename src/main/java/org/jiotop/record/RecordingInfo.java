package org.jiotop.record;

import java.time.Instant;

/**
 * What a recording says of itself: the host and jiotop version of its first segment, the times of
 * its first and last intervals (each taken at its end; null when it holds none), when the first
 * interval began (the time the recording measures from), how many intervals it holds, and, when its
 * end was cut off (a crash while writing, a damaged byte), where the readable part ends.
 */
public record RecordingInfo(String host, String jiotopVersion, Instant start, Instant end, Instant measuredFrom,
                            int intervals, String damage) {
}
