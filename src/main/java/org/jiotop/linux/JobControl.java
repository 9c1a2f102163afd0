package org.jiotop.linux;

/** The shell's job control, from the inside. */
public final class JobControl {
    private static final int SIGTSTP = 20;

    private JobControl() {
    }

    /**
     * Sends SIGTSTP to the calling thread, as raise(3) does: with the default action (which the
     * caller sees to: a handler would catch it instead) the whole process stops, and this returns
     * once it is continued (fg, bg, SIGCONT). Sent to the thread
     * rather than the process, the signal is taken on the way out of the call, so nothing after
     * it runs before the stop. In an orphaned process group (no shell to continue it) the kernel
     * discards the signal and this returns at once.
     */
    public static void stopAsSuspended() {
        Libc libc = new Libc();
        long tid = libc.syscall(Syscall.GETTID, 0, 0);
        libc.syscall(Syscall.TGKILL, ProcessHandle.current().pid(), tid, SIGTSTP);
    }
}
