package org.jiotop.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * Reads a kernel file named by raw bytes, never more than a fixed size. A cgroup's name may hold
 * any byte but '/' and NUL, which a {@link java.nio.file.Path} cannot always carry (it decodes
 * names in the locale's charset, and fails on bytes the charset lacks), so the name goes to
 * open(2) as it came. One instance per thread: its buffers are kept from one read to the next.
 */
final class BoundedFile {
    private static final int CHUNK = 16 * 1024;

    /** One byte over the limit, so that a file longer than it is told from one that fills it. */
    private final byte[] content;
    private Libc libc;
    private MemorySegment path;
    private MemorySegment data;

    BoundedFile(int limit) {
        this.content = new byte[limit + 1];
    }

    /**
     * Reads the file at {@code name}: the number of bytes read into {@link #content()}, which is
     * {@code limit + 1} when the file is longer than the limit (only the limit's worth is then
     * meaningful), or -1 when it does not exist or cannot be read.
     */
    int read(byte[] name) {
        if (name.length >= Libc.PATH_MAX) {
            return -1;
        }
        for (byte b : name) {
            if (b == 0) {
                return -1; // the kernel would open the shorter path that ends at it
            }
        }
        begin();
        MemorySegment.copy(name, 0, path, JAVA_BYTE, 0, name.length);
        path.asSlice(name.length, 1).fill((byte) 0);
        int fd = libc.open(path, Libc.O_NONBLOCK | Libc.O_CLOEXEC);
        if (fd < 0) {
            return -1;
        }
        try {
            return readAll(fd);
        } finally {
            libc.close(fd);
        }
    }

    /** What the last {@link #read} read. */
    byte[] content() {
        return content;
    }

    private int readAll(int fd) {
        int n = 0;
        while (n < content.length) {
            long got = libc.read(fd, data, Math.min(data.byteSize(), content.length - n));
            if (got < 0 && libc.errno() == Errno.EINTR) {
                continue;
            }
            if (got < 0) {
                return -1;
            }
            if (got == 0) {
                break;
            }
            MemorySegment.copy(data, JAVA_BYTE, 0, content, n, (int) got);
            n += (int) got;
        }
        return n;
    }

    // Made on first use, so that a run that never reads a cgroup never starts the FFM linker.
    private void begin() {
        if (libc == null) {
            libc = new Libc();
            MemorySegment memory = Arena.ofAuto().allocate(Libc.PATH_MAX + Math.min(content.length, CHUNK));
            path = memory.asSlice(0, Libc.PATH_MAX);
            data = memory.asSlice(Libc.PATH_MAX);
        }
    }
}
