package org.jiotop.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The start-up floor of a Java program that reads the kernel the way jiotop does: a JVM with an
 * AOT cache that links jiotop's one {@code syscall(2)} downcall and makes its first call. It prints
 * the process's CPU time at that point (clock_gettime of CLOCK_PROCESS_CPUTIME_ID, made through the
 * same handle). bench/run.sh runs it from its own jar and AOT cache, with jiotop's JVM flags.
 */
public final class StartupFloor {
    private static final long CLOCK_PROCESS_CPUTIME_ID = 2;

    private StartupFloor() {
    }

    public static void main(String[] args) {
        Libc libc = new Libc();
        MemorySegment timespec = Arena.ofAuto().allocate(16, 8);
        if (libc.syscall(Syscall.CLOCK_GETTIME, CLOCK_PROCESS_CPUTIME_ID, timespec.address()) != 0) {
            throw new IllegalStateException("clock_gettime: errno " + libc.errno());
        }
        long nanos = timespec.get(JAVA_LONG, 0) * 1_000_000_000L + timespec.get(JAVA_LONG, 8);
        System.out.println("cpu ms to first downcall: " + nanos / 1_000_000);
    }
}
