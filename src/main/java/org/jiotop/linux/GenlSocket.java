package org.jiotop.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A bound generic-netlink socket with the TASKSTATS family resolved. Not thread-safe: each user
 * (the query socket, the exit listener) has its own, and sends and receives from one thread at a
 * time; {@link #awaitReadable} and {@link #wakeReceiver()} may be called from another thread.
 */
final class GenlSocket implements AutoCloseable {
    static final int AF_NETLINK = 16;
    private static final int SOCK_RAW = 3;
    /** The kernel defines it as O_CLOEXEC. */
    static final int SOCK_CLOEXEC = Libc.O_CLOEXEC;
    private static final int NETLINK_GENERIC = 16;
    static final int SOL_SOCKET = 1;
    static final int SO_RCVBUF = 8;
    static final int SO_RCVBUFFORCE = 33;
    static final int MSG_DONTWAIT = 0x40;
    /** Set in a received message's flags when the datagram was longer than the buffer. */
    static final int MSG_TRUNC = 0x20;
    private static final short POLLIN = 1;
    private static final int NLMSG_NOOP = 1;
    private static final int SOCKADDR_NL_SIZE = KernelLayouts.SOCKADDR_NL_SIZE;

    final Libc libc = new Libc();
    final Arena arena = Arena.ofShared();
    private final int fd;
    private int familyId;
    private int nextSeq = 1;
    private final Libc poller = new Libc();
    private MemorySegment pollfd;
    private MemorySegment timeout;

    private GenlSocket(int fd) {
        this.fd = fd;
    }

    /**
     * Opens a socket whose receive buffer holds {@code receiveBufferBytes} (the kernel doubles it
     * for bookkeeping) and resolves TASKSTATS. Fails with ENOENT when the kernel has no taskstats
     * (no CONFIG_TASKSTATS, or a network namespace without it).
     */
    static GenlSocket open(int receiveBufferBytes) throws KernelException {
        Libc libc = new Libc();
        int fd = libc.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
        if (fd < 0) {
            throw new KernelException("cannot open a generic netlink socket", libc.errno());
        }
        GenlSocket s = new GenlSocket(fd);
        try {
            MemorySegment addr = s.arena.allocate(KernelLayouts.SOCKADDR_NL);
            GenlCodec.bytes(addr).putShort(KernelLayouts.SOCKADDR_NL_FAMILY, (short) AF_NETLINK);
            if (s.libc.bind(fd, addr, SOCKADDR_NL_SIZE) < 0) {
                throw new KernelException("cannot bind the netlink socket", s.libc.errno());
            }
            MemorySegment size = s.arena.allocate(JAVA_INT);
            GenlCodec.bytes(size).putInt(0, receiveBufferBytes);
            // FORCE passes net.core.rmem_max; it needs CAP_NET_ADMIN, which taskstats needs anyway.
            if (s.libc.setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, size, Integer.BYTES) < 0) {
                s.libc.setsockopt(fd, SOL_SOCKET, SO_RCVBUF, size, Integer.BYTES);
            }
            s.familyId = s.resolveFamily("TASKSTATS");
            return s;
        } catch (KernelException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private int resolveFamily(String name) throws KernelException {
        MemorySegment buf = arena.allocate(256, 8);
        int len = GenlCodec.putFamilyQuery(GenlCodec.bytes(buf), nextSeq(), name);
        if (libc.send(fd, buf, len, 0) < 0) {
            throw new KernelException("cannot ask the netlink controller for " + name, libc.errno());
        }
        // The kernel answers inside send(), so the reply is already queued.
        long got = libc.recv(fd, buf, buf.byteSize(), MSG_DONTWAIT);
        if (got < 0) {
            throw new KernelException("no answer from the netlink controller for " + name, libc.errno());
        }
        int id = GenlCodec.familyIdOf(GenlCodec.bytes(buf), (int) got);
        if (id < 0) {
            throw new KernelException("the kernel has no " + name + " netlink family", -id);
        }
        if (id == 0) {
            throw new KernelException("the netlink controller's answer for " + name + " holds no family id", 0);
        }
        return id;
    }

    int familyId() {
        return familyId;
    }

    int nextSeq() {
        return nextSeq++;
    }

    /**
     * Waits up to {@code millis} until something can be received (or an error, such as ENOBUFS,
     * is pending); whether it can. For one waiting thread, which may be another than the one that
     * receives: it has its own errno capture, so the receiver's errno is never overwritten.
     */
    boolean awaitReadable(int millis) {
        if (pollfd == null) {
            pollfd = arena.allocate(KernelLayouts.POLLFD);
            GenlCodec.bytes(pollfd).putInt(KernelLayouts.POLLFD_FD, fd).putShort(KernelLayouts.POLLFD_EVENTS, POLLIN);
            timeout = arena.allocate(KernelLayouts.TIMESPEC);
        }
        GenlCodec.bytes(pollfd).putShort(KernelLayouts.POLLFD_REVENTS, (short) 0);
        GenlCodec.bytes(timeout).putLong(KernelLayouts.TIMESPEC_SEC, millis / 1000)
                .putLong(KernelLayouts.TIMESPEC_NSEC, millis % 1000 * 1_000_000L);
        return poller.ppoll(pollfd, timeout) > 0;
    }

    /** send(2); the byte count, or -1 with {@link #errno()} set. Retries on EINTR. */
    long send(MemorySegment buf, long len) {
        long sent;
        do {
            sent = libc.send(fd, buf, len, 0);
        } while (sent < 0 && libc.errno() == Errno.EINTR);
        return sent;
    }

    /** recv(2); the byte count, or -1 with {@link #errno()} set. */
    long recv(MemorySegment buf, int flags) {
        return libc.recv(fd, buf, buf.byteSize(), flags);
    }

    /** recvmmsg(2); the number of datagrams received, or -1 with {@link #errno()} set. */
    int recvMany(MemorySegment msgvec, int vlen, int flags) {
        return libc.recvmmsg(fd, msgvec, vlen, flags);
    }

    int errno() {
        return libc.errno();
    }

    /**
     * Sends an empty message ({@code NLMSG_NOOP}) to this socket itself, so that a thread blocked
     * in {@link #recv} returns. Called from another thread than the receiving one, so it uses its
     * own errno capture. Sending to a netlink port needs CAP_NET_ADMIN, as taskstats does.
     * It never waits: a send to a full receive buffer would block until the receiver reads, and
     * the receiver may be the very thread that is stopping; a full buffer wakes it anyway.
     *
     * @return whether the message went out, or the buffer was full so a receiver has data to wake for
     */
    boolean wakeReceiver() {
        Libc own = new Libc();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment self = a.allocate(KernelLayouts.SOCKADDR_NL);
            MemorySegment length = a.allocate(JAVA_INT);
            GenlCodec.bytes(length).putInt(0, SOCKADDR_NL_SIZE);
            if (own.getsockname(fd, self, length) < 0) {
                return false;
            }
            MemorySegment message = a.allocate(KernelLayouts.NLMSGHDR);
            GenlCodec.bytes(message).putInt(KernelLayouts.NLMSGHDR_LEN, GenlCodec.NLMSG_HDRLEN)
                    .putShort(KernelLayouts.NLMSGHDR_TYPE, (short) NLMSG_NOOP);
            long sent = own.sendTo(fd, message, GenlCodec.NLMSG_HDRLEN, MSG_DONTWAIT, self, SOCKADDR_NL_SIZE);
            return sent == GenlCodec.NLMSG_HDRLEN || own.errno() == Errno.EAGAIN;
        }
    }

    @Override
    public void close() {
        libc.close(fd);
        arena.close();
    }

    @Override
    public String toString() {
        return "fd=" + fd + ", family=" + familyId;
    }
}
