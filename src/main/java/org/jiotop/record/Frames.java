package org.jiotop.record;

import java.util.zip.CRC32C;

/**
 * Records framed for the file, gathered so that one interval is one write: each is its body's length
 * and CRC32C, then the body. A write cut short by a crash leaves a frame whose length or checksum
 * does not hold, which the reader stops at.
 */
final class Frames {
    private final ByteSink sink = new ByteSink();
    private final CRC32C crc = new CRC32C();
    private int frameStart = -1;

    /** Starts a record; its body is written to the sink returned, until {@link #end}. */
    ByteSink begin() {
        frameStart = sink.size();
        sink.u32(0);
        sink.u32(0);
        return sink;
    }

    void end() {
        int bodyStart = frameStart + RecordFormat.FRAME_HEADER;
        int length = sink.size() - bodyStart;
        crc.reset();
        crc.update(sink.array(), bodyStart, length);
        sink.putU32(frameStart, length);
        sink.putU32(frameStart + 4, (int) crc.getValue());
        frameStart = -1;
    }

    byte[] array() {
        return sink.array();
    }

    int size() {
        return sink.size();
    }

    void clear() {
        sink.clear();
    }

    /** The checksum a frame of {@code body} carries. */
    static int checksum(byte[] body, int from, int length) {
        CRC32C c = new CRC32C();
        c.update(body, from, length);
        return (int) c.getValue();
    }
}
