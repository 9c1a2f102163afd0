package org.jiotop.linux;

import java.util.Arrays;

/**
 * A map from task IDs (positive ints) to positive ints, open-addressed with linear probing: no
 * boxing and no entry objects, and {@link #clear()} keeps the arrays. 0 stands for "absent", both
 * as a key (IDs are never 0) and as a value.
 */
final class TidMap {
    private int[] keys = new int[64];
    private int[] values = new int[64];
    private int size;

    int size() {
        return size;
    }

    private int home(int key) {
        int h = key * 0x9E3779B9;
        return (h ^ (h >>> 16)) & (keys.length - 1);
    }

    /** The value of {@code key}, or 0. */
    int get(int key) {
        int mask = keys.length - 1;
        for (int i = home(key); keys[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
        }
        return 0;
    }

    /** Puts {@code value} (positive) under {@code key} (positive); the value it had, or 0. */
    int put(int key, int value) {
        int mask = keys.length - 1;
        int i = home(key);
        for (; keys[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == key) {
                int old = values[i];
                values[i] = value;
                return old;
            }
        }
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            rehash(keys.length * 2);
        }
        return 0;
    }

    /** Adds {@code delta} to the value of {@code key}, removing it at 0; the new value. */
    int add(int key, int delta) {
        int v = get(key) + delta;
        if (v > 0) {
            put(key, v);
        } else {
            remove(key);
        }
        return Math.max(v, 0);
    }

    /** Removes {@code key}; the value it had, or 0. */
    int remove(int key) {
        int mask = keys.length - 1;
        int i = home(key);
        while (keys[i] != key) {
            if (keys[i] == 0) {
                return 0;
            }
            i = (i + 1) & mask;
        }
        int old = values[i];
        size--;
        // Later entries of the probe run move back into the hole, so no lookup stops short of them.
        int hole = i;
        for (int j = (i + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
            int h = home(keys[j]);
            boolean reachable = hole <= j ? h <= hole || h > j : h <= hole && h > j;
            if (reachable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = 0;
        values[hole] = 0;
        return old;
    }

    void clear() {
        Arrays.fill(keys, 0);
        Arrays.fill(values, 0);
        size = 0;
    }

    /** Slots run from 0 to this; a slot whose {@link #keyAt} is 0 is free. */
    int capacity() {
        return keys.length;
    }

    /** The keys, in the first {@link #size()} entries of {@code reuse} or, when it is too short, of a new array. */
    int[] keys(int[] reuse) {
        int[] out = reuse.length >= size ? reuse : new int[size * 2];
        int n = 0;
        for (int key : keys) {
            if (key != 0) {
                out[n++] = key;
            }
        }
        return out;
    }

    int keyAt(int slot) {
        return keys[slot];
    }

    int valueAt(int slot) {
        return values[slot];
    }

    private void rehash(int capacity) {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[capacity];
        values = new int[capacity];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
