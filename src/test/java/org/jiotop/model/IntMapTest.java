package org.jiotop.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IntMapTest {
    @Test
    void behavesLikeAHashMapUnderRandomPutsRemovesAndClears() {
        Random random = new Random(42);
        IntMap<String> map = new IntMap<>(4);
        Map<Integer, String> model = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            // Keys from a small range collide and wrap around the table; 0 and negatives included.
            int key = random.nextInt(300) - 20;
            switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> {
                    map.put(key, "v" + step);
                    model.put(key, "v" + step);
                }
                case 4, 5, 6 -> {
                    map.remove(key);
                    model.remove(key);
                }
                case 7 -> {
                    if (random.nextInt(500) == 0) {
                        map.clear();
                        model.clear();
                    }
                }
                default -> assertThat(map.get(key)).as("step %d key %d", step, key).isEqualTo(model.get(key));
            }
            assertThat(map.size()).isEqualTo(model.size());
        }
        for (int key = -20; key < 280; key++) {
            assertThat(map.get(key)).isEqualTo(model.get(key));
            assertThat(map.containsKey(key)).isEqualTo(model.containsKey(key));
        }
        List<String> values = new ArrayList<>();
        map.forEachValue(values::add);
        assertThat(values).containsExactlyInAnyOrderElementsOf(model.values());
    }

    @Test
    void growsPastItsInitialCapacity() {
        IntMap<Integer> map = new IntMap<>();
        for (int i = 1; i <= 100_000; i++) {
            map.put(i * 7919, i);
        }
        assertThat(map.size()).isEqualTo(100_000);
        assertThat(map.get(7919 * 5000)).isEqualTo(5000);
        assertThat(map.get(7919 * 100_001)).isNull();
    }
}
