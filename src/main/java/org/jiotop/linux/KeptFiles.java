package org.jiotop.linux;

import java.util.Arrays;

/**
 * The /proc files that every process-mode refresh reads, held open from one refresh to the next: a
 * read is then one pread from the start instead of an open (the kernel's walk of the path), reads
 * and a close. A descriptor of /proc/PID/io reads the process it was opened for and no other: once
 * that process is reaped the read fails, even if a new process has taken its ID, and the file is
 * opened afresh. At most {@link #MAX_IO_FILES} io files are held, and no more than half the
 * process's limit on open files less the descriptors open when the first round begins; the
 * processes beyond them are read by path.
 */
final class KeptFiles implements AutoCloseable {
    /**
     * Each io file held costs ~4.5 KiB of kernel memory (its open file, and a page for its text
     * once read): 72 MiB for this many, held only on a machine of that many processes, whose
     * threads cost the kernel ~36 KiB each (stack and slab). An open, read and close by path costs
     * the kernel a walk of the path and two allocations more than a pread: with 2,048 held, a
     * refresh at 100,000 tasks in 10,000 processes cost a third more per task than at 10,000.
     */
    static final int MAX_IO_FILES = 16384;
    private static final int UNOPENED = -2;
    private static final int UNSIZED = -1;

    private final ProcFs proc;
    /** How many io files may be held: {@link #UNSIZED} until the first round, when it is sized. */
    private int maxIoFiles;
    private final long openFilesLimit;
    private int vmstat = UNOPENED;
    private int delayAcct = UNOPENED;
    /** The io files held, by PID, ascending. */
    private int[] pids = new int[0];
    private int[] fds = new int[0];
    private int count;
    private int[] nextPids = new int[0];
    private int[] nextFds = new int[0];
    private int nextCount;
    private int at;
    private int lastPid;
    private boolean inRound;

    KeptFiles(ProcFs proc, int maxIoFiles) {
        this.proc = proc;
        this.maxIoFiles = maxIoFiles;
        this.openFilesLimit = -1;
    }

    /**
     * Holds up to {@link #heldIoFiles} io files, sized when the first round begins: by then another
     * holder in the process (a second scanner) holds its own, and they count as open.
     */
    KeptFiles(ProcFs proc, long openFilesLimit) {
        this.proc = proc;
        this.maxIoFiles = UNSIZED;
        this.openFilesLimit = openFilesLimit;
    }

    /**
     * At most {@code maxIoFiles}, and half of {@code openFilesLimit} (-1: unknown, then 512) less
     * the {@code open} descriptors, so that jiotop's other files always open.
     */
    static int heldIoFiles(int maxIoFiles, long openFilesLimit, int open) {
        long room = (openFilesLimit < 0 ? 512 : openFilesLimit / 2) - Math.max(0, open);
        return Math.clamp(room, 0, maxIoFiles);
    }

    /** As {@link ProcFs#vmstat()}. */
    VmCounters vmstat() {
        if (vmstat == UNOPENED) {
            vmstat = proc.openVmstat();
        }
        return vmstat < 0 ? null : proc.readVmstat(vmstat);
    }

    /** As {@link ProcFs#taskDelayAcct()}. */
    Boolean taskDelayAcct() {
        if (delayAcct == UNOPENED) {
            delayAcct = proc.openTaskDelayAcct();
        }
        return delayAcct < 0 ? null : proc.readTaskDelayAcct(delayAcct);
    }

    /** Starts a round of {@link #io} calls; the io files of processes not read in it are closed at {@link #endIo}. */
    void beginIo() {
        if (inRound) {
            endIo(); // a scan that failed midway: keep what it had read
        }
        inRound = true;
        lastPid = 0;
        if (maxIoFiles == UNSIZED) {
            maxIoFiles = heldIoFiles(MAX_IO_FILES, openFilesLimit, proc.openDescriptors());
        }
    }

    /**
     * As {@link ProcFs#processIo(int, long[])}. Within a round, PIDs that do not ascend are read by
     * path.
     */
    boolean io(int pid, long[] into) {
        if (pid <= lastPid) {
            return proc.processIo(pid, into);
        }
        lastPid = pid;
        while (at < count && pids[at] < pid) {
            proc.close(fds[at++]);
        }
        if (at < count && pids[at] == pid) {
            int fd = fds[at++];
            if (proc.readIo(fd, into)) {
                hold(pid, fd);
                return true;
            }
            proc.close(fd); // its process is gone; the ID may be another's now
        }
        int fd = proc.openIo(pid);
        if (fd < 0) {
            return false;
        }
        boolean read = proc.readIo(fd, into);
        if (read && nextCount < maxIoFiles) {
            hold(pid, fd);
        } else {
            proc.close(fd);
        }
        return read;
    }

    /** Ends a round: closes the io files of the processes it did not read, and holds those it did. */
    void endIo() {
        while (at < count) {
            proc.close(fds[at++]);
        }
        int[] swap = pids;
        pids = nextPids;
        nextPids = swap;
        swap = fds;
        fds = nextFds;
        nextFds = swap;
        count = nextCount;
        nextCount = 0;
        at = 0;
        inRound = false;
    }

    private void hold(int pid, int fd) {
        if (nextCount == nextPids.length) {
            int size = Math.max(16, nextCount * 2);
            nextPids = Arrays.copyOf(nextPids, size);
            nextFds = Arrays.copyOf(nextFds, size);
        }
        nextPids[nextCount] = pid;
        nextFds[nextCount++] = fd;
    }

    /** Closes every io file held (process mode is off). */
    void releaseIo() {
        beginIo();
        endIo();
    }

    /** The number of io files held now. */
    int ioFilesHeld() {
        return count;
    }

    @Override
    public void close() {
        if (inRound) {
            endIo();
        }
        for (int k = 0; k < count; k++) {
            proc.close(fds[k]);
        }
        count = 0;
        for (int fd : new int[]{vmstat, delayAcct}) {
            if (fd >= 0) {
                proc.close(fd);
            }
        }
        vmstat = UNOPENED;
        delayAcct = UNOPENED;
    }
}
