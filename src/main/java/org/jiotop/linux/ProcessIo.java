package org.jiotop.linux;

/** The block-I/O byte counters of {@code /proc/PID/io}: the whole process, exited threads included. */
public record ProcessIo(long readBytes, long writeBytes, long cancelledWriteBytes) {
}
