package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The task-ID map against {@link HashMap}, with keys that collide and wrap around the table. */
class TidMapTest {
    @Test
    void randomOperationsMatchAHashMap() {
        Random random = new Random(23);
        TidMap map = new TidMap();
        Map<Integer, Integer> expected = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            // Few distinct keys, spread and clustered, so that probe runs form, wrap and shrink.
            int key = random.nextBoolean() ? 1 + random.nextInt(300) : 1 + random.nextInt(300) * 4096;
            int value = 1 + random.nextInt(1000);
            switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> assertThat(map.put(key, value)).isEqualTo(orZero(expected.put(key, value)));
                case 4, 5, 6 -> assertThat(map.remove(key)).isEqualTo(orZero(expected.remove(key)));
                case 7, 8 -> {
                    int delta = random.nextBoolean() ? 1 : -1;
                    int now = orZero(expected.get(key)) + delta;
                    if (now > 0) {
                        expected.put(key, now);
                    } else {
                        expected.remove(key);
                    }
                    assertThat(map.add(key, delta)).isEqualTo(Math.max(now, 0));
                }
                default -> {
                    if (random.nextInt(1000) == 0) {
                        map.clear();
                        expected.clear();
                    }
                }
            }
            assertThat(map.get(key)).isEqualTo(orZero(expected.get(key)));
            assertThat(map.size()).isEqualTo(expected.size());
        }
        int listed = 0;
        for (int slot = 0; slot < map.capacity(); slot++) {
            if (map.keyAt(slot) != 0) {
                assertThat(map.valueAt(slot)).isEqualTo(expected.get(map.keyAt(slot)));
                listed++;
            }
        }
        assertThat(listed).isEqualTo(expected.size());
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }
}
