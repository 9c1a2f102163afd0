package org.jiotop.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one row stands for: a thread, a process, or a group of processes that share an owner (a
 * user, a cgroup, a systemd unit, a container, a Kubernetes pod). Every kind but threads is sampled
 * per process; a group row sums the rows of its processes.
 */
public enum GroupKind {
    THREAD, PROCESS, USER, CGROUP, UNIT, CONTAINER, POD;

    private static final GroupKind[] ALL = values();

    /** How options and JSON name it: {@code container}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether its rows sum processes by a label. */
    public boolean grouped() {
        return ordinal() >= USER.ordinal();
    }

    /** Whether it samples processes rather than threads. */
    public boolean processes() {
        return this != THREAD;
    }

    /** Whether its label comes from the process's cgroup (and the group has kernel counters of its own). */
    public boolean byCgroup() {
        return ordinal() >= CGROUP.ordinal();
    }

    /** The kind after this one, the last followed by the first (the live view's key cycles them). */
    public GroupKind next() {
        return ALL[(ordinal() + 1) % ALL.length];
    }

    /** The kind an option names, or null. */
    public static GroupKind of(String word) {
        for (GroupKind k : ALL) {
            if (k.word().equals(word)) {
                return k;
            }
        }
        return null;
    }

    public static List<String> words() {
        List<String> words = new ArrayList<>(ALL.length);
        for (GroupKind k : ALL) {
            words.add(k.word());
        }
        return words;
    }
}
