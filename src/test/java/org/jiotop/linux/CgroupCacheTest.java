package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each process's cgroup read once, kept while it lives, within bounds. */
class CgroupCacheTest {
    private static final long START = 1_000_000_000L;
    private final Map<Integer, Integer> reads = new HashMap<>();
    private final Map<Integer, TaskCgroup> where = new HashMap<>();

    private CgroupCache<String> cache(java.util.function.ToIntFunction<String> chars) {
        return new CgroupCache<>(pid -> {
            reads.merge(pid, 1, Integer::sum);
            return where.get(pid);
        }, cgroup -> new String(cgroup.path().bytes()), chars, "?");
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
