package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskCountersTest {
    /** Rows copied in and read back across resets that grow the columns, keep them, and shrink them. */
    @Test
    void everyRowOfEveryResetIsUnansweredThenHoldsWhatWasPutInIt() {
        TaskCounters source = new TaskCounters();
        source.reset(1);
        source.copy(0, filled(7), 0);
        TaskCounters c = new TaskCounters();
        int[] resets = java.util.stream.IntStream.concat(
                java.util.stream.IntStream.of(3, 30_000, 29_000, 10, 5_000, 1, 300, 0, 40_000, 2_000, 9_999, 600),
                java.util.stream.IntStream.generate(() -> 20).limit(TaskCounters.SHRINK_AFTER)).toArray();
        resets = java.util.stream.IntStream.concat(java.util.Arrays.stream(resets),
                java.util.stream.IntStream.of(700, 5)).toArray();
        for (int n : resets) {
            c.reset(n);
            for (int i = 0; i < n; i++) {
                assertThat(c.answered(i)).as("row %d of %d after reset", i, n).isFalse();
            }
            if (n > 0) {
                c.copy(n - 1, source, 0);
                assertThat(c.answered(n - 1)).isTrue();
                assertThat(c.id(n - 1)).isEqualTo(7);
                assertThat(c.readBytes(n - 1)).isEqualTo(4096);
            }
        }
    }

    /**
     * Columns sized by a first scan of every thread are made smaller once later scans have asked
     * about far fewer for a while, and a count that varies from one refresh to the next does not
     * make new columns each time.
     */
    @Test
    void columnsShrinkOnlyAfterManySmallResetsInARow() {
        TaskCounters c = new TaskCounters();
        c.reset(30_000);
        int first = c.capacity();
        for (int i = 1; i < TaskCounters.SHRINK_AFTER; i++) {
            c.reset(i % 2 == 0 ? 100 : 300);
        }
        assertThat(c.capacity()).as("not yet").isEqualTo(first);
        c.reset(100);
        int small = c.capacity();
        assertThat(small).isLessThan(first / 4).isGreaterThanOrEqualTo(100);
        for (int i = 0; i < 3 * TaskCounters.SHRINK_AFTER; i++) {
            c.reset(i % 3 == 0 ? 40 : small);
            assertThat(c.capacity()).as("reset %d", i).isEqualTo(small);
        }
    }

    /** One answered row, as a reply would fill it. */
    private static TaskCounters filled(int id) {
        TaskCounters one = new TaskCounters();
        one.reset(1);
        TaskstatsLayout layout = TaskstatsLayout.forVersion(0);
        byte[] reply = new byte[(int) TaskstatsLayout.CLASSIC_STRUCT.byteSize()];
        LittleEndian.put32(reply, layout.readBytes(), 4096); // a little-endian 4096 in the low half
        one.set(0, id, reply, 0, layout, 1);
        return one;
    }
}
