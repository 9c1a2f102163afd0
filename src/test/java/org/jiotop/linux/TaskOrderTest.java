package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sorted task list, changed by random forks, exits and moves between processes and merged
 * after each batch, against a list rebuilt from scratch.
 */
class TaskOrderTest {
    @Test
    void mergingTheChangesGivesWhatARebuildGives() {
        Random random = new Random(7);
        TidMap tgidOf = new TidMap();
        TidMap threads = new TidMap();
        TaskOrder order = new TaskOrder();
        order.rebuild(tgidOf);
        for (int batch = 0; batch < 2_000; batch++) {
            List<Long> removed = new ArrayList<>();
            List<Integer> touched = new ArrayList<>();
            for (int change = random.nextInt(20); change > 0; change--) {
                int tid = 1 + random.nextInt(400);
                int before = tgidOf.get(tid);
                if (before != 0) {
                    removed.add(TaskOrder.key(before, tid));
                    tgidOf.remove(tid);
                    threads.add(before, -1);
                }
                if (random.nextInt(3) > 0) {
                    int tgid = random.nextBoolean() ? tid : 1 + random.nextInt(400);
                    tgidOf.put(tid, tgid);
                    threads.add(tgid, 1);
                    touched.add(tid);
                }
            }
            // What was added is listed as it is now, as the live list does: a task added and then
            // moved or removed in the same batch is listed once, or not at all.
            List<Long> added = new ArrayList<>();
            for (int tid : touched) {
                if (tgidOf.get(tid) != 0) {
                    added.add(TaskOrder.key(tgidOf.get(tid), tid));
                }
            }
            order.update(toArray(removed), removed.size(), toArray(added), added.size());
            order.processes(threads);
            assertOrder(order, tgidOf);
        }
    }

    private static long[] toArray(List<Long> keys) {
        return keys.stream().mapToLong(Long::longValue).toArray();
    }

    private static void assertOrder(TaskOrder order, TidMap tgidOf) {
        TreeMap<Integer, TreeSet<Integer>> expected = new TreeMap<>();
        for (int slot = 0; slot < tgidOf.capacity(); slot++) {
            if (tgidOf.keyAt(slot) != 0) {
                expected.computeIfAbsent(tgidOf.valueAt(slot), k -> new TreeSet<>()).add(tgidOf.keyAt(slot));
            }
        }
        assertThat(order.pids()).containsExactly(expected.keySet().stream().mapToInt(Integer::intValue).toArray());
        int size = 0;
        for (var e : expected.entrySet()) {
            assertThat(order.tids(e.getKey())).containsExactly(e.getValue().stream().mapToInt(Integer::intValue).toArray());
            size += e.getValue().size();
        }
        assertThat(order.size()).isEqualTo(size);
    }
}
