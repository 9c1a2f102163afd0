package org.jiotop.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** The shell's job control, from the inside. */
public final class JobControl {
    private static final int SIGTSTP = 20;
    /** ioctl(2) request of tcgetpgrp(3), the same number on x86_64 and aarch64 ({@code asm-generic/ioctls.h}). */
    private static final int TIOCGPGRP = 0x540F;
    private static final int STDOUT = 1;

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

    /**
     * Whether this process's group is the foreground one of the terminal on standard output, the
     * one that may change the terminal's modes; true when standard output is not a terminal.
     */
    public static boolean inForeground() {
        Libc libc = new Libc();
        MemorySegment group = Arena.ofAuto().allocate(ValueLayout.JAVA_INT);
        if (libc.syscall(Syscall.IOCTL, STDOUT, TIOCGPGRP, group.address()) < 0) {
            return true;
        }
        return group.get(ValueLayout.JAVA_INT, 0) == libc.syscall(Syscall.GETPGID, 0, 0);
    }
}
