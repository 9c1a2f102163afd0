package org.jiotop.model;

import org.jiotop.linux.IoPriority;

import java.util.function.IntFunction;

/** The PRIO column as iotop prints it: {@code rt/0}, {@code be/4}, {@code idle}, {@code ?dif}, {@code ?err}. */
public final class PriorityText {
    public static final String DIFFERENT = "?dif";
    public static final String UNKNOWN = "?err";

    private PriorityText() {
    }

    public static String of(IoPriority p) {
        return switch (p.ioClass()) {
            case IoPriority.CLASS_RT -> "rt/" + p.level();
            case IoPriority.CLASS_BE -> "be/" + p.level();
            case IoPriority.CLASS_IDLE -> "idle";
            default -> UNKNOWN;
        };
    }

    /**
     * One process's priority from its threads': theirs when they agree, {@code ?dif} otherwise,
     * {@code ?err} when none could be asked. Stops asking at the first thread that differs.
     */
    public static String ofThreads(int[] tids, IntFunction<IoPriority> priorityOf) {
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

    /** Orders priorities as the kernel ranks them: real-time before best-effort before idle, then by level. */
    public static int sortKey(String text) {
        if (text.startsWith("rt/")) {
            return 10 + text.charAt(3) - '0';
        }
        if (text.startsWith("be/")) {
            return 20 + text.charAt(3) - '0';
        }
        return text.equals("idle") ? 30 : 40;
    }
}
