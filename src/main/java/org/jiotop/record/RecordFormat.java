package org.jiotop.record;

import org.jiotop.linux.Visibility;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The constants of the recording format, version 1. docs/recording-format.md describes the format;
 * the order of each record's fields is in the one class that writes and reads that record
 * ({@link SegmentStart}, {@link TaskEntry}, {@link IntervalCodec}).
 */
final class RecordFormat {
    /** The file's first eight bytes, then one byte of {@link #VERSION}. */
    static final byte[] MAGIC = "JIOTOPRC".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int FILE_HEADER = MAGIC.length + 1;
    /** Each record: body length and CRC32C of the body, both four bytes little-endian, then the body. */
    static final int FRAME_HEADER = 8;
    /** Far above any interval's size (10k rows take some 230 KB), far below what could exhaust the heap. */
    static final int MAX_BODY = 64 << 20;

    static final int SEGMENT = 1;
    static final int TASK = 2;
    static final int INTERVAL = 3;

    /** Interval flags. */
    static final int DELAY_ACCOUNTING = 1;
    static final int PROCFS = 1 << 1;

    /** Why the counters came from /proc, by its code in the file: the index in this list. */
    static final List<Visibility.Why> WHY = List.of(Visibility.Why.REFUSED, Visibility.Why.ASKED,
            Visibility.Why.ABSENT);

    /** Row flags. */
    static final int EXITED = 1;
    static final int IN_SECTORS = 1 << 1;
    static final int CANCELLED = 1 << 2;
    static final int DELAYS = 1 << 3;
    static final int ACCUMULATED = 1 << 4;
    static final int EXITED_NAME = 1 << 5;
    static final int IN_PAGES = 1 << 6;
    static final int LOGICAL = 1 << 7;

    /** A row's bytes are counted in these units when every byte figure of the row is a multiple of one. */
    static final int SECTOR = 512;
    static final int PAGE = 4096;

    private RecordFormat() {
    }
}
