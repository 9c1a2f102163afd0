package org.jiotop.record;

/**
 * The first record of each run that writes to a file (and of a file after rotation): what the
 * intervals after it share. Times of the segment's tasks and intervals are stored as nanoseconds
 * after {@code monotonicNanos}; {@code wallMillis} is the wall clock at that moment.
 */
public record SegmentStart(String jiotopVersion, String host, int pidMax, boolean processes, long wallMillis,
                    long monotonicNanos) {

    void write(ByteSink out) {
        out.u8(RecordFormat.SEGMENT);
        out.text(jiotopVersion);
        out.text(host);
        out.varint(pidMax);
        out.u8(processes ? 1 : 0);
        out.zigzag(wallMillis);
        out.zigzag(monotonicNanos);
    }

    static SegmentStart read(ByteSource in) throws ByteSource.Damage {
        return new SegmentStart(in.text(), in.text(), in.count(), in.u8() != 0, in.zigzag(), in.zigzag());
    }
}
