package org.jiotop.linux;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads {@code /proc} under a given root, so tests can point it at a fixture tree. A file that
 * vanished or cannot be read gives null or -1: tasks come and go between listing and reading.
 * Directories and files are read through open/read/getdents64 into buffers kept for the next
 * call: java.io and java.nio create a dozen objects per file and a String per directory entry,
 * which at thousands of tasks per refresh cost more than the kernel's own work. One instance per
 * thread.
 */
public final class ProcFs {
    /** Longest command line read; anything longer is cut (and shown with a marker). */
    public static final int MAX_CMDLINE = 128 * 1024;
    private static final int SMALL_FILE = 16 * 1024;
    /** What {@link #read(int, int, String, byte[])} gives for a file /proc keeps from this user (hidepid). */
    static final int REFUSED = -2;
    private static final int DIRENTS = 32 * 1024;

    private final Path root;
    private final byte[] rootBytes;
    private final byte[] buffer = new byte[SMALL_FILE];
    /** Directory entries and paths are handled in arrays ({@link LittleEndian} says why). */
    private final byte[] entries = new byte[DIRENTS];
    // Made on first use, so that --help, --version and usage errors never start the FFM linker.
    private Libc libc;
    private MemorySegment path;
    private ByteBuffer pathBytes;
    /** The path being built, copied to {@code path} in one call when opened. */
    private final byte[] pathArray = new byte[Libc.PATH_MAX];
    private MemorySegment data;
    private ByteBuffer dataBytes;
    private int pathLength;
    private final DirentIds listed = new DirentIds();
    /** For command lines, which may be far longer than the other files: made on first use. */
    private byte[] commandLine;

    public ProcFs(Path root) {
        this.root = root;
        this.rootBytes = root.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static ProcFs system() {
        return new ProcFs(Path.of("/proc"));
    }

    /** Every PID listed, ascending. */
    public int[] pids() {
        begin();
        list();
        return listed.toArray();
    }

    /** The TIDs of process {@code pid}, ascending; empty when it is gone. */
    public int[] tids(int pid) {
        listTids(pid);
        return listed.toArray();
    }

    /**
     * Lists the TIDs of process {@code pid}, ascending, into no new array: how many (0 when it is
     * gone). They are {@link #listed(int)}'s until the next listing.
     */
    int listTids(int pid) {
        return entries(pid, "task");
    }

    /** The {@code i}th ID of the last listing. */
    int listed(int i) {
        return listed.get(i);
    }

    /** Lists the numeric entries of {@code /proc/PID/folder}, ascending: how many (0 when it is gone). */
    private int entries(int pid, String folder) {
        begin();
        id(pid);
        name(folder);
        return list();
    }

    /** Lists the numeric entries of the directory at the path being built, ascending: how many. */
    private int list() {
        listed.clear();
        int fd = open(Arch.current().openDirectory());
        if (fd < 0) {
            return 0;
        }
        try {
            long got;
            while ((got = libc.getdents64(fd, data, DIRENTS)) > 0) {
                dataBytes.get(0, entries, 0, (int) got);
                listed.add(entries, (int) got);
            }
        } finally {
            libc.close(fd);
        }
        return listed.sort();
    }

    /** Appends "/" and {@code id} to the path being built; a negative ID makes a path that never opens. */
    private void id(int id) {
        if (id < 0) {
            pathLength = Libc.PATH_MAX;
            return;
        }
        int digits = 1;
        for (int v = id; v >= 10; v /= 10) {
            digits++;
        }
        if (pathLength + 1 + digits < Libc.PATH_MAX) {
            pathArray[pathLength] = '/';
            for (int i = digits, v = id; i > 0; i--, v /= 10) {
                pathArray[pathLength + i] = (byte) ('0' + v % 10);
            }
        }
        pathLength += 1 + digits;
    }

    /** Appends "/" and {@code name} (ASCII) to the path being built. */
    private void name(String name) {
        if (pathLength + 1 + name.length() < Libc.PATH_MAX) {
            pathArray[pathLength] = '/';
            for (int i = 0; i < name.length(); i++) {
                pathArray[pathLength + 1 + i] = (byte) name.charAt(i);
            }
        }
        pathLength += 1 + name.length();
    }

    /** Starts a path at the root. */
    private void begin() {
        if (libc == null) {
            libc = new Libc();
            Arena arena = Arena.ofAuto();
            path = arena.allocate(Libc.PATH_MAX);
            pathBytes = path.asByteBuffer();
            data = arena.allocate(Math.max(SMALL_FILE, DIRENTS), 8);
            dataBytes = data.asByteBuffer().order(ByteOrder.nativeOrder());
        }
        pathLength = Math.min(rootBytes.length, Libc.PATH_MAX);
        System.arraycopy(rootBytes, 0, pathArray, 0, pathLength);
    }

    /** Opens the path built so far; the descriptor, or -1. */
    private int open(int flags) {
        if (pathLength >= Libc.PATH_MAX) {
            return -1;
        }
        pathArray[pathLength] = 0;
        pathBytes.put(0, pathArray, 0, pathLength + 1);
        return libc.open(path, Libc.O_CLOEXEC | flags);
    }

    /** The raw NUL-separated command line of {@code pid} (empty for kernel threads), or null. */
    public byte[] cmdline(int pid) {
        begin();
        id(pid);
        name("cmdline");
        if (commandLine == null) {
            commandLine = new byte[MAX_CMDLINE];
        }
        int n = read(commandLine);
        return n < 0 ? null : Arrays.copyOf(commandLine, n);
    }

    /** The raw name ({@code comm}) of thread {@code tid} of process {@code tgid}, or null. */
    public byte[] comm(int tgid, int tid) {
        int n = read(tgid, tid, "comm", buffer);
        if (n < 0) {
            return null;
        }
        if (n > 0 && buffer[n - 1] == '\n') {
            n--;
        }
        return Arrays.copyOf(buffer, n);
    }

    /**
     * Reads {@code /proc/PID/NAME}, with a {@code tid} above 0 {@code /proc/PID/task/TID/NAME}, with a
     * {@code pid} of 0 {@code /proc/NAME}, into {@code into}; the length read, or -1, or {@link #REFUSED}.
     */
    int read(int pid, int tid, String file, byte[] into) {
        begin();
        if (pid > 0) {
            id(pid);
        }
        if (tid > 0) {
            name("task");
            id(tid);
        }
        name(file);
        int n = read(into);
        return n < 0 && (libc.errno() == Errno.EPERM || libc.errno() == Errno.EACCES) ? REFUSED : n;
    }

    /** {@code /proc/PID/io}, or null when it is gone or unreadable (as /proc/1/io is here). */
    public ProcessIo processIo(int pid) {
        return io(readClosing(openIo(pid), buffer));
    }

    /** As {@link #processIo(int)}, into {@code into} (as {@link ProcParsers#parseIo}); false for null. */
    boolean processIo(int pid, long[] into) {
        int n = readClosing(openIo(pid), buffer);
        return n >= 0 && ProcParsers.parseIo(buffer, n, into);
    }

    /** {@code /proc/TGID/task/TID/io}, one thread's counters, or null when it is gone or unreadable. */
    public ProcessIo threadIo(int tgid, int tid) {
        return io(read(tgid, tid, "io", buffer));
    }

    /** The thread group of {@code tid}, or -1 when the task is gone. */
    public int tgidOf(int tid) {
        int n = status(tid);
        return n < 0 ? -1 : ProcParsers.parseStatusTgid(buffer, n);
    }

    /** The parent of process {@code pid}, or -1 when it is gone. */
    public int ppidOf(int pid) {
        int n = status(pid);
        return n < 0 ? -1 : ProcParsers.parseStatusPpid(buffer, n);
    }

    /**
     * The parent of process {@code pid}, or -1 when it is gone or being reaped (state {@code X}:
     * its parent's /proc/PID/io may already hold its I/O, though its entry is not yet removed).
     */
    public int ppidUnlessReaped(int pid) {
        int n = status(pid);
        return n < 0 || ProcParsers.parseStatusState(buffer, n) == 'X' ? -1 : ProcParsers.parseStatusPpid(buffer, n);
    }

    /**
     * This process's PID, from {@code /proc/self/stat}, or -1. (ProcessHandle would cost start-up
     * a thread pool and classes that a run never needs otherwise.)
     */
    public int selfPid() {
        int n = read(0, 0, "self/stat", buffer);
        long pid = n < 0 ? -1 : ProcParsers.parseDecimalPrefix(buffer, n);
        return pid > 0 && pid <= Integer.MAX_VALUE ? (int) pid : -1;
    }

    /** How many descriptors this process has open (the entries of its {@code fd} folder), or -1. */
    public int openDescriptors() {
        int self = selfPid();
        return self < 0 ? -1 : entries(self, "fd");
    }

    /** System-wide block-layer traffic, or null when /proc/vmstat lacks it. */
    public VmCounters vmstat() {
        return vmstat(readClosing(openVmstat(), buffer));
    }

    /** {@code kernel.task_delayacct}: true or false, or null when the sysctl does not exist. */
    public Boolean taskDelayAcct() {
        return onOff(readClosing(openTaskDelayAcct(), buffer));
    }

    // Descriptors kept open by the caller (see KeptFiles): each read is a pread from the start,
    // and a descriptor of /proc/PID reads that one process only, failing once it is gone.

    /** Opens /proc/PID/io; the descriptor, or -1. */
    int openIo(int pid) {
        begin();
        id(pid);
        name("io");
        return open(0);
    }

    /** Opens /proc/vmstat; the descriptor, or -1. */
    int openVmstat() {
        begin();
        name("vmstat");
        return open(0);
    }

    /** Opens {@code kernel.task_delayacct}; the descriptor, or -1. */
    int openTaskDelayAcct() {
        begin();
        name("sys");
        name("kernel");
        name("task_delayacct");
        return open(0);
    }

    /** As {@link #processIo(int, long[])}, from a descriptor of {@link #openIo}. */
    boolean readIo(int fd, long[] into) {
        int n = readAll(fd, buffer, true);
        return n >= 0 && ProcParsers.parseIo(buffer, n, into);
    }

    /** As {@link #vmstat()}, from a descriptor of {@link #openVmstat}. */
    VmCounters readVmstat(int fd) {
        return vmstat(readAll(fd, buffer, true));
    }

    /** As {@link #taskDelayAcct()}, from a descriptor of {@link #openTaskDelayAcct}. */
    Boolean readTaskDelayAcct(int fd) {
        return onOff(readAll(fd, buffer, true));
    }

    /** The first {@code n} bytes of the buffer as an io file; null when {@code n} is -1 (not read). */
    private ProcessIo io(int n) {
        return n < 0 ? null : ProcParsers.parseIo(buffer, n);
    }

    private VmCounters vmstat(int n) {
        return n < 0 ? null : ProcParsers.parseVmstat(buffer, n);
    }

    private Boolean onOff(int n) {
        long v = n < 0 ? -1 : ProcParsers.parseNumberFile(buffer, n);
        return v < 0 ? null : v != 0;
    }

    void close(int fd) {
        libc.close(fd);
    }

    /** Turns {@code kernel.task_delayacct} on or off (root only). */
    public void setTaskDelayAcct(boolean on) throws IOException {
        Files.writeString(root.resolve("sys/kernel/task_delayacct"), on ? "1\n" : "0\n");
    }

    /** {@code kernel.pid_max}, or 32768 when it cannot be read. */
    public int pidMax() {
        long v = number("sys", "kernel", "pid_max");
        return v <= 0 || v > Integer.MAX_VALUE ? 32768 : (int) v;
    }

    private long number(String sys, String kernel, String name) {
        begin();
        name(sys);
        name(kernel);
        name(name);
        int n = read(buffer);
        return n < 0 ? -1 : ProcParsers.parseNumberFile(buffer, n);
    }

    private int status(int pid) {
        begin();
        id(pid);
        name("status");
        return read(buffer);
    }

    /** Reads the file at the path built into {@code into}, up to its size; the length read, or -1. */
    private int read(byte[] into) {
        return readClosing(open(0), into);
    }

    /** Reads {@code fd} (-1: none) into {@code into} from its start, then closes it; the length read, or -1. */
    private int readClosing(int fd, byte[] into) {
        if (fd < 0) {
            return -1;
        }
        try {
            return readAll(fd, into, false);
        } finally {
            libc.close(fd);
        }
    }

    /**
     * Reads {@code fd} into {@code into}, up to its size: from its position, or from its start when
     * {@code fromStart} (a descriptor kept open for /proc); the length read, or -1.
     */
    private int readAll(int fd, byte[] into, boolean fromStart) {
        int n = 0;
        while (n < into.length) {
            long size = Math.min(data.byteSize(), into.length - n);
            long got = fromStart ? libc.pread(fd, data, size, n) : libc.read(fd, data, size);
            if (got < 0 && libc.errno() == Errno.EINTR) {
                continue;
            }
            if (got < 0) {
                return -1; // the task went away after the open, or the file is not for us (/proc/1/io)
            }
            if (got == 0) {
                break;
            }
            dataBytes.get(0, into, n, (int) got);
            n += (int) got;
            if (fromStart && got < size) {
                break; // a /proc file fills a read until its records end: no second call to learn that
            }
        }
        return n;
    }
}
