package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The task list's bookkeeping, fed walks and events by hand. */
class LiveTasksTest {
    private static LiveTasks walked(int... tidTgidPairs) {
        LiveTasks t = new LiveTasks();
        t.beginWalk();
        for (int i = 0; i < tidTgidPairs.length; i += 2) {
            t.found(tidTgidPairs[i], tidTgidPairs[i + 1]);
        }
        t.endWalk();
        t.publish();
        return t;
    }

    @Test
    void aWalkListsProcessesAndThreadsAscending() {
        LiveTasks t = walked(30, 30, 10, 10, 32, 30, 31, 30);
        assertThat(t.order().pids()).containsExactly(10, 30);
        assertThat(t.order().tids(30)).containsExactly(30, 31, 32);
        assertThat(t.order().tids(20)).isEmpty();
    }

    @Test
    void forksAddProcessesAndThreadsAndExitsRemoveThem() {
        LiveTasks t = walked(10, 10);
        t.fork(10, 10, 20, 20);
        t.fork(20, 20, 21, 20);
        t.publish();
        assertThat(t.order().pids()).containsExactly(10, 20);
        assertThat(t.order().tids(20)).containsExactly(20, 21);
        t.exit(21, 20, 0, 0, 10, 10);
        t.publish();
        assertThat(t.order().tids(20)).containsExactly(20);
        t.exit(20, 20, 0, 17, 10, 10);
        t.publish();
        assertThat(t.order().pids()).containsExactly(10);
        assertThat(t.order().size()).isEqualTo(1);
    }

    @Test
    void aProcessWhoseLeaderEndedIsListedWhileAThreadLives() {
        LiveTasks t = walked(40, 40, 41, 40);
        t.exit(40, 40, 0, 0, 1, 1);
        t.publish();
        assertThat(t.order().pids()).containsExactly(40);
        assertThat(t.order().tids(40)).containsExactly(41);
    }

    @Test
    void anExecInAThreadLeavesOnlyTheLeadersId() {
        // Thread 52 execs: the kernel ends 51 and the leader 50 (exits), then 52 takes ID 50 and
        // its own ID goes without an exit event.
        LiveTasks t = walked(50, 50, 51, 50, 52, 50, 60, 60);
        t.exit(51, 50, 9, 0, 1, 1);
        t.exit(50, 50, 9, 0, 1, 1);
        t.exec(50, 50);
        t.publish();
        assertThat(t.order().pids()).containsExactly(50, 60);
        assertThat(t.order().tids(50)).containsExactly(50);
    }

    @Test
    void aWalkSkipsTasksAlreadySeenToExit() {
        LiveTasks t = walked(10, 10, 70, 70);
        t.exit(70, 70, 0, 0, 10, 10);
        // The next walk still finds 70, a zombie until its parent reaps it.
        t.beginWalk();
        t.found(10, 10);
        t.found(70, 70);
        t.endWalk();
        t.publish();
        assertThat(t.order().pids()).containsExactly(10);
    }

    @Test
    void aReusedIdIsListedAgainAfterItsFork() {
        LiveTasks t = walked(10, 10, 70, 70);
        t.exit(70, 70, 0, 0, 10, 10);
        t.fork(10, 10, 70, 70);
        t.beginWalk();
        t.found(10, 10);
        t.found(70, 70);
        t.endWalk();
        t.publish();
        assertThat(t.order().pids()).containsExactly(10, 70);
    }

    @Test
    void eventsAppliedAfterAWalkWinOverIt() {
        LiveTasks t = new LiveTasks();
        t.beginWalk();
        t.found(10, 10);
        t.found(80, 80);
        t.endWalk();
        t.exit(80, 80, 0, 0, 10, 10);
        t.fork(10, 10, 81, 81);
        t.publish();
        assertThat(t.order().pids()).containsExactly(10, 81);
    }

    @Test
    void gapsInACpusNumberingCountAsLost() {
        LiveTasks t = new LiveTasks();
        t.sequence(0, 5);
        t.sequence(1, 100);
        t.sequence(0, 6);
        t.sequence(1, 103);
        t.sequence(0, 10);
        assertThat(t.lost()).isEqualTo(2 + 3);
        t.sequence(0, 9);
        assertThat(t.lost()).as("a step back").isEqualTo(5);
    }

    @Test
    void anAnswerNumberedWithTheEventsIsNoGap() {
        LiveTasks t = new LiveTasks();
        t.sequence(0, 5);
        t.acknowledged(0, 6, 0);
        t.acknowledged(0, 0, 0);
        t.sequence(0, 7);
        assertThat(t.lost()).isZero();
        assertThat(t.acknowledged()).isZero();
        t.acknowledged(0, 30, 0);
        t.sequence(0, 9);
        assertThat(t.lost()).as("an answer numbered otherwise moves nothing").isEqualTo(1);
    }

    @Test
    void numberingWrapsWithoutALoss() {
        LiveTasks t = new LiveTasks();
        t.sequence(3, -1);
        t.sequence(3, 0);
        assertThat(t.lost()).isZero();
    }

    @Test
    void theProcessArrayIsKeptWhileTheProcessesStayTheSame() {
        LiveTasks t = walked(10, 10, 20, 20);
        int[] before = t.order().pids();
        t.fork(20, 20, 21, 20);
        t.publish();
        assertThat(t.order().pids()).isSameAs(before);
        t.publish();
        assertThat(t.order().pids()).isSameAs(before);
    }

    @Test
    void aProcessWhoseThreadsAllExitedIsListedAsAZombieUntilReaped() {
        LiveTasks t = walked(10, 10, 20, 20, 21, 20, 30, 30);
        t.exit(21, 20, 0, 0, 10, 10);
        t.exit(20, 20, 0, 17, 10, 10);
        t.exit(30, 30, 0, 17, 10, 10);
        t.publish();
        int[] live = t.order().pids();
        assertThat(live).containsExactly(10);
        Set<Integer> present = new HashSet<>(Set.of(20, 30));
        List<Integer> asked = new ArrayList<>();
        IntPredicate inProc = pid -> {
            asked.add(pid);
            return present.contains(pid);
        };
        assertThat(t.withUnreaped(live, inProc)).containsExactly(10, 20, 30);
        assertThat(live).as("the live list is not modified").containsExactly(10);
        present.remove(20);
        assertThat(t.withUnreaped(live, inProc)).containsExactly(10, 30);
        asked.clear();
        present.remove(30);
        assertThat(t.withUnreaped(live, inProc)).isSameAs(live);
        assertThat(asked).containsExactly(30);
        asked.clear();
        present.addAll(Set.of(20, 30));
        assertThat(t.withUnreaped(live, inProc)).as("a reaped one is forgotten").isSameAs(live);
        assertThat(asked).isEmpty();
    }

    @Test
    void aZombiesIdTakenByANewProcessIsListedOnce() {
        LiveTasks t = walked(10, 10, 20, 20);
        t.exit(20, 20, 0, 17, 10, 10);
        t.fork(10, 10, 20, 20);
        t.publish();
        assertThat(t.withUnreaped(t.order().pids(), pid -> true)).containsExactly(10, 20);
        t.exit(20, 20, 0, 17, 10, 10);
        t.publish();
        assertThat(t.withUnreaped(t.order().pids(), pid -> true)).as("and a zombie again after its exit")
                .containsExactly(10, 20);
    }

    @Test
    void aLeaderThatExitedWhileAThreadLivesIsNoZombie() {
        LiveTasks t = walked(40, 40, 41, 40);
        t.exit(40, 40, 0, 0, 1, 1);
        t.publish();
        assertThat(t.withUnreaped(t.order().pids(), pid -> true)).containsExactly(40);
        t.exit(41, 40, 0, 0, 1, 1);
        t.publish();
        assertThat(t.order().pids()).isEmpty();
        assertThat(t.withUnreaped(t.order().pids(), pid -> true)).containsExactly(40);
    }

    @Test
    void reapedProcessesAreForgottenWithoutBeingListed() {
        LiveTasks t = walked(10, 10, 20, 20, 30, 30);
        t.exit(20, 20, 0, 17, 10, 10);
        t.exit(30, 30, 0, 17, 10, 10);
        t.publish();
        assertThat(t.forgetReaped(t.order().pids(), pid -> pid == 30)).as("30 is still a zombie").isEqualTo(1);
        List<Integer> asked = new ArrayList<>();
        assertThat(t.withUnreaped(t.order().pids(), pid -> asked.add(pid))).containsExactly(10, 30);
        assertThat(asked).as("20 was forgotten").containsExactly(30);
    }
}
