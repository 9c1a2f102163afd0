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
        for (int n : new int[]{3, 30_000, 29_000, 10, 5_000, 1, 300, 0, 40_000, 2_000, 9_999, 600}) {
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
