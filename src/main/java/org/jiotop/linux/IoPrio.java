package org.jiotop.linux;

/** {@code ioprio_get}/{@code ioprio_set} through {@code syscall(2)}, for one thread at a time. */
public final class IoPrio {
    private static final int IOPRIO_WHO_PROCESS = 1;
    private static final int PRIO_PROCESS = 0;
    private static final int SCHED_FIFO = 1;
    private static final int SCHED_RR = 2;
    private static final int SCHED_IDLE = 5;

    private final Libc libc = new Libc();

    /**
     * The effective I/O priority of thread {@code tid}. A thread with no explicit class gets the
     * one the kernel derives from its CPU scheduling (policy and nice value), as ionice shows it.
     * Returns {@link IoPriority#UNKNOWN} when the thread is gone or cannot be asked.
     */
    public IoPriority get(int tid) {
        long v = libc.syscall(Syscall.IOPRIO_GET, IOPRIO_WHO_PROCESS, tid);
        if (v < 0) {
            return IoPriority.UNKNOWN;
        }
        IoPriority p = IoPriority.fromKernel((int) v);
        if (p.ioClass() != IoPriority.CLASS_NONE) {
            return p;
        }
        int policy = libc.schedGetscheduler(tid);
        if (policy < 0) {
            return IoPriority.UNKNOWN;
        }
        int nice = libc.getpriority(PRIO_PROCESS, tid);
        if (nice == Libc.NO_NICE) {
            return IoPriority.UNKNOWN; // gone between the two calls
        }
        int level = Math.clamp((nice + 20) / 5, 0, 7);
        return switch (policy) {
            case SCHED_FIFO, SCHED_RR -> new IoPriority(IoPriority.CLASS_RT, level);
            case SCHED_IDLE -> new IoPriority(IoPriority.CLASS_IDLE, 0);
            default -> new IoPriority(IoPriority.CLASS_BE, level);
        };
    }

    /** Sets the I/O priority of thread {@code tid}; the exception carries the kernel's reason. */
    public void set(int tid, IoPriority priority) throws KernelException {
        if (libc.syscall(Syscall.IOPRIO_SET, IOPRIO_WHO_PROCESS, tid, priority.toKernel()) < 0) {
            throw new KernelException("ioprio_set(" + tid + ")", libc.errno());
        }
    }
}
