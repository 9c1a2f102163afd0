package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each process's cgroup read once it has settled, kept while it lives, within bounds. */
class CgroupCacheTest {
    private static final long START = 1_000_000_000L;
    private final Map<Integer, Integer> reads = new HashMap<>();
    private final Map<Integer, TaskCgroup> where = new HashMap<>();
    /** The clock: processes started at {@link #START} have settled, unless a test says otherwise. */
    private long now = START + CgroupCache.SETTLE_NANOS;

    private CgroupCache<String> cache(java.util.function.ToIntFunction<String> chars) {
        return new CgroupCache<>(pid -> {
            reads.merge(pid, 1, Integer::sum);
            return where.get(pid);
        }, () -> now, cgroup -> new String(cgroup.path().bytes()), chars, "?");
    }

    private void place(int pid, String path) {
        where.put(pid, new TaskCgroup(CgroupHierarchy.V2, CgroupPath.of(path), null));
    }

    @Test
    void aProcessIsReadOnceAndKeepsWhatWasFirstSeen() {
        CgroupCache<String> cache = cache(String::length);
        place(7, "/system.slice/a.service");
        assertThat(cache.of(7, START)).isEqualTo("/system.slice/a.service");
        place(7, "/system.slice/b.service");
        assertThat(cache.of(7, START + TaskId.TOLERANCE_NANOS)).isEqualTo("/system.slice/a.service");
        assertThat(reads.get(7)).isEqualTo(1);
        assertThat(cache.last(7)).isEqualTo(new CgroupCache.Known<>(START, "/system.slice/a.service"));
    }

    @Test
    void aYoungProcessIsReadAgainUntilItHasSettledAndThenKeepsWhatWasRead() {
        CgroupCache<String> cache = cache(String::length);
        now = START + 100_000_000L;
        place(7, "/system.slice/containerd.service");
        assertThat(cache.of(7, START)).isEqualTo("/system.slice/containerd.service");
        place(7, "/kubepods/pod1/c1");
        now = START + CgroupCache.SETTLE_NANOS - 1;
        assertThat(cache.of(7, START + 1)).isEqualTo("/kubepods/pod1/c1");
        now = START + CgroupCache.SETTLE_NANOS;
        assertThat(cache.of(7, START + 2)).isEqualTo("/kubepods/pod1/c1");
        assertThat(reads.get(7)).isEqualTo(3);
        place(7, "/elsewhere");
        now += 1_000_000_000L;
        assertThat(cache.of(7, START)).isEqualTo("/kubepods/pod1/c1");
        assertThat(reads.get(7)).isEqualTo(3);
        assertThat(cache.last(7)).isEqualTo(new CgroupCache.Known<>(START, "/kubepods/pod1/c1"));
    }

    @Test
    void aYoungProcessThatEndedKeepsWhatWasReadWhileItLived() {
        CgroupCache<String> cache = cache(String::length);
        now = START;
        place(9, "/docker/abc");
        cache.of(9, START);
        // A zombie's /proc/PID/cgroup names the root: the kernel moves a task there as it exits.
        place(9, "/");
        assertThat(cache.of(9, START)).isEqualTo("/docker/abc");
        assertThat(cache.last(9)).isEqualTo(new CgroupCache.Known<>(START, "/docker/abc"));
        // A process in the root cgroup from its start is read no more once it has settled.
        place(10, "/");
        cache.of(10, START);
        now = START + CgroupCache.SETTLE_NANOS;
        cache.of(10, START);
        cache.of(10, START);
        assertThat(reads.get(10)).isEqualTo(2);
    }

    @Test
    void aYoungProcessThatIsGoneKeepsWhatWasReadWhileItLived() {
        CgroupCache<String> cache = cache(String::length);
        now = START;
        place(9, "/a.service");
        cache.of(9, START);
        where.remove(9);
        assertThat(cache.of(9, START)).isEqualTo("/a.service");
        assertThat(cache.last(9)).isEqualTo(new CgroupCache.Known<>(START, "/a.service"));
    }

    @Test
    void aLaterProcessWithTheSameIdIsReadAfresh() {
        CgroupCache<String> cache = cache(String::length);
        place(7, "/a.service");
        cache.of(7, START);
        place(7, "/b.service");
        assertThat(cache.of(7, START + TaskId.TOLERANCE_NANOS + 1)).isEqualTo("/b.service");
        assertThat(reads.get(7)).isEqualTo(2);
        assertThat(cache.last(7).startNanos()).isEqualTo(START + TaskId.TOLERANCE_NANOS + 1);
    }

    @Test
    void aGoneProcessIsUnreadableAndNotKept() {
        CgroupCache<String> cache = cache(String::length);
        assertThat(cache.of(8, START)).isEqualTo("?");
        assertThat(cache.last(8)).isNull();
        place(8, "/late.service");
        assertThat(cache.of(8, START)).isEqualTo("/late.service");
    }

    @Test
    void processesInOneCgroupShareTheirLabels() {
        CgroupCache<String> cache = cache(String::length);
        place(1, "/shared.service");
        place(2, "/shared.service");
        assertThat(cache.of(1, START)).isSameAs(cache.of(2, START));
    }

    @Test
    void keepsAtMostItsCountOfProcessesTheLeastRecentlyAskedForgottenFirst() {
        CgroupCache<String> cache = cache(s -> 1);
        for (int pid = 1; pid <= CgroupCache.PROCESSES + 10; pid++) {
            place(pid, "/p.service");
            cache.of(pid, START);
            if (pid > 1) {
                cache.of(1, START); // asked about again: the most recent
            }
        }
        assertThat(cache.size()).isEqualTo(CgroupCache.PROCESSES);
        assertThat(cache.last(1)).isNotNull();
        assertThat(cache.last(2)).isNull();
        assertThat(cache.last(CgroupCache.PROCESSES + 10)).isNotNull();
    }

    @Test
    void keepsAtMostItsCharacters() {
        int perProcess = 100_000;
        CgroupCache<String> cache = cache(s -> perProcess);
        int fit = (int) (CgroupCache.CHARS / perProcess);
        for (int pid = 1; pid <= fit + 5; pid++) {
            place(pid, "/p.service");
            cache.of(pid, START);
        }
        assertThat(cache.size()).isEqualTo(fit);
        assertThat(cache.heldChars()).isEqualTo((long) fit * perProcess).isLessThanOrEqualTo(CgroupCache.CHARS);
        assertThat(cache.last(5)).isNull();
        assertThat(cache.last(fit + 5)).isNotNull();
    }
}
