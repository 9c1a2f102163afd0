package org.jiotop.model;

/** The columns a report can be sorted by, in screen order. */
public enum SortKey {
    ID, PRIO, USER, READ, WRITE, SWAPIN, IO, CGROUP, READ_SYSCALLS, WRITE_SYSCALLS, READ_CHARS, WRITE_CHARS,
    COMMAND;

    /** Numbers sort largest first by default, text and IDs smallest first. */
    public boolean descendingByDefault() {
        return this == READ || this == WRITE || this == SWAPIN || this == IO || this == CGROUP || logical();
    }

    /** Whether it is a figure of logical I/O: system calls, or the bytes they passed. */
    public boolean logical() {
        return this == READ_SYSCALLS || this == WRITE_SYSCALLS || this == READ_CHARS || this == WRITE_CHARS;
    }

    public boolean needsDelayAccounting() {
        return this == SWAPIN || this == IO;
    }

    /** Whether rows sort by their labels (PRIO, USER, COMMAND) rather than their numbers. */
    public boolean byLabel() {
        return this == PRIO || this == USER || this == COMMAND;
    }
}
