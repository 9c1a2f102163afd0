package org.jiotop.linux;

import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receives the kernel's taskstats exit notifications: one message per exiting thread, with its
 * final counters. A dedicated thread reads them into a queue that each scan drains, so a task that
 * lived and died between two scans is still accounted. When the socket's receive buffer overflows
 * the kernel drops messages and says only ENOBUFS; those overflows are counted.
 *
 * <p>The kernel queues a thread's report on the socket as the thread exits, before the task can
 * be reaped and leave /proc. {@link #drain} takes whatever the socket holds at that moment as well
 * as what the reader thread already took, so a scan that drains after reading /proc knows the
 * report of every task that had ended by then.
 */
public final class ExitListener implements AutoCloseable {
    public static final int DEFAULT_RECEIVE_BUFFER = 8 << 20;
    private static final int REGISTER_CPUMASK = 3;
    private static final int DEREGISTER_CPUMASK = 4;
    /** What a queued report holds on the heap: its queue node, TaskExit, TaskSample, LogicalIo and name. */
    static final int QUEUED_REPORT_BYTES = 256;
    /**
     * Reports queued for the next scan at most. A scan held up (its output blocked on a pipe nobody
     * reads, the live view waiting in the background) lets them pile up, thousands a second on a
     * busy machine: they may fill a quarter of the heap's ceiling, and the rest are dropped and
     * counted as lost, as the kernel's own overflows are, rather than end jiotop out of memory.
     */
    static final int MAX_QUEUED = (int) Math.min(1 << 20,
            Runtime.getRuntime().maxMemory() / 4 / QUEUED_REPORT_BYTES);
    /**
     * The reader waits in poll() until a report comes, or until close() wakes it with a message
     * to its own socket. After this long it looks at the socket anyway, so that the last time the
     * socket was found empty stays within {@link TaskId#EXIT_REPORT_DELAY_NANOS} of any report
     * read while jiotop runs.
     */
    private static final int POLL_MILLIS = 1000;
    /** Datagrams the reader takes per turn, so a drain waiting for the lock is not held up by a flood. */
    private static final int READER_TURN = 256;
    /** A drain stops after this many datagrams even if the kernel keeps sending. */
    private static final int DRAIN_LIMIT = 1 << 20;

    private final GenlSocket socket;
    private final String cpus;
    private final ConcurrentLinkedQueue<TaskExit> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong overflows = new AtomicLong();
    private final Thread reader;
    private volatile boolean stopping;
    /**
     * Held while receiving from the socket and queuing what came: a drain that holds it sees
     * every report either queued or still in the socket, never one in between.
     */
    private final Object receiving = new Object();
    private final MemorySegment buf;
    private final List<NetlinkReply> replies = new ArrayList<>();
    /** When a receive last found the socket empty (guarded by {@link #receiving}): later reports came after it. */
    private long emptySince = System.nanoTime();

    private ExitListener(GenlSocket socket, String cpus) {
        this.socket = socket;
        this.cpus = cpus;
        this.buf = socket.arena.allocate(64 * 1024, 8);
        this.reader = Thread.ofPlatform().daemon().name("jiotop-exits").unstarted(this::read);
    }

    /**
     * Registers for the exits on {@code cpus} (a kernel CPU list such as {@code 0-3}) and starts
     * reading them.
     *
     * @throws KernelException EPERM without CAP_NET_ADMIN, or when the kernel refuses the CPU list
     */
    public static ExitListener start(String cpus, int receiveBufferBytes) throws KernelException {
        GenlSocket socket = GenlSocket.open(receiveBufferBytes);
        try {
            ExitListener l = new ExitListener(socket, cpus);
            l.request(REGISTER_CPUMASK, true);
            l.reader.start();
            return l;
        } catch (KernelException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The CPUs the kernel could ever run tasks on, from sysfs under {@code sysRoot}. */
    public static String possibleCpus(Path sysRoot) {
        try {
            String list = Files.readString(sysRoot.resolve("devices/system/cpu/possible")).strip();
            if (!list.isEmpty() && list.chars().allMatch(c -> (c >= '0' && c <= '9') || c == ',' || c == '-')) {
                return list;
            }
        } catch (Exception e) {
            // fall back below
        }
        return "0-" + (Runtime.getRuntime().availableProcessors() - 1);
    }

    private void request(int attribute, boolean awaitAck) throws KernelException {
        MemorySegment buf = socket.arena.allocate(4096, 8);
        int total = GenlCodec.putStringRequest(GenlCodec.bytes(buf), socket.familyId(),
                GenlCodec.NLM_F_REQUEST | GenlCodec.NLM_F_ACK, socket.nextSeq(), GenlCodec.TASKSTATS_CMD_GET, attribute,
                cpus);
        if (socket.send(buf, total) < 0) {
            throw new KernelException("taskstats exit registration", socket.errno());
        }
        if (!awaitAck) {
            return;
        }
        long got = socket.recv(buf, GenlSocket.MSG_DONTWAIT);
        if (got < 0) {
            throw new KernelException("taskstats exit registration", socket.errno());
        }
        List<NetlinkReply> replies = new ArrayList<>();
        GenlCodec.decode(buf, (int) got, socket.familyId(), replies);
        for (NetlinkReply r : replies) {
            if (r instanceof NetlinkReply.Error e && e.errno() != 0) {
                throw new KernelException("taskstats exit registration for CPUs " + cpus, e.errno());
            }
        }
    }

    private void read() {
        while (!stopping) {
            socket.awaitReadable(POLL_MILLIS);
            synchronized (receiving) {
                receiveQueued(READER_TURN);
            }
        }
    }

    /** Receives up to {@code limit} datagrams without waiting, until the socket is empty. */
    private void receiveQueued(int limit) {
        for (int n = 0; n < limit; n++) {
            long asked = System.nanoTime();
            long got = socket.recv(buf, GenlSocket.MSG_DONTWAIT);
            long now = System.nanoTime();
            if (got < 0) {
                int errno = socket.errno();
                if (errno == Errno.ENOBUFS) {
                    overflows.incrementAndGet();
                    continue; // the kernel says so once; what is still queued can be read
                }
                if (errno == Errno.EINTR) {
                    continue;
                }
                if (errno == Errno.EAGAIN) {
                    emptySince = asked;
                }
                return;
            }
            long wallMinusMonotonic = System.currentTimeMillis() * 1_000_000 - now;
            replies.clear();
            GenlCodec.decode(buf, (int) got, socket.familyId(), true, replies);
            for (NetlinkReply r : replies) {
                if (r instanceof NetlinkReply.Stats s && !s.tgid()) {
                    enqueue(s.stats(), TaskId.exitStartNanos(now, emptySince, wallMinusMonotonic,
                            s.stats().elapsedMicros(), s.stats().startSeconds()));
                }
            }
        }
    }

    private void enqueue(TaskStats s, long startNanos) {
        if (queued.get() >= MAX_QUEUED) {
            overflows.incrementAndGet(); // nobody drains: drop rather than grow without bound
            return;
        }
        int tgid = s.tgid() > 0 ? s.tgid() : s.id();
        TaskSample last = new TaskSample(s.id(), tgid, s.ppid(), startNanos, s.uid(),
                false, s.readBytes(), s.writeBytes(), s.cancelledWriteBytes(), s.blkioDelayNanos(),
                s.swapinDelayNanos(), LogicalIo.chars(s.readChars(), s.writeChars()));
        queue.add(new TaskExit(last, s.name()));
        queued.incrementAndGet();
    }

    /**
     * Moves into {@code into} every exit report the kernel sent before this call (those it dropped
     * are counted in {@link #overflows}).
     */
    public void drain(List<TaskExit> into) {
        synchronized (receiving) {
            receiveQueued(DRAIN_LIMIT);
        }
        for (TaskExit e; (e = queue.poll()) != null; ) {
            queued.decrementAndGet();
            into.add(e);
        }
    }

    /**
     * How many times reports were lost since the start: receive buffer overflows, and reports past
     * {@link #MAX_QUEUED}.
     */
    public long overflows() {
        return overflows.get();
    }

    @Override
    public void close() {
        stopping = true;
        socket.wakeReceiver();
        // Closing from an interrupted thread still waits for the reader, then keeps the interrupt.
        boolean interrupted = Thread.interrupted();
        try {
            reader.join(POLL_MILLIS + 500);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (!reader.isAlive()) {
            try {
                request(DEREGISTER_CPUMASK, false);
            } catch (KernelException e) {
                // The kernel drops the registration with the socket anyway.
            }
            socket.close();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
