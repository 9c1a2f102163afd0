package org.jiotop.linux;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

/**
 * What is known of each process's cgroup, read once per process once it has settled: its
 * {@code /proc/PID/cgroup} is read when the process is asked about, turned into labels, and kept
 * while the process lives (a later process that reuses the ID starts later, and is read afresh).
 * A process is moved into its cgroup just after it starts (runc's init, a unit's process before
 * its exec), so what was read while it was younger than {@link #SETTLE_NANOS} is read again at the
 * next ask, unless it now reads as in the root cgroup, as an ended one does; a process moved when
 * older keeps what was read. Processes in one cgroup share one
 * labels instance. What is kept is bounded: {@link #PROCESSES} processes, and labels of
 * {@link #CHARS} characters in all (counting a shared instance once for each process), the least
 * recently asked about forgotten first.
 *
 * @param <L> the labels made of a {@link TaskCgroup}
 */
public final class CgroupCache<L> {
    static final int PROCESSES = 16_384;
    /** Some 250 characters for each of {@link #PROCESSES}: a kubelet container's path and labels. */
    static final long CHARS = 4L << 20;
    private static final int SHARED = 256;
    /** How young a process may still be moved into the cgroup it was started for. */
    public static final long SETTLE_NANOS = 5_000_000_000L;

    /** What was read for a process started at {@code startNanos} (monotonic, as {@link TaskSample}'s). */
    public record Known<L>(long startNanos, L labels) {
    }

    /** {@code readNanos}: when it was read, on the clock of {@code startNanos}. */
    private record Entry<L>(Known<L> known, int chars, long readNanos) {
        boolean settled() {
            return readNanos - known.startNanos() >= SETTLE_NANOS;
        }
    }

    private final IntFunction<TaskCgroup> read;
    private final LongSupplier clock;
    private final Function<TaskCgroup, L> labels;
    private final ToIntFunction<L> chars;
    private final L unreadable;
    private final Map<Integer, Entry<L>> byProcess = new LinkedHashMap<>(256, 0.75f, true);
    private long heldChars;
    private final Map<TaskCgroup, L> lastByCgroup = new LinkedHashMap<>(SHARED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TaskCgroup, L> eldest) {
            return size() > SHARED;
        }
    };

    /**
     * @param read       where a process sits ({@link ProcCgroup#read}), null when it is gone
     * @param labels     the labels of a cgroup
     * @param chars      the characters a labels instance holds
     * @param unreadable the labels of a process whose file could not be read (it is gone): not kept
     */
    public CgroupCache(IntFunction<TaskCgroup> read, Function<TaskCgroup, L> labels, ToIntFunction<L> chars,
            L unreadable) {
        this(read, System::nanoTime, labels, chars, unreadable);
    }

    CgroupCache(IntFunction<TaskCgroup> read, LongSupplier clock, Function<TaskCgroup, L> labels,
            ToIntFunction<L> chars, L unreadable) {
        this.read = read;
        this.clock = clock;
        this.labels = labels;
        this.chars = chars;
        this.unreadable = unreadable;
    }

    /**
     * The labels of process {@code pid} started at {@code startNanos}: read on first sight, and
     * again while it is settling, kept after.
     */
    public L of(int pid, long startNanos) {
        Entry<L> entry = byProcess.get(pid);
        boolean same = entry != null && TaskId.sameStart(entry.known.startNanos(), startNanos);
        if (same && entry.settled()) {
            return entry.known.labels();
        }
        long now = clock.getAsLong();
        TaskCgroup cgroup = read.apply(pid);
        if (cgroup == null) {
            // Gone between the listing and the read: what was read while it lived still holds.
            return same ? entry.known.labels() : unreadable;
        }
        if (same && cgroup.path().isRoot()) {
            // Ended: a zombie reads as in the root cgroup, where the kernel puts a task as it exits.
            // What was read while it lived holds; the read counts, so that settling ends.
            remember(pid, new Entry<>(entry.known, entry.chars, now));
            return entry.known.labels();
        }
        L made = lastByCgroup.computeIfAbsent(cgroup, labels);
        long start = same ? entry.known.startNanos() : startNanos;
        remember(pid, new Entry<>(new Known<>(start, made), chars.applyAsInt(made), now));
        return made;
    }

    /**
     * What was last kept for {@code pid}, or null: for an exit report, whose start time reads
     * later than the task's, the caller decides whether it is the same process.
     */
    public Known<L> last(int pid) {
        Entry<L> entry = byProcess.get(pid);
        return entry == null ? null : entry.known;
    }

    int size() {
        return byProcess.size();
    }

    long heldChars() {
        return heldChars;
    }

    private void remember(int pid, Entry<L> entry) {
        Entry<L> replaced = byProcess.put(pid, entry);
        heldChars += entry.chars - (replaced == null ? 0 : replaced.chars);
        for (Iterator<Entry<L>> eldest = byProcess.values().iterator();
             eldest.hasNext() && (heldChars > CHARS || byProcess.size() > PROCESSES); ) {
            heldChars -= eldest.next().chars;
            eldest.remove();
        }
    }
}
