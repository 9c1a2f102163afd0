package org.jiotop.view;

import org.jiotop.model.SortKey;

/**
 * The live view's columns, numbered as iotop-c numbers them for {@code -1}..{@code -9} and the keys
 * {@code 1}..{@code 9} (8 was iotop-c's graph, which jiotop does not draw).
 */
public enum Column {
    ID(1, SortKey.ID, true),
    PRIO(2, SortKey.PRIO, true),
    USER(3, SortKey.USER, false),
    READ(4, SortKey.READ, true),
    WRITE(5, SortKey.WRITE, true),
    SWAPIN(6, SortKey.SWAPIN, true),
    IO(7, SortKey.IO, true),
    COMMAND(9, SortKey.COMMAND, false);

    final int number;
    final SortKey key;
    final boolean rightAligned;

    Column(int number, SortKey key, boolean rightAligned) {
        this.number = number;
        this.key = key;
        this.rightAligned = rightAligned;
    }

    static Column of(SortKey key) {
        for (Column c : values()) {
            if (c.key == key) {
                return c;
            }
        }
        throw new IllegalArgumentException(key.toString());
    }

    String title(boolean processes) {
        return switch (this) {
            case ID -> processes ? "PID" : "TID";
            case PRIO -> "PRIO";
            case USER -> "USER";
            case READ -> "DISK READ";
            case WRITE -> "DISK WRITE";
            case SWAPIN -> "SWAPIN";
            case IO -> "IO";
            case COMMAND -> "COMMAND";
        };
    }

    /** Cell width; the ID column is as wide as the largest possible ID, COMMAND takes the rest. */
    int width(int idWidth) {
        return switch (this) {
            case ID -> idWidth;
            case PRIO -> 4;
            case USER -> 8;
            case READ, WRITE -> 11;
            case SWAPIN, IO -> 7;
            case COMMAND -> 0;
        };
    }
}
