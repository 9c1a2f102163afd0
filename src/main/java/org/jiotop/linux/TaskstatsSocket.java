package org.jiotop.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * A generic-netlink socket speaking TASKSTATS. Queries are batched: many requests go out in one
 * {@code send()}, the kernel answers all of them inside that call, and the replies are drained
 * without blocking. When the receive buffer overflows the kernel drops replies silently (one
 * ENOBUFS is all it says); the requests left unanswered are then asked again in smaller batches,
 * so a lost reply is never mistaken for a task that did no I/O.
 */
public final class TaskstatsSocket implements AutoCloseable {
    private static final int AF_NETLINK = 16;
    private static final int SOCK_RAW = 3;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int NETLINK_GENERIC = 16;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVBUF = 8;
    private static final int SO_RCVBUFFORCE = 33;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int RECV_BUFFER = 64 * 1024;

    public static final int DEFAULT_BATCH = 256;
    public static final int DEFAULT_RECEIVE_BUFFER = 1 << 20;

    private final Libc libc = new Libc();
    private final Arena arena = Arena.ofShared();
    private final int fd;
    private int familyId;
    private final int batchSize;
    private final MemorySegment sendBuf;
    private final MemorySegment recvBuf;
    private final List<NetlinkReply> replies = new ArrayList<>();
    private int nextSeq = 1;
    private long overflows;

    private TaskstatsSocket(int fd, int batchSize) {
        this.fd = fd;
        this.batchSize = batchSize;
        this.sendBuf = arena.allocate((long) batchSize * GenlCodec.QUERY_SIZE, 8);
        this.recvBuf = arena.allocate(RECV_BUFFER, 8);
    }

    /** Opens the socket with the default batch size and receive buffer. */
    public static TaskstatsSocket open() throws KernelException {
        return open(DEFAULT_BATCH, DEFAULT_RECEIVE_BUFFER);
    }

    /**
     * Opens a socket and resolves the TASKSTATS family. Fails with ENOENT when the kernel has no
     * taskstats (no CONFIG_TASKSTATS, or a network namespace without it).
     */
    public static TaskstatsSocket open(int batchSize, int receiveBufferBytes) throws KernelException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize);
        }
        Libc libc = new Libc();
        int fd = libc.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
        if (fd < 0) {
            throw new KernelException("cannot open a generic netlink socket", libc.errno());
        }
        TaskstatsSocket s = new TaskstatsSocket(fd, batchSize);
        try {
            MemorySegment addr = s.arena.allocate(12, 4);
            addr.set(JAVA_SHORT, 0, (short) AF_NETLINK);
            if (libc.bind(fd, addr, 12) < 0) {
                throw new KernelException("cannot bind the netlink socket", libc.errno());
            }
            MemorySegment size = s.arena.allocate(JAVA_INT);
            size.set(JAVA_INT, 0, receiveBufferBytes);
            // FORCE passes net.core.rmem_max; it needs CAP_NET_ADMIN, which taskstats needs anyway.
            if (libc.setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, size, 4) < 0) {
                libc.setsockopt(fd, SOL_SOCKET, SO_RCVBUF, size, 4);
            }
            s.familyId = s.resolveFamily("TASKSTATS");
            return s;
        } catch (KernelException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private int resolveFamily(String name) throws KernelException {
        int len = GenlCodec.putFamilyQuery(recvBuf, nextSeq++, name);
        if (libc.send(fd, recvBuf, len, 0) < 0) {
            throw new KernelException("cannot ask the netlink controller for " + name, libc.errno());
        }
        long got = libc.recv(fd, recvBuf, RECV_BUFFER, MSG_DONTWAIT);
        if (got < 0) {
            throw new KernelException("no answer from the netlink controller for " + name, libc.errno());
        }
        int id = GenlCodec.familyIdOf(recvBuf, (int) got);
        if (id < 0) {
            throw new KernelException("the kernel has no " + name + " netlink family", -id);
        }
        if (id == 0) {
            throw new KernelException("the netlink controller's answer for " + name + " holds no family id", 0);
        }
        return id;
    }

    public int familyId() {
        return familyId;
    }

    /** How many times the receive buffer overflowed (and lost replies were asked again). */
    public long overflows() {
        return overflows;
    }

    /**
     * Asks for the statistics of {@code ids[0..count)}: per task, or per thread group when
     * {@code tgid}. {@code into[i]} receives the reply for {@code ids[i]}, or null when the task is
     * gone (ESRCH) or the kernel refused that one query; {@code sampledAt[i]} receives the
     * monotonic time just after the kernel produced it.
     *
     * @throws KernelException EPERM without CAP_NET_ADMIN, or when the kernel stops answering
     */
    public void query(int[] ids, int count, boolean tgid, TaskStats[] into, long[] sampledAt) throws KernelException {
        boolean[] answered = new boolean[count];
        int[] pending = new int[count];
        for (int i = 0; i < count; i++) {
            pending[i] = i;
        }
        int pendingCount = count;
        int batch = batchSize;
        while (pendingCount > 0) {
            boolean overflowed = false;
            for (int from = 0; from < pendingCount; from += batch) {
                int to = Math.min(pendingCount, from + batch);
                overflowed |= exchange(ids, pending, from, to, tgid, into, sampledAt, answered);
            }
            int left = 0;
            for (int k = 0; k < pendingCount; k++) {
                if (!answered[pending[k]]) {
                    pending[left++] = pending[k];
                }
            }
            if (left > 0) {
                if (overflowed) {
                    overflows++;
                } else if (batch == 1) {
                    throw new KernelException("the kernel did not answer a taskstats query for " + ids[pending[0]], 0);
                }
                batch = Math.max(1, batch / 2);
            }
            pendingCount = left;
        }
    }

    /** Sends one batch and drains its replies; true when the receive buffer overflowed. */
    private boolean exchange(int[] ids, int[] pending, int from, int to, boolean tgid, TaskStats[] into,
                             long[] sampledAt, boolean[] answered) throws KernelException {
        int firstSeq = nextSeq;
        long at = 0;
        for (int k = from; k < to; k++) {
            at += GenlCodec.putQuery(sendBuf, at, familyId, nextSeq++, ids[pending[k]], tgid);
        }
        long sent;
        do {
            sent = libc.send(fd, sendBuf, at, 0);
        } while (sent < 0 && libc.errno() == Errno.EINTR);
        if (sent < 0) {
            throw new KernelException("taskstats query", libc.errno());
        }
        long now = System.nanoTime();
        boolean overflowed = false;
        while (true) {
            long got = libc.recv(fd, recvBuf, RECV_BUFFER, MSG_DONTWAIT);
            if (got < 0) {
                int errno = libc.errno();
                if (errno == Errno.ENOBUFS) {
                    overflowed = true;
                    continue;
                }
                if (errno == Errno.EINTR) {
                    continue;
                }
                if (errno == Errno.EAGAIN) {
                    return overflowed;
                }
                throw new KernelException("taskstats reply", errno);
            }
            replies.clear();
            GenlCodec.decode(recvBuf, (int) got, familyId, replies);
            for (NetlinkReply r : replies) {
                int k = r.seq() - firstSeq + from;
                if (k < from || k >= to) {
                    continue;
                }
                int i = pending[k];
                switch (r) {
                    case NetlinkReply.Stats s -> {
                        into[i] = s.stats();
                        sampledAt[i] = now;
                    }
                    case NetlinkReply.Error e when e.errno() == Errno.EPERM ->
                            throw new KernelException("taskstats query", Errno.EPERM);
                    case NetlinkReply.Error e -> into[i] = null;
                    case NetlinkReply.Malformed m -> into[i] = null;
                }
                answered[i] = true;
            }
        }
    }

    @Override
    public void close() {
        libc.close(fd);
        arena.close();
    }

    @Override
    public String toString() {
        return "TaskstatsSocket[fd=" + fd + ", family=" + familyId + ", batch=" + batchSize + "]";
    }
}
