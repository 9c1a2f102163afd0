package org.jiotop.linux;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * A generic-netlink socket speaking TASKSTATS. Queries are batched: many requests go out in one
 * {@code send()}, the kernel answers all of them inside that call, and the replies are drained
 * without blocking. When the receive buffer overflows the kernel drops replies silently (one
 * ENOBUFS is all it says); the requests left unanswered are then asked again in smaller batches,
 * so a lost reply is never mistaken for a task that did no I/O.
 */
public final class TaskstatsSocket implements AutoCloseable {
    private static final int RECV_BUFFER = 64 * 1024;

    public static final int DEFAULT_BATCH = 256;
    public static final int DEFAULT_RECEIVE_BUFFER = 1 << 20;

    private final GenlSocket socket;
    private final int familyId;
    private final int batchSize;
    private final MemorySegment sendBuf;
    private final MemorySegment recvBuf;
    private final List<NetlinkReply> replies = new ArrayList<>();
    private long overflows;

    private TaskstatsSocket(GenlSocket socket, int batchSize) {
        this.socket = socket;
        this.familyId = socket.familyId();
        this.batchSize = batchSize;
        this.sendBuf = socket.arena.allocate((long) batchSize * GenlCodec.QUERY_SIZE, 8);
        this.recvBuf = socket.arena.allocate(RECV_BUFFER, 8);
    }

    /** Opens the socket with the default batch size and receive buffer. */
    public static TaskstatsSocket open() throws KernelException {
        return open(DEFAULT_BATCH, DEFAULT_RECEIVE_BUFFER);
    }

    /**
     * Opens a socket for queries of up to {@code batchSize} tasks per send().
     *
     * @throws KernelException ENOENT when the kernel has no taskstats
     */
    public static TaskstatsSocket open(int batchSize, int receiveBufferBytes) throws KernelException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize);
        }
        return new TaskstatsSocket(GenlSocket.open(receiveBufferBytes), batchSize);
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
        int firstSeq = -1;
        long at = 0;
        for (int k = from; k < to; k++) {
            int seq = socket.nextSeq();
            firstSeq = firstSeq < 0 ? seq : firstSeq;
            at += GenlCodec.putQuery(sendBuf, at, familyId, seq, ids[pending[k]], tgid);
        }
        if (socket.send(sendBuf, at) < 0) {
            throw new KernelException("taskstats query", socket.errno());
        }
        long now = System.nanoTime();
        boolean overflowed = false;
        while (true) {
            long got = socket.recv(recvBuf, GenlSocket.MSG_DONTWAIT);
            if (got < 0) {
                int errno = socket.errno();
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
        socket.close();
    }

    @Override
    public String toString() {
        return "TaskstatsSocket[" + socket + ", batch=" + batchSize + "]";
    }
}
