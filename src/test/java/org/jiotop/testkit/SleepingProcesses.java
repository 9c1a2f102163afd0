package org.jiotop.testkit;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A child process for benchmarks: forks P processes of T threads each that sleep (in pause(2)) and
 * do nothing else, as most processes of a server do; prints "ready" once they all have their
 * threads. Arguments: P T. A forked copy of a JVM has only the thread that forked, so from there on
 * each copy only calls the C library: its threads start in pause(2) itself, it calls pause(2) for
 * good, and the kernel kills it (PR_SET_PDEATHSIG) when this process's main thread ends. A copy
 * forked while another JVM thread held something it then waits for never starts its threads: it is
 * killed and forked again (rare when run with -Xint and no periodic safepoint or deflation). Copies
 * share this JVM's memory until either writes to it, so one costs its threads' kernel stacks, page
 * tables and a few pages: ~50 KiB per task; 10,000 tasks take ~20 s to start.
 */
public final class SleepingProcesses {
    private static final int PR_SET_PDEATHSIG = 1;
    private static final int SIGKILL = 9;

    private SleepingProcesses() {
    }

    public static void main(String[] args) throws Throwable {
        int processes = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        MethodHandle fork = linker.downcallHandle(libc.findOrThrow("fork"), FunctionDescriptor.of(JAVA_INT));
        MethodHandle prctl = linker.downcallHandle(libc.findOrThrow("prctl"),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
        MethodHandle pthreadCreate = linker.downcallHandle(libc.findOrThrow("pthread_create"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        MethodHandle pause = linker.downcallHandle(libc.findOrThrow("pause"), FunctionDescriptor.of(JAVA_INT));
        // A thread's start routine takes and returns a pointer; pause(2) ignores the one it is given.
        MemorySegment pauseRoutine = libc.findOrThrow("pause");
        MemorySegment threadId = Arena.global().allocate(JAVA_LONG);
        MethodHandle kill = linker.downcallHandle(libc.findOrThrow("kill"),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        MethodHandle waitpid = linker.downcallHandle(libc.findOrThrow("waitpid"),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        for (int started = 0; started < processes; ) {
            int pid = (int) fork.invokeExact();
            if (pid == 0) {
                int unused = (int) prctl.invokeExact(PR_SET_PDEATHSIG, (long) SIGKILL, 0L, 0L, 0L);
                for (int t = 1; t < threads; t++) {
                    unused = (int) pthreadCreate.invokeExact(threadId, MemorySegment.NULL, pauseRoutine,
                            MemorySegment.NULL);
                }
                while (true) {
                    unused = (int) pause.invokeExact();
                }
            }
            if (pid < 0) {
                throw new IllegalStateException("fork failed after " + started + " processes");
            }
            if (hasThreads(pid, threads)) {
                started++;
            } else {
                // Forked while a JVM thread it no longer has held something it then waited for.
                int unused = (int) kill.invokeExact(pid, SIGKILL);
                unused = (int) waitpid.invokeExact(pid, MemorySegment.NULL, 0);
            }
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Whether process {@code pid} has {@code threads} threads within a second. */
    private static boolean hasThreads(int pid, int threads) throws Exception {
        Path tasks = Path.of("/proc", Integer.toString(pid), "task");
        for (int tries = 0; tries < 1000; tries++) {
            try (var s = Files.list(tasks)) {
                if (s.count() >= threads) {
                    return true;
                }
            }
            Thread.sleep(1);
        }
        return false;
    }
}
