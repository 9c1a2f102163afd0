package org.jiotop.linux;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * A generic-netlink socket speaking TASKSTATS. Queries are batched: many requests go out in one
 * {@code send()}, the kernel answers all of them inside that call, and the replies are drained
 * without blocking. When the receive buffer overflows the kernel drops replies silently (one
 * ENOBUFS is all it says); the requests left unanswered are then asked again in smaller batches,
 * so a lost reply is never mistaken for a task that did no I/O.
 */
public final class TaskstatsSocket implements AutoCloseable {
    // Replies are taken up to SLOTS at a time with recvmmsg(2), one datagram per slot: one system
    // call (and one downcall) per 32 replies instead of one each. A reply is well under 1 KiB; one
    // larger than a slot comes back truncated, and the socket then takes one reply per recv() into
    // the whole area, asking again for the replies that were cut.
    private static final int SLOTS = 32;
    private static final int SLOT_SIZE = 4096;
    private static final int MMSGHDR_SIZE = KernelLayouts.MMSGHDR_SIZE;
    private static final int IOVEC_SIZE = KernelLayouts.IOVEC_SIZE;

    public static final int DEFAULT_BATCH = 256;
    public static final int DEFAULT_RECEIVE_BUFFER = 1 << 20;

    private final GenlSocket socket;
    private final int familyId;
    private final int batchSize;
    private final int slotSize;
    private final MemorySegment sendBuf;
    private final MemorySegment recvBuf;
    private final MemorySegment headers;
    private final ByteBuffer sendBytes;
    private final ByteBuffer recvBytes;
    private final ByteBuffer headerBytes;
    private final byte[] requests;
    private final byte[] headerCopy;
    private final byte[] replyBytes;
    private final Replies replies = new Replies();
    private int[] pending = new int[0];
    private long overflows;
    private long askedAgain;
    private long asked;
    private boolean oneAtATime;

    private TaskstatsSocket(GenlSocket socket, int batchSize, int slotSize) {
        this.socket = socket;
        this.familyId = socket.familyId();
        this.batchSize = batchSize;
        this.slotSize = slotSize;
        this.sendBuf = socket.arena.allocate((long) batchSize * GenlCodec.QUERY_SIZE, 8);
        this.recvBuf = socket.arena.allocate(Math.max(SLOTS * slotSize, 64 * 1024), 8);
        this.headers = socket.arena.allocate(SLOTS * (MMSGHDR_SIZE + IOVEC_SIZE), 8);
        this.sendBytes = GenlCodec.bytes(sendBuf);
        this.recvBytes = GenlCodec.bytes(recvBuf);
        this.headerBytes = GenlCodec.bytes(headers);
        this.requests = new byte[batchSize * GenlCodec.QUERY_SIZE];
        this.headerCopy = new byte[SLOTS * MMSGHDR_SIZE];
        this.replyBytes = new byte[(int) recvBuf.byteSize()];
        // SLOTS mmsghdrs, then their iovecs: one each, on slot m of the receive buffer.
        for (int m = 0; m < SLOTS; m++) {
            int iovec = SLOTS * MMSGHDR_SIZE + m * IOVEC_SIZE;
            headerBytes.putLong(m * MMSGHDR_SIZE + KernelLayouts.MMSGHDR_IOV, headers.address() + iovec);
            headerBytes.putLong(m * MMSGHDR_SIZE + KernelLayouts.MMSGHDR_IOVLEN, 1);
            headerBytes.putLong(iovec + KernelLayouts.IOVEC_BASE, recvBuf.address() + (long) m * slotSize);
            headerBytes.putLong(iovec + KernelLayouts.IOVEC_LEN, slotSize);
        }
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
        return open(batchSize, receiveBufferBytes, SLOT_SIZE);
    }

    /** As {@link #open(int, int)}, with replies received into slots of {@code slotSize} bytes. */
    static TaskstatsSocket open(int batchSize, int receiveBufferBytes, int slotSize) throws KernelException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize);
        }
        GenlSocket socket = GenlSocket.open(receiveBufferBytes);
        try {
            return new TaskstatsSocket(socket, batchSize, slotSize);
        } catch (RuntimeException | Error e) {
            socket.close(); // its buffers could not be had: the descriptor is not left open
            throw e;
        }
    }

    /** How many tasks or thread groups were asked about, first asks only. */
    long asked() {
        return asked;
    }

    /** How many times requests were asked again, for whatever reason their replies were missing. */
    long askedAgain() {
        return askedAgain;
    }

    /** Whether a reply came back larger than its slot, so that replies are now received one per recv(). */
    boolean receivesOneAtATime() {
        return oneAtATime;
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
     * {@code tgid}. Row {@code i} of {@code into} receives the reply for {@code ids[i]}, or stays
     * unanswered when the task is gone (ESRCH) or the kernel refused that one query.
     *
     * @throws KernelException EPERM without CAP_NET_ADMIN, or when the kernel stops answering
     */
    public void query(int[] ids, int count, boolean tgid, TaskCounters into) throws KernelException {
        asked += count;
        into.reset(count);
        replies.begin(ids, count, into);
        if (pending.length < count) {
            pending = new int[Math.max(count, pending.length * 2)];
        }
        for (int i = 0; i < count; i++) {
            pending[i] = i;
        }
        int pendingCount = count;
        int batch = batchSize;
        while (pendingCount > 0) {
            boolean overflowed = false;
            boolean truncated = false;
            for (int from = 0; from < pendingCount; from += batch) {
                switch (exchange(ids, from, Math.min(pendingCount, from + batch), tgid)) {
                    case OVERFLOWED -> overflowed = true;
                    case TRUNCATED -> truncated = true;
                    case COMPLETE -> { }
                }
            }
            int left = 0;
            for (int k = 0; k < pendingCount; k++) {
                if (!replies.done[pending[k]]) {
                    pending[left++] = pending[k];
                }
            }
            if (left > 0) {
                askedAgain++;
                if (overflowed) {
                    overflows++;
                } else if (!truncated && batch == 1) {
                    throw new KernelException("the kernel did not answer a taskstats query for " + ids[pending[0]], 0);
                }
                if (overflowed || !truncated) {
                    batch = Math.max(1, batch / 2);
                }
            }
            pendingCount = left;
        }
    }

    /** How the replies of one batch came back. */
    private enum Received { COMPLETE, OVERFLOWED, TRUNCATED }

    /**
     * Sends the requests {@code pending[from..to)} and drains their replies. OVERFLOWED: the receive
     * buffer overflowed; TRUNCATED: a reply did not fit its slot (the socket now receives one reply
     * at a time); either way the requests left unanswered are to be asked again.
     */
    private Received exchange(int[] ids, int from, int to, boolean tgid) throws KernelException {
        int firstSeq = -1;
        int at = 0;
        for (int k = from; k < to; k++) {
            int seq = socket.nextSeq();
            firstSeq = firstSeq < 0 ? seq : firstSeq;
            at += GenlCodec.putQuery(requests, at, familyId, seq, ids[pending[k]], tgid);
        }
        sendBytes.put(0, requests, 0, at);
        if (socket.send(sendBuf, at) < 0) {
            throw new KernelException("taskstats query", socket.errno());
        }
        replies.batch(firstSeq, from, to, System.nanoTime());
        Received outcome = Received.COMPLETE;
        while (true) {
            int got = oneAtATime ? (int) socket.recv(recvBuf, GenlSocket.MSG_DONTWAIT)
                    : socket.recvMany(headers, SLOTS, GenlSocket.MSG_DONTWAIT);
            if (got < 0) {
                int errno = socket.errno();
                if (errno == Errno.ENOBUFS) {
                    outcome = Received.OVERFLOWED;
                    continue;
                }
                if (errno == Errno.EINTR) {
                    continue;
                }
                if (errno == Errno.EAGAIN) {
                    return outcome;
                }
                throw new KernelException("taskstats reply", errno);
            }
            if (oneAtATime) {
                recvBytes.get(0, replyBytes, 0, got);
                GenlCodec.decode(replyBytes, 0, got, familyId, replies);
            } else {
                headerBytes.get(0, headerCopy, 0, got * MMSGHDR_SIZE);
                for (int m = 0; m < got; m++) {
                    int flags = LittleEndian.i32(headerCopy, m * MMSGHDR_SIZE + KernelLayouts.MMSGHDR_FLAGS);
                    if ((flags & GenlSocket.MSG_TRUNC) != 0) {
                        oneAtATime = true;
                        outcome = outcome == Received.OVERFLOWED ? outcome : Received.TRUNCATED;
                    } else {
                        int length = LittleEndian.i32(headerCopy, m * MMSGHDR_SIZE + KernelLayouts.MMSGHDR_LEN);
                        recvBytes.get(m * slotSize, replyBytes, m * slotSize, length);
                        GenlCodec.decode(replyBytes, m * slotSize, length, familyId, replies);
                    }
                }
            }
            if (replies.refused) {
                throw new KernelException("taskstats query", Errno.EPERM);
            }
        }
    }

    /** Puts each reply of the batch in flight into its row, matched by sequence number. */
    private final class Replies implements GenlCodec.Sink {
        private int[] ids;
        private TaskCounters into;
        private boolean[] done = new boolean[0];
        private int firstSeq;
        private int from;
        private int to;
        private long now;
        private boolean refused;

        void begin(int[] ids, int count, TaskCounters into) {
            this.ids = ids;
            this.into = into;
            if (done.length < count) {
                done = new boolean[Math.max(count, done.length * 2)];
            } else {
                java.util.Arrays.fill(done, 0, count, false);
            }
            refused = false;
        }

        void batch(int firstSeq, int from, int to, long now) {
            this.firstSeq = firstSeq;
            this.from = from;
            this.to = to;
            this.now = now;
        }

        /** The row of a reply in the batch in flight, or -1 for a stray reply. */
        private int row(int seq) {
            int k = seq - firstSeq + from;
            return k < from || k >= to ? -1 : pending[k];
        }

        @Override
        public void stats(int seq, boolean tgid, int id, byte[] buf, int struct, int length, TaskstatsLayout layout) {
            int i = row(seq);
            if (i >= 0) {
                // A reply about another task than asked (never seen) counts as no answer.
                if (id == ids[i]) {
                    into.set(i, id, buf, struct, layout, now);
                }
                done[i] = true;
            }
        }

        @Override
        public void error(int seq, int errno) {
            int i = row(seq);
            if (i >= 0) {
                refused |= errno == Errno.EPERM;
                done[i] = true;
            }
        }

        @Override
        public void malformed(int seq, String why) {
            int i = row(seq);
            if (i >= 0) {
                done[i] = true;
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
