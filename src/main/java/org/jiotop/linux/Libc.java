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
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The C library calls jiotop makes, through {@code java.lang.foreign}. Every kernel call goes
 * through one {@code syscall(2)} handle: each downcall handle costs start-up time to link (tens of
 * milliseconds for the first ones), so one handle serves every call of {@link Syscall}, whose
 * numbers it takes for the machine's architecture. The passwd lookups (which need the C library's
 * NSS) and strerror have their own handles, linked on first use. An instance owns the errno
 * capture buffer, so use one instance per thread.
 */
final class Libc {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    /** Read through a buffer view rather than a VarHandle, whose creation costs start-up time. */
    private static final int ERRNO_OFFSET = offsetOf(CAPTURE_LAYOUT, "errno");

    /** Flags of open(2) with one value on x86_64 and aarch64; O_DIRECTORY has two ({@link Arch}). */
    static final int O_NONBLOCK = 04000;
    static final int O_CLOEXEC = 02000000;
    /** The longest path open(2) takes, its NUL included. */
    static final int PATH_MAX = 4096;
    private static final long AT_FDCWD = -100;
    private static final long RLIMIT_NOFILE = 7;

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

    private static final class Downcall {
        // syscall(2) is variadic, but linked here as a plain function of seven longs: on x86_64 and
        // on aarch64 Linux the two conventions pass integer arguments in the same registers, and
        // glibc's syscall() only moves registers. Linking it as variadic costs ~20 ms more start-up
        // CPU (measured with a one-handle program and an AOT cache: BENCHMARKS.md).
        static final MethodHandle SYSCALL = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("syscall"),
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG,
                        JAVA_LONG), Linker.Option.captureCallState("errno"));
    }

    /**
     * syscall(2) with no errno capture. The stub of a capturing handle makes a view of the capture
     * buffer on every call (only C2's escape analysis would remove it): ~35 bytes for each file
     * opened, read or closed, every refresh, for every task, idle or not. Linked only once a run
     * has made {@link #UNCAPTURED_AFTER} such calls, so that a one-shot never pays to link a second
     * handle.
     */
    private static final class Uncaptured {
        static final MethodHandle SYSCALL = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("syscall"),
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG,
                        JAVA_LONG));
    }

    static final int UNCAPTURED_AFTER = 4096;
    private int fileCalls;

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
    long syscall(Syscall call, long a, long b, long c, long d, long e, long f) {
        try {
            return (long) Downcall.SYSCALL.invokeExact(capture, call.number, a, b, c, d, e, f);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    int socket(int domain, int type, int protocol) {
        return (int) syscall(Syscall.SOCKET, domain, type, protocol, 0, 0, 0);
    }

    int bind(int fd, MemorySegment addr, int len) {
        return (int) syscall(Syscall.BIND, fd, addr.address(), len, 0, 0, 0);
    }

    long send(int fd, MemorySegment buf, long len, int flags) {
        return syscall(Syscall.SENDTO, fd, buf.address(), len, flags, 0, 0);
    }

    /** sendto(2) to the address {@code dest} of {@code destLen} bytes. */
    long sendTo(int fd, MemorySegment buf, long len, int flags, MemorySegment dest, int destLen) {
        return syscall(Syscall.SENDTO, fd, buf.address(), len, flags, dest.address(), destLen);
    }

    /** The socket's own address into {@code addr}; {@code len} holds its size in and the length out. */
    int getsockname(int fd, MemorySegment addr, MemorySegment len) {
        return (int) syscall(Syscall.GETSOCKNAME, fd, addr.address(), len.address(), 0, 0, 0);
    }

    long recv(int fd, MemorySegment buf, long len, int flags) {
        return syscall(Syscall.RECVFROM, fd, buf.address(), len, flags, 0, 0);
    }

    /** recvmmsg(2) without a timeout: up to {@code vlen} datagrams into {@code msgvec}; how many, or -1. */
    int recvmmsg(int fd, MemorySegment msgvec, int vlen, int flags) {
        return (int) syscall(Syscall.RECVMMSG, fd, msgvec.address(), vlen, flags, 0, 0);
    }

    /**
     * ppoll(2) on the one {@code struct pollfd} at {@code pollfd} (its fd and events filled in),
     * waiting up to the {@code struct timespec} at {@code timeout} (which the kernel overwrites with
     * the time left), with the signal mask unchanged: how many are ready (0 on time-out), or -1.
     */
    int ppoll(MemorySegment pollfd, MemorySegment timeout) {
        return (int) syscall(Syscall.PPOLL, pollfd.address(), 1, timeout.address(), 0, 0, 0);
    }

    int setsockopt(int fd, int level, int name, MemorySegment value, int len) {
        return (int) syscall(Syscall.SETSOCKOPT, fd, level, name, value.address(), len, 0);
    }

    /**
     * Opens the NUL-terminated absolute path at {@code path} with {@code flags} (openat(2) from the
     * working directory, as open(2) does); the descriptor, or -1.
     */
    int open(MemorySegment path, int flags) {
        return (int) fileCall(Syscall.OPENAT, AT_FDCWD, path.address(), flags, 0);
    }

    long read(int fd, MemorySegment buf, long len) {
        return fileCall(Syscall.READ, fd, buf.address(), len, 0);
    }

    /** Reads from {@code offset} without moving the file's position; bytes read, 0 at the end, or -1. */
    long pread(int fd, MemorySegment buf, long len, long offset) {
        return fileCall(Syscall.PREAD64, fd, buf.address(), len, offset);
    }

    /** Directory entries ({@code struct linux_dirent64}) into {@code buf}; bytes filled, 0 at the end, or -1. */
    long getdents64(int fd, MemorySegment buf, long len) {
        return fileCall(Syscall.GETDENTS64, fd, buf.address(), len, 0);
    }

    /** Closes {@code fd}. Whether it failed is not told: a close is never made again (the number may be reused). */
    void close(int fd) {
        if (capturing()) {
            syscall(Syscall.CLOSE, fd, 0, 0, 0, 0, 0);
        } else {
            uncaptured(Syscall.CLOSE, fd, 0, 0, 0);
        }
    }

    /**
     * A call on a file, through {@link Uncaptured} once a run has made {@link #UNCAPTURED_AFTER} of
     * them. For errno, a failed one is made again through the capturing handle: opening, listing or
     * reading a /proc file of a task that is gone fails the same way twice, and one interrupted the
     * first time is simply made again.
     */
    private long fileCall(Syscall call, long a, long b, long c, long d) {
        if (capturing()) {
            return syscall(call, a, b, c, d, 0, 0);
        }
        long r = uncaptured(call, a, b, c, d);
        return r >= 0 ? r : syscall(call, a, b, c, d, 0, 0);
    }

    private boolean capturing() {
        if (capturesFileCalls()) {
            fileCalls++;
            return true;
        }
        return false;
    }

    /** Whether the next call on a file goes through the capturing handle. */
    boolean capturesFileCalls() {
        return fileCalls < UNCAPTURED_AFTER;
    }

    private static long uncaptured(Syscall call, long a, long b, long c, long d) {
        try {
            return (long) Uncaptured.SYSCALL.invokeExact(call.number, a, b, c, d, 0L, 0L);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** The soft limit on open files ({@code RLIMIT_NOFILE}), or -1 when it cannot be read. */
    long openFilesLimit() {
        // struct rlimit64 { cur, max }, in an automatic arena as the capture segment is: a confined
        // one's first use costs every start ~2 ms of interpreted set-up.
        MemorySegment limits = Arena.ofAuto().allocate(2 * Long.BYTES, Long.BYTES);
        long r = syscall(Syscall.PRLIMIT64, 0, RLIMIT_NOFILE, 0, limits.address(), 0, 0);
        return r < 0 ? -1 : limits.asByteBuffer().order(ByteOrder.nativeOrder()).getLong(0);
    }

    long syscall(Syscall call, long a, long b) {
        return syscall(call, a, b, 0, 0, 0, 0);
    }

    long syscall(Syscall call, long a, long b, long c) {
        return syscall(call, a, b, c, 0, 0, 0);
    }

    /** A nice value no task has: {@link #getpriority} failed. */
    static final int NO_NICE = Integer.MIN_VALUE;

    /**
     * The nice value of {@code who}, or {@link #NO_NICE} (the task is gone); the raw system call
     * answers 20 - nice so that it is never negative, where the C library's -1 would be a nice value.
     */
    int getpriority(int which, int who) {
        long r = syscall(Syscall.GETPRIORITY, which, who, 0, 0, 0, 0);
        return r < 0 ? NO_NICE : (int) (20 - r);
    }

    int schedGetscheduler(int pid) {
        return (int) syscall(Syscall.SCHED_GETSCHEDULER, pid, 0, 0, 0, 0, 0);
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
        String text = strerrorText(errno);
        return text == null ? "errno " + errno : text + " (errno " + errno + ")";
    }

    /**
     * The C library's text for {@code errno} in the process's locale, as the JDK's I/O errors say it;
     * or null. Decoded as the JDK decodes it, in the locale's charset: in a Latin-1 locale the
     * translated text is not UTF-8, and read as UTF-8 it would differ from the JDK's.
     */
    static String strerrorText(int errno) {
        try {
            MemorySegment s = ((MemorySegment) Strerror.STRERROR.invokeExact(errno)).reinterpret(256);
            long end = 0;
            while (end < s.byteSize() && s.get(JAVA_BYTE, end) != 0) {
                end++;
            }
            return new String(s.asSlice(0, end).toArray(JAVA_BYTE), nativeCharset());
        } catch (Throwable t) {
            return null;
        }
    }

    /** The charset the JDK turns the C library's strings into Java's with. */
    private static java.nio.charset.Charset nativeCharset() {
        try {
            return java.nio.charset.Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (IllegalArgumentException e) {
            return java.nio.charset.StandardCharsets.UTF_8;
        }
    }

}
