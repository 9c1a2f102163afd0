package org.jiotop.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * A netlink socket subscribed to the kernel's process events (fork, exec, exit, ...), read only
 * when asked and never waiting: the kernel queues events in the socket's receive buffer between
 * reads, and when that buffer is full it drops them and says ENOBUFS once, which is counted. Not
 * thread-safe.
 */
final class ProcEventSocket implements AutoCloseable {
    private static final int SOCK_DGRAM = 2;
    /**
     * Events are taken up to SLOTS datagrams per recvmmsg(2). A datagram holds one event of under
     * 100 bytes (netlink and connector headers, then {@code struct proc_event}); a slot has room
     * to spare should the kernel's union grow.
     */
    private static final int SLOTS = 64;
    private static final int SLOT_SIZE = 256;
    private static final int MMSGHDR_SIZE = KernelLayouts.MMSGHDR_SIZE;
    private static final int IOVEC_SIZE = KernelLayouts.IOVEC_SIZE;

    private final Libc libc = new Libc();
    private final Arena arena = Arena.ofShared();
    private final int fd;
    private final MemorySegment slots;
    private final MemorySegment vector;
    private final ByteBuffer vectorBytes;
    private final ByteBuffer slotBytes;
    private final byte[] vectorCopy = new byte[SLOTS * MMSGHDR_SIZE];
    private final byte[] datagrams = new byte[SLOTS * SLOT_SIZE];
    private long overflows;
    private long truncated;
    private boolean listening;

    private ProcEventSocket(int fd) {
        this.fd = fd;
        this.slots = arena.allocate((long) SLOTS * SLOT_SIZE, 8);
        this.vector = arena.allocate((long) SLOTS * (MMSGHDR_SIZE + IOVEC_SIZE), 8);
        this.vectorBytes = GenlCodec.bytes(vector);
        this.slotBytes = GenlCodec.bytes(slots);
        long iovecs = vector.address() + (long) SLOTS * MMSGHDR_SIZE;
        for (int m = 0; m < SLOTS; m++) {
            int header = m * MMSGHDR_SIZE;
            int iovec = SLOTS * MMSGHDR_SIZE + m * IOVEC_SIZE;
            vectorBytes.putLong(header + KernelLayouts.MMSGHDR_IOV, iovecs + (long) m * IOVEC_SIZE)
                    .putLong(header + KernelLayouts.MMSGHDR_IOVLEN, 1)
                    .putLong(iovec + KernelLayouts.IOVEC_BASE, slots.address() + (long) m * SLOT_SIZE)
                    .putLong(iovec + KernelLayouts.IOVEC_LEN, SLOT_SIZE);
        }
    }

    /**
     * Opens a socket bound to the process-events group, with a receive buffer of
     * {@code receiveBufferBytes} (the kernel doubles it for bookkeeping), and asks the kernel to
     * start sending. Events that come before the kernel's answer are queued like any other.
     *
     * @throws KernelException when the socket cannot be opened or bound, or the request not sent
     */
    static ProcEventSocket open(int receiveBufferBytes) throws KernelException {
        Libc libc = new Libc();
        int fd = libc.socket(GenlSocket.AF_NETLINK, SOCK_DGRAM | GenlSocket.SOCK_CLOEXEC,
                ProcEventLayout.NETLINK_CONNECTOR);
        if (fd < 0) {
            throw new KernelException("cannot open a netlink connector socket", libc.errno());
        }
        ProcEventSocket s;
        try {
            s = new ProcEventSocket(fd);
        } catch (RuntimeException | Error e) {
            libc.close(fd); // its buffers could not be had: the descriptor is not left open
            throw e;
        }
        try {
            MemorySegment addr = s.arena.allocate(KernelLayouts.SOCKADDR_NL);
            GenlCodec.bytes(addr).putShort(KernelLayouts.SOCKADDR_NL_FAMILY, (short) GenlSocket.AF_NETLINK)
                    .putInt(KernelLayouts.SOCKADDR_NL_GROUPS, ProcEventLayout.CN_IDX_PROC);
            if (s.libc.bind(fd, addr, KernelLayouts.SOCKADDR_NL_SIZE) < 0) {
                throw new KernelException("cannot join the process-events group", s.libc.errno());
            }
            MemorySegment size = s.arena.allocate(Integer.BYTES, Integer.BYTES);
            GenlCodec.bytes(size).putInt(0, receiveBufferBytes);
            // FORCE passes net.core.rmem_max; it needs CAP_NET_ADMIN, which the events need anyway.
            if (s.libc.setsockopt(fd, GenlSocket.SOL_SOCKET, GenlSocket.SO_RCVBUFFORCE, size, Integer.BYTES) < 0) {
                s.libc.setsockopt(fd, GenlSocket.SOL_SOCKET, GenlSocket.SO_RCVBUF, size, Integer.BYTES);
            }
            s.request(ProcEventLayout.PROC_CN_MCAST_LISTEN);
            s.listening = true;
            return s;
        } catch (KernelException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void request(int op) throws KernelException {
        byte[] message = new byte[ProcEventCodec.REQUEST_SIZE];
        int length = ProcEventCodec.putRequest(message, op);
        slotBytes.put(0, message, 0, length);
        long sent;
        do {
            sent = libc.send(fd, slots, length, 0);
        } while (sent < 0 && libc.errno() == Errno.EINTR);
        if (sent < 0) {
            throw new KernelException("cannot ask for process events", libc.errno());
        }
    }

    /**
     * Hands every event queued in the socket to {@code sink}, without waiting for more, and stops
     * after {@code limit} datagrams so that a flood cannot hold the caller forever.
     *
     * @return the datagrams received
     */
    int receive(ProcEventCodec.Sink sink, int limit) throws KernelException {
        int total = 0;
        while (total < limit) {
            int got = libc.recvmmsg(fd, vector, SLOTS, GenlSocket.MSG_DONTWAIT);
            if (got < 0) {
                int errno = libc.errno();
                if (errno == Errno.ENOBUFS) {
                    overflows++; // said once per overflow; what is still queued can be read
                    continue;
                }
                if (errno == Errno.EINTR) {
                    continue;
                }
                if (errno == Errno.EAGAIN) {
                    return total;
                }
                throw new KernelException("process events", errno);
            }
            vectorBytes.get(0, vectorCopy, 0, got * MMSGHDR_SIZE);
            slotBytes.get(0, datagrams, 0, got * SLOT_SIZE);
            for (int m = 0; m < got; m++) {
                int flags = LittleEndian.i32(vectorCopy, m * MMSGHDR_SIZE + KernelLayouts.MMSGHDR_FLAGS);
                if ((flags & GenlSocket.MSG_TRUNC) != 0) {
                    truncated++;
                    continue;
                }
                int length = LittleEndian.i32(vectorCopy, m * MMSGHDR_SIZE + KernelLayouts.MMSGHDR_LEN);
                ProcEventCodec.decode(datagrams, m * SLOT_SIZE, length, sink);
            }
            total += got;
        }
        return total;
    }

    /** How many times the receive buffer overflowed and the kernel dropped events. */
    long overflows() {
        return overflows;
    }

    /** Datagrams larger than a slot, skipped: their events count as lost. */
    long truncated() {
        return truncated;
    }

    @Override
    public void close() {
        // The kernel counts listeners by these requests and sends events while any is left; older
        // kernels count an IGNORE down even from a socket that never listened.
        if (listening) {
            try {
                request(ProcEventLayout.PROC_CN_MCAST_IGNORE);
            } catch (KernelException e) {
                // Nothing more to do: the socket goes anyway.
            }
        }
        libc.close(fd);
        arena.close();
    }
}
