package org.jiotop.linux;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Takes {@link Scan}s from /proc alone, for a user that taskstats refuses (it needs CAP_NET_ADMIN)
 * or for {@code --procfs}. Bytes come from {@code /proc/PID/task/TID/io} per thread and
 * {@code /proc/PID/io} per process (which holds the process's exited threads and the children it
 * has reaped), block-I/O delay from field 42 of {@code stat} ({@code delayacct_blkio_ticks}, kept
 * while {@code kernel.task_delayacct} is on). There is no swap-in delay and no exit report: a
 * thread's bytes vanish with it in thread mode, and a process that ends between two scans is seen
 * only through the parent that reaps it. A task whose io file this user may not read (another
 * user's, without both CAP_SYS_PTRACE and CAP_DAC_READ_SEARCH) is left out and counted in the
 * {@link Visibility}, never sampled as idle. A thread scan without delay accounting reads a
 * process of several threads at two levels: its own stat and io first, and its threads' only when
 * those moved since the last scan ({@link #keptThreads}). Another user's process, whose own io
 * could not be read, has its threads tried at once the next time.
 */
public final class ProcfsScanner implements Sampler {
    /** USER_HZ: the unit of the times in /proc/PID/stat on every architecture jiotop runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final int FIELD_PPID = 4;
    private static final int FIELD_START = 22;
    private static final int FIELD_BLKIO_TICKS = 42;

    private final ProcFs proc;
    private final byte[] text = new byte[4096];
    /** The counters of the last io file read, as {@link ProcParsers#parseIo(byte[], int, long[])} puts them. */
    private final long[] io = new long[ProcParsers.IO_COUNTERS];
    /** The same, of the last process's own io file read by a thread scan. */
    private final long[] processIo = new long[ProcParsers.IO_COUNTERS];
    private final ProcessSums sums = new ProcessSums();
    private final IntUnaryOperator listedTid;
    private boolean twoLevel = true;
    private long keptProcesses;
    private long processReads;
    /** The monotonic clock of {@link System#nanoTime()} less the time since boot: where boot lies on it. */
    private final long bootNanos;
    private final SampleDraft draft = new SampleDraft();
    private final ScanBuffers buffers = new ScanBuffers();
    private final Visibility.Why why;
    private Visibility visibility;
    private int[] listed = new int[1024];
    private int count;
    /** Of the processes seen by the scan under way, those whose counters could not be read. */
    private int unreadable;
    private int seen;
    /** The fields of the last stat read: parent, start on the monotonic clock, block-I/O delay. */
    private int ppid;
    private long startNanos;
    private long blkioNanos;

    /** A source used because taskstats was refused. */
    public ProcfsScanner(ProcFs proc) {
        this(proc, Visibility.Why.REFUSED);
    }

    /** {@code why}: why /proc is read rather than taskstats. */
    public ProcfsScanner(ProcFs proc, Visibility.Why why) {
        this.proc = proc;
        this.why = why;
        this.visibility = new Visibility(Visibility.Source.PROCFS, 0, 0, why);
        this.listedTid = proc::listed;
        long now = System.nanoTime();
        int n = proc.read(0, 0, "uptime", text);
        this.bootNanos = now - (n < 0 ? 0 : uptimeNanos(text, n));
    }

    /** The first figure of {@code /proc/uptime} (seconds since boot, to the hundredth) in nanoseconds, or 0. */
    static long uptimeNanos(byte[] uptime, int length) {
        int dot = 0;
        while (dot < length && uptime[dot] != '.') {
            dot++;
        }
        long seconds = ProcParsers.parseDecimalPrefix(uptime, dot);
        long hundredths = dot + 3 <= length ? ProcParsers.parseDecimal(uptime, dot + 1, dot + 3) : 0;
        return seconds < 0 ? 0 : seconds * 1_000_000_000L + Math.max(0, hundredths) * NANOS_PER_TICK;
    }

    @Override
    public Scan threads(int[] only) {
        long now = System.nanoTime();
        boolean delays = delayAccounting();
        ScanSamples tasks = begin(false);
        boolean keep = twoLevel && only == null && !delays;
        sums.begin();
        for (int pid : only == null ? proc.pids() : processesOf(only)) {
            int uid = uid(pid);
            if (uid < 0) {
                countIfRefused(uid);
                continue;
            }
            seen++;
            int threads = proc.listTids(pid);
            boolean twoLevelHere = keep && threads > 1;
            boolean recorded = false;
            if (twoLevelHere && !sums.unreadable(pid)) {
                processReads++;
                if (stat(pid, 0) && readIo(pid, 0, processIo)) {
                    boolean same = sums.same(pid, startNanos, ppid, uid, processIo);
                    sums.record(pid, startNanos, ppid, uid, processIo);
                    if (same && keptThreads(pid, threads, tasks)) {
                        continue;
                    }
                    recorded = true;
                }
            }
            boolean hidden = false;
            boolean read = false;
            for (int k = 0; k < threads; k++) {
                int tid = proc.listed(k);
                if (only != null && !contains(only, tid) || !stat(pid, tid)) {
                    continue;
                }
                list(tid);
                if (!readIo(pid, tid, io)) {
                    hidden = true;
                    continue;
                }
                read = true;
                tasks.add(draft.task(tid, pid, ppid, uid, startNanos).bytes(io, 0, false).blkioDelay(blkioNanos));
            }
            if (twoLevelHere && !recorded && hidden && !read) {
                sums.recordUnreadable(pid); // the next scan goes straight to its threads
            }
            unreadable += hidden ? 1 : 0;
        }
        sums.end();
        return scan(now, false, tasks, delays);
    }

    /**
     * The two-level scan of a process of several threads, without delay accounting (a thread's
     * delay moves without its process's files saying so), once its own stat and io said the same as
     * at the last scan: keeps its threads' samples instead of reading each thread's stat and io,
     * when its threads are the same; true when kept. The process's io is read before its threads',
     * so any I/O after that read makes the next one differ.
     */
    private boolean keptThreads(int pid, int threads, ScanSamples tasks) {
        if (!tasks.addKeptProcess(pid, listedTid, threads)) {
            return false;
        }
        for (int k = 0; k < threads; k++) {
            list(proc.listed(k));
        }
        keptProcesses++;
        return true;
    }

    /** How many times a thread scan kept a process's threads without reading their files. */
    long keptProcesses() {
        return keptProcesses;
    }

    /** How many times a thread scan read a process's own stat and io before its threads'. */
    long processReads() {
        return processReads;
    }

    /** Reads every thread's files on every thread scan: the reference the two-level scan is tested against. */
    ProcfsScanner withoutTwoLevel() {
        twoLevel = false;
        return this;
    }

    @Override
    public Scan processes(int[] only) {
        long now = System.nanoTime();
        boolean delays = delayAccounting();
        ScanSamples tasks = begin(true);
        for (int pid : only == null ? proc.pids() : only) {
            int uid = uid(pid);
            if (uid < 0 || !stat(pid, 0)) {
                countIfRefused(uid);
                continue;
            }
            seen++;
            list(pid);
            if (!readIo(pid, 0, io)) {
                unreadable++;
                continue;
            }
            long start = startNanos;
            int parent = ppid;
            long delay = delays ? threadsDelay(pid) : 0;
            tasks.add(draft.task(pid, pid, parent, uid, start).bytes(io, 0, true).blkioDelay(delay));
        }
        return scan(now, true, tasks, delays);
    }

    /**
     * The block-I/O delay of a process's live threads: the process's own stat gives its leader's
     * only. A thread's delay leaves with it, which the model absorbs as a counter that went down.
     */
    private long threadsDelay(int pid) {
        int threads = proc.listTids(pid);
        if (threads == 1 && proc.listed(0) == pid) {
            return blkioNanos;
        }
        long sum = 0;
        for (int k = 0; k < threads; k++) {
            if (stat(pid, proc.listed(k))) {
                sum += blkioNanos;
            }
        }
        return sum;
    }

    private Scan scan(long now, boolean processes, ScanSamples tasks, boolean delays) {
        visibility = new Visibility(Visibility.Source.PROCFS, unreadable, seen, why);
        return new Scan(now, processes, tasks.tasks(), buffers.end(processes, listed, count), List.of(), -1,
                proc.vmstat(), delays, tasks.unchanged());
    }

    /** Starts a scan of threads or processes: nothing listed or counted yet. */
    private ScanSamples begin(boolean processes) {
        count = 0;
        unreadable = 0;
        seen = 0;
        return buffers.begin(processes, buffers.previous(processes).size());
    }

    /** The processes of the threads in {@code tids}, ascending, each once. */
    private int[] processesOf(int[] tids) {
        return Arrays.stream(tids).map(proc::tgidOf).filter(t -> t > 0).distinct().sorted().toArray();
    }

    private static boolean contains(int[] ids, int id) {
        for (int i : ids) {
            if (i == id) {
                return true;
            }
        }
        return false;
    }

    private void list(int id) {
        if (count == listed.length) {
            listed = Arrays.copyOf(listed, count * 2);
        }
        listed[count++] = id;
    }

    /** The owner of process {@code pid}; -1 when it is gone, {@link ProcFs#REFUSED} when /proc hides it. */
    private int uid(int pid) {
        int n = proc.read(pid, 0, "status", text);
        return n < 0 ? n : ProcParsers.parseStatusUid(text, n);
    }

    /**
     * Counts a process whose status {@link #uid} could not read as unreadable when /proc refused it
     * rather than the process ended: with {@code hidepid=noaccess}, every process is listed but this
     * user may enter only the folders of those it may trace.
     */
    private void countIfRefused(int uid) {
        if (uid == ProcFs.REFUSED) {
            seen++;
            unreadable++;
        }
    }

    /** Reads the stat of a process ({@code tid} 0) or thread into the fields; false when it is gone. */
    private boolean stat(int pid, int tid) {
        int n = proc.read(pid, tid, "stat", text);
        long parent = n < 0 ? -1 : ProcParsers.parseStatField(text, n, FIELD_PPID);
        long start = n < 0 ? -1 : ProcParsers.parseStatField(text, n, FIELD_START);
        if (parent < 0 || start < 0) {
            return false;
        }
        long ticks = ProcParsers.parseStatField(text, n, FIELD_BLKIO_TICKS);
        ppid = (int) parent;
        startNanos = bootNanos + start * NANOS_PER_TICK;
        blkioNanos = Math.max(0, ticks) * NANOS_PER_TICK;
        return true;
    }

    /**
     * Reads the io file of a process ({@code tid} 0) or thread into {@code into}; false when this
     * user may not read it.
     */
    private boolean readIo(int pid, int tid, long[] into) {
        int n = proc.read(pid, tid, "io", text);
        return n >= 0 && ProcParsers.parseIo(text, n, into);
    }

    private boolean delayAccounting() {
        Boolean on = proc.taskDelayAcct();
        return on == null || on;
    }

    @Override
    public Visibility visibility() {
        return visibility;
    }

    @Override
    public void close() {
        // Every file is opened and closed within its read.
    }
}
