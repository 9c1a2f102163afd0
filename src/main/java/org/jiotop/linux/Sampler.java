package org.jiotop.linux;

/**
 * Takes {@link Scan}s of threads or processes from one source of counters, chosen once at start:
 * taskstats ({@link TaskScanner}) where it is permitted, else /proc ({@link ProcfsScanner}).
 */
public sealed interface Sampler extends AutoCloseable permits TaskScanner, ProcfsScanner {
    /** Every thread, or only the TIDs in {@code only} (null: all). */
    Scan threads(int[] only) throws KernelException;

    /** Every process, or only the PIDs in {@code only} (null: all), each with the I/O of all its threads. */
    Scan processes(int[] only) throws KernelException;

    /** What the latest scan could see. */
    Visibility visibility();

    @Override
    void close();
}
