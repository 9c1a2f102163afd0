package org.jiotop.linux;

import org.jiotop.linux.IoPriority;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TaskPriorityTest {
    private static final IoPriority BE4 = new IoPriority(IoPriority.CLASS_BE, 4);
    private static final IoPriority IDLE = new IoPriority(IoPriority.CLASS_IDLE, 0);

    @Test
    void eachClassAsIotopPrintsIt() {
        assertThat(TaskPriority.of(new IoPriority(IoPriority.CLASS_RT, 0)).text()).isEqualTo("rt/0");
        assertThat(TaskPriority.of(BE4).text()).isEqualTo("be/4");
        assertThat(TaskPriority.of(IDLE).text()).isEqualTo("idle");
        assertThat(TaskPriority.of(IoPriority.UNKNOWN).text()).isEqualTo("?err");
    }

    @Test
    void threadsThatAgreeGiveTheirPriority() {
        assertThat(TaskPriority.ofThreads(new int[] {10, 11, 12}, tid -> BE4).text()).isEqualTo("be/4");
    }

    @Test
    void threadsThatDifferGiveDifAndNoMoreThreadsAreAsked() {
        Map<Integer, IoPriority> threads = Map.of(10, BE4, 11, IDLE, 12, BE4, 13, BE4);
        List<Integer> asked = new ArrayList<>();
        TaskPriority p = TaskPriority.ofThreads(new int[] {10, 11, 12, 13}, tid -> {
            asked.add(tid);
            return threads.get(tid);
        });
        assertThat(p).isSameAs(TaskPriority.DIFFERENT);
        assertThat(asked).containsExactly(10, 11);
    }

    @Test
    void threadsGoneSinceListedAreLeftOut() {
        Map<Integer, IoPriority> threads = Map.of(10, IoPriority.UNKNOWN, 11, IDLE, 12, IoPriority.UNKNOWN, 13, IDLE);
        assertThat(TaskPriority.ofThreads(new int[] {10, 11, 12, 13}, threads::get).text()).isEqualTo("idle");
    }

    @Test
    void noThreadThatCouldBeAskedIsAnError() {
        assertThat(TaskPriority.ofThreads(new int[] {10, 11}, tid -> IoPriority.UNKNOWN).text()).isEqualTo("?err");
        assertThat(TaskPriority.ofThreads(new int[0], tid -> BE4).text()).isEqualTo("?err");
    }

    @Test
    void ranksRealTimeBeforeBestEffortBeforeIdleByLevelThenRowsWithoutOne() {
        TaskPriority rt0 = TaskPriority.of(new IoPriority(IoPriority.CLASS_RT, 0));
        TaskPriority rt7 = TaskPriority.of(new IoPriority(IoPriority.CLASS_RT, 7));
        TaskPriority be0 = TaskPriority.of(new IoPriority(IoPriority.CLASS_BE, 0));
        TaskPriority be4 = TaskPriority.of(BE4);
        TaskPriority be7 = TaskPriority.of(new IoPriority(IoPriority.CLASS_BE, 7));
        TaskPriority idle = TaskPriority.of(IDLE);
        List<TaskPriority> all = new ArrayList<>(List.of(TaskPriority.EXITED, idle, be7, TaskPriority.DIFFERENT, rt7,
                be0, TaskPriority.UNKNOWN, be4, rt0));
        java.util.Collections.sort(all);
        assertThat(all.subList(0, 6)).containsExactly(rt0, rt7, be0, be4, be7, idle);
        assertThat(all.subList(6, 9)).containsExactlyInAnyOrder(TaskPriority.DIFFERENT, TaskPriority.UNKNOWN,
                TaskPriority.EXITED);
        assertThat(TaskPriority.EXITED.compareTo(TaskPriority.UNKNOWN)).isZero();
        assertThat(TaskPriority.EXITED.text()).isEqualTo("-");
    }

    @Test
    void aLevelPastSevenKeepsItsClassAndRanksAfterItsLevels() {
        TaskPriority be9 = TaskPriority.of(new IoPriority(IoPriority.CLASS_BE, 9));
        assertThat(be9.text()).isEqualTo("be/9");
        assertThat(be9).isGreaterThan(TaskPriority.of(new IoPriority(IoPriority.CLASS_BE, 7)))
                .isLessThan(TaskPriority.IDLE);
    }

    @Test
    void levelsShareOneInstanceSoLabellingDoesNotAllocate() {
        assertThat(TaskPriority.of(new IoPriority(IoPriority.CLASS_BE, 4))).isSameAs(TaskPriority.of(BE4));
    }
}
