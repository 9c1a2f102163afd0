package org.jiotop.cli;

import org.jiotop.model.GroupKind;

/**
 * Which groups a report of processes shows: {@code kind}, or with {@code member} the processes of
 * the group of that label; {@code devices}: whether to read the groups' own kernel counters.
 */
record Grouping(GroupKind kind, String member, boolean devices) {
    static final Grouping NONE = new Grouping(GroupKind.THREAD, null, false);

    static Grouping of(GroupKind kind, boolean devices) {
        return new Grouping(kind, null, devices);
    }
}
