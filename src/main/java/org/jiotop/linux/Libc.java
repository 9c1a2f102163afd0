package org.jiotop.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The C library calls jiotop makes, through {@code java.lang.foreign}. Every kernel call goes
 * through one {@code syscall(2)} handle: each downcall handle costs start-up time to link (tens of
 * milliseconds for the first ones), so one handle serves socket, bind, sendto, recvfrom,
 * getsockname, setsockopt, poll, open, read, getdents64, close, ioprio_get/set, getpriority and
 * sched_getscheduler. The passwd lookups (which need the C library's NSS) and strerror have their
 * own handles, linked on first use. An instance owns the errno capture buffer, so use one instance
 * per thread.
 */
final class Libc {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    /** Read through a buffer view rather than a VarHandle, whose creation costs start-up time. */
    private static final int ERRNO_OFFSET = offsetOf(CAPTURE_LAYOUT, "errno");

    // x86_64 system call numbers; jiotop is built and tested on x86_64 only.
    private static final long SYS_READ = 0;
    private static final long SYS_POLL = 7;
    private static final long SYS_PREAD64 = 17;
    private static final long SYS_OPEN = 2;
    private static final long SYS_CLOSE = 3;
    private static final long SYS_GETDENTS64 = 217;
    private static final long SYS_SOCKET = 41;
    private static final long SYS_SENDTO = 44;
    private static final long SYS_RECVFROM = 45;
    private static final long SYS_BIND = 49;
    private static final long SYS_GETSOCKNAME = 51;
    private static final long SYS_SETSOCKOPT = 54;
    private static final long SYS_RECVMMSG = 299;
    private static final long SYS_GETPRIORITY = 140;
    private static final long SYS_SCHED_GETSCHEDULER = 145;

    private final MemorySegment capture = Arena.ofAuto().allocate(CAPTURE_LAYOUT);
    private final ByteBuffer captured = capture.asByteBuffer().order(ByteOrder.nativeOrder());

    int errno() {
        return captured.getInt(ERRNO_OFFSET);
    }

    /**
     * The offset of member {@code name}, added up by hand: {@code StructLayout.byteOffset} with a
     * path costs ~9 ms of start-up CPU to initialise the layout-path machinery, for one number.
     */
    static int offsetOf(StructLayout layout, String name) {
        long offset = 0;
        for (MemoryLayout member : layout.memberLayouts()) {
            if (name.equals(member.name().orElse(null))) {
                return Math.toIntExact(offset);
            }
            offset += member.byteSize();
        }
        throw new IllegalArgumentException("no member " + name + " in " + layout);
    }

    private static final class Syscall {
        // syscall(2) is variadic, but linked here as a plain function of seven longs: on x86_64 the
        // two conventions pass integer arguments in the same registers, and glibc's syscall() only
        // moves registers. Linking it as variadic costs ~20 ms more start-up CPU (measured with a
        // one-handle program and an AOT cache: BENCHMARKS.md).
        static final MethodHandle SYSCALL = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("syscall"),
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG,
                        JAVA_LONG), Linker.Option.captureCallState("errno"));
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

    /** A system call; its result, or -1 with {@link #errno()} set. */
    long syscall(long number, long a, long b, long c, long d, long e, long f) {
        try {
            return (long) Syscall.SYSCALL.invokeExact(capture, number, a, b, c, d, e, f);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    int socket(int domain, int type, int protocol) {
        return (int) syscall(SYS_SOCKET, domain, type, protocol, 0, 0, 0);
    }

    int bind(int fd, MemorySegment addr, int len) {
        return (int) syscall(SYS_BIND, fd, addr.address(), len, 0, 0, 0);
    }

    long send(int fd, MemorySegment buf, long len, int flags) {
        return syscall(SYS_SENDTO, fd, buf.address(), len, flags, 0, 0);
    }

    /** sendto(2) to the address {@code dest} of {@code destLen} bytes. */
    long sendTo(int fd, MemorySegment buf, long len, int flags, MemorySegment dest, int destLen) {
        return syscall(SYS_SENDTO, fd, buf.address(), len, flags, dest.address(), destLen);
    }

    /** The socket's own address into {@code addr}; {@code len} holds its size in and the length out. */
    int getsockname(int fd, MemorySegment addr, MemorySegment len) {
        return (int) syscall(SYS_GETSOCKNAME, fd, addr.address(), len.address(), 0, 0, 0);
    }

    long recv(int fd, MemorySegment buf, long len, int flags) {
        return syscall(SYS_RECVFROM, fd, buf.address(), len, flags, 0, 0);
    }

    /** recvmmsg(2) without a timeout: up to {@code vlen} datagrams into {@code msgvec}; how many, or -1. */
    int recvmmsg(int fd, MemorySegment msgvec, int vlen, int flags) {
        return (int) syscall(SYS_RECVMMSG, fd, msgvec.address(), vlen, flags, 0, 0);
    }

    /**
     * poll(2) on the one {@code struct pollfd} at {@code pollfd} (its fd and events filled in):
     * how many are ready (0 after {@code millis}), or -1.
     */
    int poll(MemorySegment pollfd, int millis) {
        return (int) syscall(SYS_POLL, pollfd.address(), 1, millis, 0, 0, 0);
    }

    int setsockopt(int fd, int level, int name, MemorySegment value, int len) {
        return (int) syscall(SYS_SETSOCKOPT, fd, level, name, value.address(), len, 0);
    }

    /** Opens the NUL-terminated path at {@code path} read-only; the descriptor, or -1. */
    int open(MemorySegment path, int flags) {
        return (int) syscall(SYS_OPEN, path.address(), flags, 0, 0, 0, 0);
    }

    long read(int fd, MemorySegment buf, long len) {
        return syscall(SYS_READ, fd, buf.address(), len, 0, 0, 0);
    }

    /** Reads from {@code offset} without moving the file's position; bytes read, 0 at the end, or -1. */
    long pread(int fd, MemorySegment buf, long len, long offset) {
        return syscall(SYS_PREAD64, fd, buf.address(), len, offset, 0, 0);
    }

    /** Directory entries ({@code struct linux_dirent64}) into {@code buf}; bytes filled, 0 at the end, or -1. */
    long getdents64(int fd, MemorySegment buf, long len) {
        return syscall(SYS_GETDENTS64, fd, buf.address(), len, 0, 0, 0);
    }

    int close(int fd) {
        return (int) syscall(SYS_CLOSE, fd, 0, 0, 0, 0, 0);
    }

    long syscall(long number, long a, long b) {
        return syscall(number, a, b, 0, 0, 0, 0);
    }

    long syscall(long number, long a, long b, long c) {
        return syscall(number, a, b, c, 0, 0, 0);
    }

    /** The nice value of {@code who}; the raw system call answers 20 - nice so that it is never negative. */
    int getpriority(int which, int who) {
        long r = syscall(SYS_GETPRIORITY, which, who, 0, 0, 0, 0);
        return r < 0 ? -1 : (int) (20 - r);
    }

    int schedGetscheduler(int pid) {
        return (int) syscall(SYS_SCHED_GETSCHEDULER, pid, 0, 0, 0, 0, 0);
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
