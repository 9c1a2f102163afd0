package org.jiotop.linux;

/**
 * The fields jiotop uses from one {@code struct taskstats} reply. {@code id} is the TID (or TGID)
 * the reply is about; {@code tgid} its process (-1 when the struct version does not say);
 * {@code ppid} the parent process; {@code elapsedMicros} the kernel's {@code ac_etime}, the task's
 * age, from which its start time is derived; {@code name} the raw {@code ac_comm}, only decoded for
 * exit notifications (null otherwise). I/O byte counters are multiples of 1 KiB (the kernel masks
 * them), and so are {@code readChars}/{@code writeChars} ({@code read_char}, {@code write_char}).
 * {@code startSeconds} is the kernel's {@code ac_btime}, the wall-clock second the task started
 * in as the kernel works it out (its whole seconds of age taken from the whole seconds of the
 * clock), only read for exit notifications (0 otherwise).
 */
public record TaskStats(
        int id,
        int tgid,
        byte[] name,
        int uid,
        int ppid,
        long elapsedMicros,
        long blkioDelayNanos,
        long swapinDelayNanos,
        long readBytes,
        long writeBytes,
        long cancelledWriteBytes,
        long readChars,
        long writeChars,
        long startSeconds) {

    /** A reply that passed no bytes through read or write calls. */
    public TaskStats(int id, int tgid, byte[] name, int uid, int ppid, long elapsedMicros, long blkioDelayNanos,
                     long swapinDelayNanos, long readBytes, long writeBytes, long cancelledWriteBytes) {
        this(id, tgid, name, uid, ppid, elapsedMicros, blkioDelayNanos, swapinDelayNanos, readBytes, writeBytes,
                cancelledWriteBytes, 0, 0, 0);
    }
}
