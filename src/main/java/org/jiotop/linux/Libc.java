package org.jiotop.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The libc functions jiotop calls, through {@code java.lang.foreign}. Each handle sits in its own
 * holder class so that only the functions a run actually uses are linked (linking costs start-up
 * time). An instance owns the errno capture buffer, so use one instance per thread.
 */
final class Libc {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private final MemorySegment capture = Arena.ofAuto().allocate(CAPTURE_LAYOUT);

    int errno() {
        return (int) ERRNO.get(capture, 0L);
    }

    private static MethodHandle withErrno(String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), fd,
                Linker.Option.captureCallState("errno"));
    }

    private static final class Socket {
        static final MethodHandle SOCKET = withErrno("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        static final MethodHandle BIND = withErrno("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle SEND = withErrno("send", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
        static final MethodHandle RECV = withErrno("recv", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
        static final MethodHandle SETSOCKOPT = withErrno("setsockopt",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle CLOSE = withErrno("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }

    private static final class Syscall {
        // syscall(2) is variadic: every argument after the number is passed as a long.
        static final MethodHandle SYSCALL3 = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("syscall"),
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
                Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));
        static final MethodHandle SYSCALL4 = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("syscall"),
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
                Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));
        static final MethodHandle GETPRIORITY = withErrno("getpriority", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        static final MethodHandle SCHED_GETSCHEDULER = withErrno("sched_getscheduler", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }

    private static final class Passwd {
        static final MethodHandle GETPWUID_R = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("getpwuid_r"),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
        static final MethodHandle GETPWNAM_R = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("getpwnam_r"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
    }

    private static final class Strerror {
        static final MethodHandle STRERROR = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("strerror"),
                FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }

    int socket(int domain, int type, int protocol) {
        try {
            return (int) Socket.SOCKET.invokeExact(capture, domain, type, protocol);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    int bind(int fd, MemorySegment addr, int len) {
        try {
            return (int) Socket.BIND.invokeExact(capture, fd, addr, len);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    long send(int fd, MemorySegment buf, long len, int flags) {
        try {
            return (long) Socket.SEND.invokeExact(capture, fd, buf, len, flags);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    long recv(int fd, MemorySegment buf, long len, int flags) {
        try {
            return (long) Socket.RECV.invokeExact(capture, fd, buf, len, flags);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    int setsockopt(int fd, int level, int name, MemorySegment value, int len) {
        try {
            return (int) Socket.SETSOCKOPT.invokeExact(capture, fd, level, name, value, len);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    int close(int fd) {
        try {
            return (int) Socket.CLOSE.invokeExact(capture, fd);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    long syscall(long number, long a, long b) {
        try {
            return (long) Syscall.SYSCALL3.invokeExact(capture, number, a, b);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    long syscall(long number, long a, long b, long c) {
        try {
            return (long) Syscall.SYSCALL4.invokeExact(capture, number, a, b, c);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    int getpriority(int which, int who) {
        try {
            return (int) Syscall.GETPRIORITY.invokeExact(capture, which, who);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    int schedGetscheduler(int pid) {
        try {
            return (int) Syscall.SCHED_GETSCHEDULER.invokeExact(capture, pid);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static int getpwuidR(int uid, MemorySegment pwd, MemorySegment buf, MemorySegment result) {
        try {
            return (int) Passwd.GETPWUID_R.invokeExact(uid, pwd, buf, buf.byteSize(), result);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static int getpwnamR(MemorySegment name, MemorySegment pwd, MemorySegment buf, MemorySegment result) {
        try {
            return (int) Passwd.GETPWNAM_R.invokeExact(name, pwd, buf, buf.byteSize(), result);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static String strerror(int errno) {
        try {
            MemorySegment s = (MemorySegment) Strerror.STRERROR.invokeExact(errno);
            return s.reinterpret(256).getString(0) + " (errno " + errno + ")";
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

}
