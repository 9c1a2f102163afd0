package org.jiotop.linux;

import java.util.Arrays;

/**
 * The numeric names in a directory listing (the {@code struct linux_dirent64} records that
 * getdents64 fills), gathered in an array kept from one listing to the next: listing the threads
 * of every process each refresh makes no array per process.
 */
final class DirentIds {
    private int[] ids = new int[256];
    private int count;

    void clear() {
        count = 0;
    }

    /** Adds the numeric names among the records in the first {@code length} bytes of {@code records}. */
    void add(byte[] records, int length) {
        for (int at = 0; at + KernelLayouts.DIRENT64_NAME < length; ) {
            int size = LittleEndian.u16(records, at + KernelLayouts.DIRENT64_RECLEN);
            if (size <= KernelLayouts.DIRENT64_NAME || at + size > length) {
                break;
            }
            int id = ProcParsers.parseId(records, at + KernelLayouts.DIRENT64_NAME, at + size);
            if (id > 0) {
                if (count == ids.length) {
                    ids = Arrays.copyOf(ids, count * 2);
                }
                ids[count++] = id;
            }
            at += size;
        }
    }

    /** Puts the IDs added since {@link #clear()} in ascending order: how many. */
    int sort() {
        Arrays.sort(ids, 0, count);
        return count;
    }

    /** The {@code i}th ID. */
    int get(int i) {
        return ids[i];
    }

    int[] toArray() {
        return Arrays.copyOf(ids, count);
    }
}
