package org.jiotop.linux;

import java.util.BitSet;

/**
 * The IDs a scan listed, for asking whether one was. A set of bits by ID rather than a sorted
 * array: a scan fills it without sorting, and the scanner fills the same set again two scans
 * later (see {@link ScanBuffers}).
 */
public final class ListedIds {
    private final BitSet ids;

    ListedIds(BitSet ids) {
        this.ids = ids;
    }

    /** A set of {@code ids}, of its own. */
    public static ListedIds of(int... ids) {
        BitSet bits = new BitSet();
        for (int id : ids) {
            bits.set(id);
        }
        return new ListedIds(bits);
    }

    public boolean contains(int id) {
        return id >= 0 && ids.get(id);
    }

    /** The IDs, ascending. */
    public int[] toArray() {
        return ids.stream().toArray();
    }
}
