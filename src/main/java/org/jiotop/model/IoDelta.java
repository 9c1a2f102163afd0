package org.jiotop.model;

import org.jiotop.linux.LogicalIo;
import org.jiotop.linux.TaskSample;

/**
 * An amount of I/O: bytes and delay nanoseconds, over an interval or accumulated. Written bytes
 * are {@link #writtenBytes()}: what was written minus what was cancelled before reaching the disk
 * (a truncated dirty page), never below zero. {@code logical} is the read and write system calls
 * and the bytes they passed, page cache included.
 */
public record IoDelta(long readBytes, long writeBytes, long cancelledWriteBytes, long blkioDelayNanos,
                      long swapinDelayNanos, LogicalIo logical) {
    public static final IoDelta ZERO = new IoDelta(0, 0, 0, 0, 0);

    public IoDelta(long readBytes, long writeBytes, long cancelledWriteBytes, long blkioDelayNanos,
                   long swapinDelayNanos) {
        this(readBytes, writeBytes, cancelledWriteBytes, blkioDelayNanos, swapinDelayNanos, LogicalIo.ZERO);
    }

    /** The counters of {@code s} since its task started (its whole life). */
    public static IoDelta of(TaskSample s) {
        return new IoDelta(s.readBytes(), s.writeBytes(), s.cancelledWriteBytes(), s.blkioDelayNanos(),
                s.swapinDelayNanos(), s.logical().atLeastZero());
    }

    /**
     * What happened between two samples of the same task. A counter that went down (a process
     * whose bytes are summed over live threads, when one exits) counts as no activity, never as a
     * negative or wrapped-around amount.
     */
    public static IoDelta between(TaskSample newer, TaskSample older) {
        if (newer.readBytes() == older.readBytes() && newer.writeBytes() == older.writeBytes()
                && newer.cancelledWriteBytes() == older.cancelledWriteBytes()
                && newer.blkioDelayNanos() == older.blkioDelayNanos()
                && newer.swapinDelayNanos() == older.swapinDelayNanos()
                && newer.logical().same(older.logical())) {
            return ZERO; // most tasks are idle in most intervals: no garbage for them
        }
        return new IoDelta(
                Math.max(0, newer.readBytes() - older.readBytes()),
                Math.max(0, newer.writeBytes() - older.writeBytes()),
                Math.max(0, newer.cancelledWriteBytes() - older.cancelledWriteBytes()),
                Math.max(0, newer.blkioDelayNanos() - older.blkioDelayNanos()),
                Math.max(0, newer.swapinDelayNanos() - older.swapinDelayNanos()),
                newer.logical().since(older.logical()));
    }

    public IoDelta plus(IoDelta o) {
        if (o == ZERO) {
            return this;
        }
        return new IoDelta(readBytes + o.readBytes, writeBytes + o.writeBytes,
                cancelledWriteBytes + o.cancelledWriteBytes, blkioDelayNanos + o.blkioDelayNanos,
                swapinDelayNanos + o.swapinDelayNanos, logical.plus(o.logical));
    }

    public IoDelta minus(IoDelta o) {
        return new IoDelta(readBytes - o.readBytes, writeBytes - o.writeBytes,
                cancelledWriteBytes - o.cancelledWriteBytes, blkioDelayNanos - o.blkioDelayNanos,
                swapinDelayNanos - o.swapinDelayNanos, logical.minus(o.logical));
    }

    /** This minus {@code o}, each field at least zero. */
    public IoDelta minusClamped(IoDelta o) {
        return new IoDelta(Math.max(0, readBytes - o.readBytes), Math.max(0, writeBytes - o.writeBytes),
                Math.max(0, cancelledWriteBytes - o.cancelledWriteBytes),
                Math.max(0, blkioDelayNanos - o.blkioDelayNanos), Math.max(0, swapinDelayNanos - o.swapinDelayNanos),
                logical.minus(o.logical).atLeastZero());
    }

    /** Each field at least zero. */
    public IoDelta atLeastZero() {
        return new IoDelta(Math.max(0, readBytes), Math.max(0, writeBytes), Math.max(0, cancelledWriteBytes),
                Math.max(0, blkioDelayNanos), Math.max(0, swapinDelayNanos), logical.atLeastZero());
    }

    public long writtenBytes() {
        return Math.max(0, writeBytes - cancelledWriteBytes);
    }

    public boolean isZero() {
        return readBytes == 0 && writeBytes == 0 && cancelledWriteBytes == 0 && blkioDelayNanos == 0
                && swapinDelayNanos == 0;
    }
}
