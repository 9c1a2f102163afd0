package org.jiotop.model;

/** The columns a report can be sorted by, in screen order. */
public enum SortKey {
    ID, PRIO, USER, READ, WRITE, SWAPIN, IO, CGROUP, COMMAND;

    /** Numbers sort largest first by default, text and IDs smallest first. */
    public boolean descendingByDefault() {
        return this == READ || this == WRITE || this == SWAPIN || this == IO || this == CGROUP;
    }

    public boolean needsDelayAccounting() {
        return this == SWAPIN || this == IO;
    }

    /** Whether rows sort by their labels (PRIO, USER, COMMAND) rather than their numbers. */
    public boolean byLabel() {
        return this == PRIO || this == USER || this == COMMAND;
    }
}
