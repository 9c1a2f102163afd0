package org.jiotop.linux;


import java.util.function.IntFunction;

/**
 * The PRIO of a row: an I/O class and level, or why there is no single one. Rows sort by it as the
 * kernel ranks priorities (real-time before best-effort before idle, then by level), and a row
 * without one after every row with one. Levels 0..7 of each class are shared instances, so labelling
 * a row never allocates its priority or its text.
 */
public final class TaskPriority implements Comparable<TaskPriority> {
    /** The rank of every class's level 0 is its class's number times this; no level reaches it. */
    private static final int CLASS_STEP = 1 << 13;
    private static final int CACHED_LEVELS = 8;
    private static final TaskPriority[] REAL_TIME = levels(IoPriority.CLASS_RT, "rt/");
    private static final TaskPriority[] BEST_EFFORT = levels(IoPriority.CLASS_BE, "be/");
    public static final TaskPriority IDLE = new TaskPriority(IoPriority.CLASS_IDLE * CLASS_STEP, "idle");
    /** A process whose threads do not all have the same priority. */
    public static final TaskPriority DIFFERENT = new TaskPriority(4 * CLASS_STEP, "?dif");
    /** A priority that could not be read. */
    public static final TaskPriority UNKNOWN = new TaskPriority(4 * CLASS_STEP, "?err");
    /** A task that has exited: it has no priority any more. */
    public static final TaskPriority EXITED = new TaskPriority(4 * CLASS_STEP, "-");
    /** A group of processes: the priorities of its threads are not summed into one. */
    public static final TaskPriority GROUP = new TaskPriority(4 * CLASS_STEP, "-");

    private final int rank;
    private final String text;

    private TaskPriority(int rank, String text) {
        this.rank = rank;
        this.text = text;
    }

    private static TaskPriority[] levels(int ioClass, String prefix) {
        TaskPriority[] out = new TaskPriority[CACHED_LEVELS];
        for (int level = 0; level < out.length; level++) {
            out[level] = new TaskPriority(ioClass * CLASS_STEP + level, prefix + level);
        }
        return out;
    }

    public static TaskPriority of(IoPriority p) {
        return switch (p.ioClass()) {
            case IoPriority.CLASS_RT -> level(REAL_TIME, p.level(), "rt/");
            case IoPriority.CLASS_BE -> level(BEST_EFFORT, p.level(), "be/");
            case IoPriority.CLASS_IDLE -> IDLE;
            default -> UNKNOWN;
        };
    }

    private static TaskPriority level(TaskPriority[] cached, int level, String prefix) {
        if (level >= 0 && level < cached.length) {
            return cached[level];
        }
        // The kernel keeps levels 0..7; a larger one is shown as it is and ranks after them.
        int rank = cached[0].rank + Math.clamp(level, 0, CLASS_STEP - 1);
        return new TaskPriority(rank, prefix + level);
    }

    /**
     * One process's priority from its threads': theirs when they agree, {@link #DIFFERENT}
     * otherwise, {@link #UNKNOWN} when none could be asked. Stops asking at the first thread that
     * differs.
     */
    public static TaskPriority ofThreads(int[] tids, IntFunction<IoPriority> priorityOf) {
        IoPriority first = null;
        for (int tid : tids) {
            IoPriority p = priorityOf.apply(tid);
            if (p.equals(IoPriority.UNKNOWN)) {
                continue; // gone since it was listed, or not ours to ask
            }
            if (first == null) {
                first = p;
            } else if (!p.equals(first)) {
                return DIFFERENT;
            }
        }
        return first == null ? UNKNOWN : of(first);
    }

    /** As iotop prints it: {@code rt/0}, {@code be/4}, {@code idle}, {@code ?dif}, {@code ?err}, {@code -}. */
    public String text() {
        return text;
    }

    /** Real-time before best-effort before idle, each by level; rows without a single priority tie, last. */
    @Override
    public int compareTo(TaskPriority o) {
        return Integer.compare(rank, o.rank);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskPriority p && p.rank == rank && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return 31 * rank + text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
