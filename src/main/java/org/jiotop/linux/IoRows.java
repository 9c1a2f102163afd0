package org.jiotop.linux;

import java.util.Arrays;

/**
 * The /proc/PID/io counters of a process scan by row, in one array kept from scan to scan, so that
 * a refresh makes no object for each process. A row is read, or not (unreadable, or not asked).
 */
final class IoRows {
    private static final int N = ProcParsers.IO_COUNTERS;
    private long[] counters = new long[0];
    private boolean[] read = new boolean[0];
    private final long[] one = new long[N];

    /** Makes room for {@code n} rows, none read. */
    void reset(int n) {
        if (n > read.length) {
            int size = Math.max(n, read.length * 2);
            read = new boolean[size];
            counters = new long[size * N];
        } else {
            Arrays.fill(read, 0, n, false);
        }
    }

    boolean has(int row) {
        return read[row];
    }

    /** Row {@code row} from process {@code pid}'s io file as {@code files} holds it; whether it could be read. */
    boolean read(KeptFiles files, int row, int pid) {
        return read[row] = files.io(pid, one) && put(row);
    }

    /**
     * Row {@code row} read again by path; when that fails the row keeps what it had if
     * {@code keepOnFailure}, or else becomes unread. Whether it could be read.
     */
    boolean reread(ProcFs proc, int row, int pid, boolean keepOnFailure) {
        if (proc.processIo(pid, one)) {
            return read[row] = put(row);
        }
        read[row] &= keepOnFailure;
        return false;
    }

    /** The draft's byte counters from row {@code row}, which was read. */
    SampleDraft bytesOf(int row, SampleDraft draft) {
        return draft.bytes(counters, row * N, true);
    }

    private boolean put(int row) {
        System.arraycopy(one, 0, counters, row * N, N);
        return true;
    }
}
