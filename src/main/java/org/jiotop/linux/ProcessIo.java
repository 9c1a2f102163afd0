package org.jiotop.linux;

/**
 * The counters of {@code /proc/PID/io} (or {@code /proc/PID/task/TID/io}): the block-I/O bytes and
 * the logical I/O, of the whole process with exited threads included (or of the one thread).
 */
public record ProcessIo(long readBytes, long writeBytes, long cancelledWriteBytes, LogicalIo logical) {

    /** Byte counters alone: the logical ones not known. */
    public ProcessIo(long readBytes, long writeBytes, long cancelledWriteBytes) {
        this(readBytes, writeBytes, cancelledWriteBytes, LogicalIo.chars(0, 0));
    }
}
