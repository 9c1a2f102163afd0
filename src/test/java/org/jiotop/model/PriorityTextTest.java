package org.jiotop.model;

import org.jiotop.linux.IoPriority;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PriorityTextTest {
    private static final IoPriority BE4 = new IoPriority(IoPriority.CLASS_BE, 4);
    private static final IoPriority IDLE = new IoPriority(IoPriority.CLASS_IDLE, 0);

    @Test
    void eachClassAsIotopPrintsIt() {
        assertThat(PriorityText.of(new IoPriority(IoPriority.CLASS_RT, 0))).isEqualTo("rt/0");
        assertThat(PriorityText.of(BE4)).isEqualTo("be/4");
        assertThat(PriorityText.of(IDLE)).isEqualTo("idle");
        assertThat(PriorityText.of(IoPriority.UNKNOWN)).isEqualTo("?err");
    }

    @Test
    void threadsThatAgreeGiveTheirPriority() {
        assertThat(PriorityText.ofThreads(new int[] {10, 11, 12}, tid -> BE4)).isEqualTo("be/4");
    }

    @Test
    void threadsThatDifferGiveDifAndNoMoreThreadsAreAsked() {
        Map<Integer, IoPriority> threads = Map.of(10, BE4, 11, IDLE, 12, BE4, 13, BE4);
        List<Integer> asked = new ArrayList<>();
        String text = PriorityText.ofThreads(new int[] {10, 11, 12, 13}, tid -> {
            asked.add(tid);
            return threads.get(tid);
        });
        assertThat(text).isEqualTo("?dif");
        assertThat(asked).containsExactly(10, 11);
    }

    @Test
    void threadsGoneSinceListedAreLeftOut() {
        Map<Integer, IoPriority> threads = Map.of(10, IoPriority.UNKNOWN, 11, IDLE, 12, IoPriority.UNKNOWN, 13, IDLE);
        assertThat(PriorityText.ofThreads(new int[] {10, 11, 12, 13}, threads::get)).isEqualTo("idle");
    }

    @Test
    void noThreadThatCouldBeAskedIsAnError() {
        assertThat(PriorityText.ofThreads(new int[] {10, 11}, tid -> IoPriority.UNKNOWN)).isEqualTo("?err");
        assertThat(PriorityText.ofThreads(new int[0], tid -> BE4)).isEqualTo("?err");
    }

    @Test
    void sortKeyRanksRealTimeBeforeBestEffortBeforeIdleBeforeUnknown() {
        List<String> texts = new ArrayList<>(List.of("?dif", "idle", "be/7", "rt/3", "be/0", "?err", "rt/0"));
        texts.sort(java.util.Comparator.comparingInt(PriorityText::sortKey));
        assertThat(texts.subList(0, 5)).containsExactly("rt/0", "rt/3", "be/0", "be/7", "idle");
        assertThat(texts.subList(5, 7)).containsExactlyInAnyOrder("?dif", "?err");
    }
}
