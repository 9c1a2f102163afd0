package org.jiotop.model;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A map from int keys to values, open-addressed with linear probing. The tracker keeps one entry
 * per task and rebuilds its map every refresh: with int keys there is no boxing and no entry
 * object, and {@link #clear()} keeps the arrays, so a refresh of ten thousand tasks leaves no
 * garbage behind.
 */
final class IntMap<V> {
    private static final int FREE = 0;

    private int[] keys;
    private Object[] values;
    /** Key 0 cannot mark a free slot and its own value at once: it is kept aside. */
    private boolean hasZero;
    private Object zeroValue;
    private int size;

    IntMap() {
        this(16);
    }

    IntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new int[capacity];
        values = new Object[capacity];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    private int slot(int key) {
        int h = key * 0x9E3779B9;
        return (h ^ (h >>> 16)) & (keys.length - 1);
    }

    @SuppressWarnings("unchecked")
    V get(int key) {
        if (key == FREE) {
            return hasZero ? (V) zeroValue : null;
        }
        int mask = keys.length - 1;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == key) {
                return (V) values[i];
            }
            if (k == FREE) {
                return null;
            }
        }
    }

    boolean containsKey(int key) {
        return get(key) != null;
    }

    /** Puts {@code value} (never null) under {@code key}. */
    void put(int key, V value) {
        if (key == FREE) {
            size += hasZero ? 0 : 1;
            hasZero = true;
            zeroValue = value;
            return;
        }
        int mask = keys.length - 1;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == key) {
                values[i] = value;
                return;
            }
            if (k == FREE) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return;
            }
        }
    }

    void remove(int key) {
        if (key == FREE) {
            size -= hasZero ? 1 : 0;
            hasZero = false;
            zeroValue = null;
            return;
        }
        int mask = keys.length - 1;
        int i = slot(key);
        while (keys[i] != key) {
            if (keys[i] == FREE) {
                return;
            }
            i = (i + 1) & mask;
        }
        size--;
        // Shift later entries of the probe run back, so that no lookup stops early at the hole.
        for (int hole = i, j = (i + 1) & mask; ; j = (j + 1) & mask) {
            if (keys[j] == FREE) {
                keys[hole] = FREE;
                values[hole] = null;
                return;
            }
            int home = slot(keys[j]);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
    }

    /** Empties the map, keeping its capacity. */
    void clear() {
        if (size > 0) {
            Arrays.fill(keys, FREE);
            Arrays.fill(values, null);
        }
        hasZero = false;
        zeroValue = null;
        size = 0;
    }

    @SuppressWarnings("unchecked")
    void forEachValue(Consumer<? super V> action) {
        if (hasZero) {
            action.accept((V) zeroValue);
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != FREE) {
                action.accept((V) values[i]);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void grow() {
        int[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        size = hasZero ? 1 : 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                put(oldKeys[i], (V) oldValues[i]);
            }
        }
    }
}
