package org.jiotop.model;

import org.jiotop.linux.TaskSample;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExitedRowsTest {
    private static TaskActivity exited(int id, int uid, long written) {
        IoDelta d = new IoDelta(0, written, 0, 0, 0);
        return new TaskActivity(new TaskSample(id, id, 1, id, uid, false, 0, written, 0, 0, 0), d, d, id,
                "dd".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void hoursOfChurnUnderAccumulatedFoldTheOldestWithoutLosingAByte() {
        ExitedRows rows = new ExitedRows(3, true);
        int extra = 500;
        long written = 0;
        for (int id = 1; id <= ExitedRows.MAX_KEPT + extra; id++) {
            rows.keep(exited(id, id % 2, id));
            written += id;
        }
        List<TaskActivity> shown = rows.nextInterval();
        assertThat(shown).hasSize(ExitedRows.MAX_KEPT + 2);
        assertThat(shown.stream().mapToLong(a -> a.accumulated().writeBytes()).sum()).isEqualTo(written);
        List<TaskActivity> folded = shown.stream().filter(a -> a.sample().id() == 0).toList();
        assertThat(folded).extracting(a -> new String(a.exitedName(), StandardCharsets.US_ASCII))
                .containsExactlyInAnyOrder("(250 earlier exited tasks)", "(250 earlier exited tasks)");
        assertThat(folded).allSatisfy(a -> assertThat(a.delta()).isEqualTo(IoDelta.ZERO));
        assertThat(folded).extracting(a -> a.sample().uid()).containsExactlyInAnyOrder(0, 1);
        // The oldest kept one by one is the first that was not folded.
        assertThat(shown.stream().filter(a -> a.sample().id() != 0).mapToInt(a -> a.sample().id()).min())
                .hasValue(extra + 1);
    }

    @Test
    void withoutAccumulatedTheOldestAreOnlyNoLongerShown() {
        ExitedRows rows = new ExitedRows(1_000_000, false);
        for (int id = 1; id <= ExitedRows.MAX_KEPT + 10; id++) {
            rows.keep(exited(id, 0, 100));
        }
        List<TaskActivity> shown = rows.nextInterval();
        assertThat(shown).hasSize(ExitedRows.MAX_KEPT).noneMatch(a -> a.sample().id() == 0);
    }
}
