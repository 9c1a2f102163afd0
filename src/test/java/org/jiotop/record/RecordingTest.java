package org.jiotop.record;

import org.jiotop.linux.CgroupLabels;
import org.jiotop.linux.LogicalIo;
import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.TaskPriority;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.Visibility;
import org.jiotop.model.Interval;
import org.jiotop.model.IoDelta;
import org.jiotop.model.TaskActivity;
import org.jiotop.testkit.Child;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The recording format on its own: what is written is read back, and damage is found, never thrown. */
class RecordingTest {
    private static final long BASE = 5_000_000_000L;
    private static final SegmentStart START = new SegmentStart("0.1.0", "db1", 4194304, false, 1_765_000_000_000L,
            BASE);

    @TempDir
    Path dir;

    /**
     * A made-up interval: {@code n} tasks, their I/O growing with {@code step}; every third idle but
     * the sixth, which only makes system calls that the page cache serves; one exits. Bytes are whole
     * pages (the page cache's unit), but every seventh task's whole sectors, and one task's odd; every
     * fourth task makes system calls too. The ninth is gone after step 1.
     */
    private static Interval interval(int step, int n) {
        List<TaskActivity> tasks = new ArrayList<>();
        long end = BASE + (step + 1) * 1_000_000_000L;
        for (int i = 0; i < n; i++) {
            if ((i == 4 && step > 2) || (i == 9 && step > 1)) {
                continue; // exited at step 2; gone idle, without an exit report
            }
            IoDelta d = delta(step, i);
            IoDelta acc = IoDelta.ZERO;
            for (int k = 0; k <= step; k++) {
                acc = acc.plus(delta(k, i));
            }
            // A start time comes out a little differently in each sample, as the kernel's replies make it.
            long start = BASE - 7_000 * i + (step % 3) * 10_000;
            TaskSample s = new TaskSample(100 + i, 100, 1, start, 1000 + i % 2, false, acc.readBytes(),
                    acc.writeBytes(), acc.cancelledWriteBytes(), acc.blkioDelayNanos(), acc.swapinDelayNanos(),
                    acc.logical());
            byte[] exited = step == 2 && i == 4 ? "dd".getBytes() : null;
            tasks.add(new TaskActivity(s, d, acc, BASE, exited));
        }
        return new Interval(end - 1_000_000_000L, end, tasks, 12, -1, true, step);
    }

    private static IoDelta delta(int step, int i) {
        if (i == 6) {
            return new IoDelta(0, 0, 0, 0, 0, new LogicalIo(100_000L * step, 0, 3L * step, 0));
        }
        LogicalIo logical = i % 4 == 1 ? new LogicalIo(5000L * step * i, 300L * i, step + i, 2) : LogicalIo.ZERO;
        return i % 3 == 0 ? IoDelta.ZERO
                : new IoDelta(4096L * i, (i % 7 == 0 ? 512L : 4096L) * step * i + (i == 5 ? 1 : 0),
                i % 5 == 0 ? 4096 : 0, 1000L * i, i % 7, logical);
    }

    /** The tasks an interval has rows for: those that read, wrote, waited or made system calls. */
    private static boolean recorded(TaskActivity a) {
        return !a.delta().isZero() || !a.delta().logical().same(LogicalIo.ZERO);
    }

    private static TaskLabels labels(TaskActivity a) {
        TaskPriority prio = a.exited() ? TaskPriority.EXITED : TaskEntry.priority("be/" + a.sample().id() % 8);
        return new TaskLabels(prio, "user" + a.sample().uid(), "cmd " + a.sample().id() + (a.exited() ? " <exited>" : ""),
                "cmd", a.sample().id() % 2 == 0 ? "" : " [t]");
    }

    private static final Function<TaskActivity, TaskLabels> LABELS = RecordingTest::labels;

    private Path write(int intervals, int tasks) throws IOException {
        return write(intervals, tasks, step -> Visibility.TASKSTATS);
    }

    /** As above, each interval's counters from where {@code seen} says. */
    private Path write(int intervals, int tasks, IntFunction<Visibility> seen) throws IOException {
        Path file = dir.resolve("r.jiotop");
        try (RecordingWriter w = RecordingWriter.open(file, 0, START)) {
            for (int i = 0; i < intervals; i++) {
                w.append(interval(i, tasks), Instant.ofEpochMilli(1_765_000_000_000L + 1000L * i), seen.apply(i),
                        false, LABELS, true);
            }
        }
        return file;
    }

    private static List<RecordedInterval> read(Path file) throws RecordingException {
        List<RecordedInterval> out = new ArrayList<>();
        Recording.open(file).intervals().forEachRemaining(out::add);
        return out;
    }

    @Test
    void whatIsWrittenIsReadBackForEveryTaskAliveIdleOrNot() throws IOException {
        List<RecordedInterval> back = read(write(4, 30));
        assertThat(back).hasSize(4);
        for (int step = 0; step < 4; step++) {
            Interval written = interval(step, 30);
            RecordedInterval r = back.get(step);
            assertThat(r.time()).isEqualTo(Instant.ofEpochMilli(1_765_000_000_000L + 1000L * step));
            assertThat(r.interval().startNanos()).isEqualTo(written.startNanos());
            assertThat(r.interval().endNanos()).isEqualTo(written.endNanos());
            assertThat(r.interval().lostExitReports()).isEqualTo(step);
            assertThat(r.interval().pagedOutKiB()).isEqualTo(-1);
            assertThat(r.visibility()).isEqualTo(Visibility.TASKSTATS);
            List<TaskActivity> active = written.tasks();
            assertThat(r.interval().tasks()).hasSize(active.size());
            for (int i = 0; i < active.size(); i++) {
                TaskActivity want = active.get(i);
                TaskActivity got = r.interval().tasks().get(i);
                assertThat(got.sample().taskId().sameTask(want.sample().taskId())).isTrue();
                assertThat(got.delta()).isEqualTo(want.delta());
                assertThat(got.accumulated()).isEqualTo(want.accumulated());
                assertThat(got.exited()).isEqualTo(want.exited());
                assertThat(r.labelsOf(got.sample())).isEqualTo(labels(want));
                assertThat(got.sample().id()).isEqualTo(want.sample().id());
                assertThat(got.sample().logical()).isEqualTo(want.sample().logical());
            }
            // The task gone without an exit report is no longer listed.
            assertThat(r.interval().tasks().stream().anyMatch(a -> a.sample().id() == 109)).isEqualTo(step <= 1);
        }
    }

    /** Counters read from /proc, each interval for its own reason and with its own unreadable share. */
    private static Visibility procfs(int step) {
        Visibility.Why why = Visibility.Why.values()[step % Visibility.Why.values().length];
        return new Visibility(Visibility.Source.PROCFS, step * 37, 200 + step * 300, why);
    }

    @Test
    void whereEachIntervalsCountersCameFromIsReadBack() throws IOException {
        List<RecordedInterval> back = read(write(4, 12, RecordingTest::procfs));
        assertThat(back).hasSize(4);
        for (int step = 0; step < 4; step++) {
            assertThat(back.get(step).visibility()).isEqualTo(procfs(step));
            assertThat(back.get(step).interval().tasks()).hasSize(interval(step, 12).tasks().size());
        }
    }

    /** A process's owner as its cgroup might tell it: the same container for processes of one uid. */
    private static CgroupLabels owner(TaskActivity a) {
        int id = a.sample().id();
        return new CgroupLabels("u" + id + ".service", "c" + a.sample().uid(), "-", "/system.slice/u" + id);
    }

    @Test
    void theOwnersOfProcessesAreReadBackAndThreadsHaveNone() throws IOException {
        Path file = dir.resolve("owners.jiotop");
        try (RecordingWriter w = RecordingWriter.open(file, 0, START)) {
            for (int i = 0; i < 3; i++) {
                w.append(interval(i, 8), Instant.ofEpochMilli(1_765_000_000_000L + 1000L * i), Visibility.TASKSTATS,
                        false, LABELS, RecordingTest::owner, true);
            }
        }
        List<RecordedInterval> back = read(file);
        assertThat(back).hasSize(3);
        for (RecordedInterval r : back) {
            for (TaskActivity a : r.interval().tasks()) {
                // Task 100 leads process 100; the others are its threads, whose owner is their process's.
                assertThat(r.ownerOf(a.sample())).isEqualTo(a.sample().id() == 100 ? owner(a) : null);
            }
        }
    }

    @Test
    void aProcessMovedWhileYoungIsReadBackInItsNewCgroupAndOnceSettledKeepsIt() throws IOException {
        Path file = dir.resolve("moved.jiotop");
        // Process 100 starts in its parent's cgroup and is moved into its container after a second, as
        // runc's init is; once it is 5 s old, where it is moved to no longer counts.
        int[] step = new int[1];
        try (RecordingWriter w = RecordingWriter.open(file, 0, START)) {
            for (step[0] = 0; step[0] < 8; step[0]++) {
                w.append(interval(step[0], 3), Instant.ofEpochMilli(1_765_000_000_000L + 1000L * step[0]),
                        Visibility.TASKSTATS, false, LABELS, a -> new CgroupLabels("-", step[0] == 0 ? "-"
                                : step[0] < 6 ? "c1" : "c2", "-", "/x" + Math.min(step[0], 1)), true);
            }
        }
        List<String> containers = new ArrayList<>();
        for (RecordedInterval r : read(file)) {
            TaskSample leader = r.interval().tasks().stream().filter(a -> a.sample().id() == 100).findFirst()
                    .orElseThrow().sample();
            containers.add(r.ownerOf(leader).container());
            assertThat(r.labelsOf(leader)).isNotNull();
        }
        assertThat(containers).containsExactly("-", "c1", "c1", "c1", "c1", "c1", "c1", "c1");
    }

    @Test
    void aRowTakesFewBytes() throws IOException {
        Path file = write(200, 60);
        long rows = 0;
        for (int i = 0; i < 200; i++) {
            rows += interval(i, 60).tasks().stream().filter(RecordingTest::recorded).count();
        }
        // The goal is ~23 bytes a row, labels and interval headers included.
        assertThat((double) Files.size(file) / rows).isLessThan(23);
        int named = 0;
        try (FrameReader r = FrameReader.open(file)) {
            for (byte[] body = r.next(); body != null; body = r.next()) {
                named += body[0] == RecordFormat.TASK ? 1 : 0;
            }
        }
        // Each task once, idle or not, and the one that exits again with its new labels.
        assertThat(named).isEqualTo(60 + 1);
    }

    @Test
    void aTornTailIsSkippedAndAppendingContinuesAfterTheReadablePart() throws IOException {
        Path file = write(3, 10);
        long whole = Files.size(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, (int) whole - 5));
        Recording.Intervals pass = Recording.open(file).intervals();
        int n = 0;
        while (pass.hasNext()) {
            pass.next();
            n++;
        }
        assertThat(n).isEqualTo(2);
        assertThat(pass.damage()).contains("cut short");
        try (RecordingWriter w = RecordingWriter.open(file, 0, START)) {
            w.append(interval(7, 10), Instant.ofEpochMilli(9), Visibility.TASKSTATS, false, LABELS, true);
        }
        List<RecordedInterval> back = read(file);
        assertThat(back).hasSize(3);
        assertThat(back.getLast().time()).isEqualTo(Instant.ofEpochMilli(9));
        assertThat(Recording.open(file).info().damage()).isNull();
    }

    /** The records of {@code file} by type. */
    private static Map<Integer, Integer> recordTypes(Path file) throws RecordingException {
        Map<Integer, Integer> types = new HashMap<>();
        try (FrameReader r = FrameReader.open(file)) {
            for (byte[] body = r.next(); body != null; body = r.next()) {
                types.merge(body[0] & 0xFF, 1, Integer::sum);
            }
        }
        return types;
    }

    /** Task {@code id}, with {@code acc} accumulated, {@code d} of it in this interval; exited when named. */
    private static TaskActivity task(int id, IoDelta d, IoDelta acc, String exitedName) {
        TaskSample s = new TaskSample(id, id, 1, BASE - id, 0, false, acc.readBytes(), acc.writeBytes(), 0, 0, 0);
        return new TaskActivity(s, d, acc, BASE, exitedName == null ? null : exitedName.getBytes());
    }

    @Test
    void anExitedTaskListedForMoreIntervalsIsNamedOnceMore() throws IOException {
        Path file = dir.resolve("exits.jiotop");
        IoDelta wrote = new IoDelta(0, 8192, 0, 0, 0);
        try (RecordingWriter w = RecordingWriter.open(file, 0, START)) {
            for (int step = 0; step < 10; step++) {
                long end = BASE + (step + 1) * 1_000_000_000L;
                IoDelta acc = step == 0 ? wrote : wrote.plus(wrote);
                List<TaskActivity> tasks = List.of(task(1, IoDelta.ZERO, IoDelta.ZERO, null),
                        task(2, step < 2 ? wrote : IoDelta.ZERO, acc, step < 2 ? null : "dd"));
                w.append(new Interval(end - 1_000_000_000L, end, tasks, 0, 0, false, 0),
                        Instant.ofEpochMilli(1_765_000_000_000L + 1000L * step), Visibility.TASKSTATS, false,
                        LABELS, true);
            }
        }
        // Each task once, and the one that exits again with its exited labels: not once per interval listed.
        assertThat(recordTypes(file).get(RecordFormat.TASK)).isEqualTo(3);
        List<RecordedInterval> back = read(file);
        assertThat(back).hasSize(10);
        for (RecordedInterval i : back.subList(2, 10)) {
            TaskActivity exited = i.interval().tasks().getLast();
            assertThat(exited.exited()).isTrue();
            assertThat(exited.accumulated().writeBytes()).isEqualTo(16384);
        }
        assertThat(back.getLast().interval().tasks()).hasSize(2);
    }

    @Test
    void aSegmentEndsOnceItHasNamedAsManyTasksAsOneShould() throws IOException {
        Path file = dir.resolve("churn.jiotop");
        int perInterval = 5_000;
        IoDelta wrote = new IoDelta(0, 4096, 0, 0, 0);
        try (RecordingWriter w = RecordingWriter.open(file, 0, START)) {
            for (int step = 0; step < 10; step++) {
                long end = BASE + (step + 1) * 1_000_000_000L;
                List<TaskActivity> tasks = new ArrayList<>();
                for (int t = 0; t < perInterval; t++) {
                    tasks.add(task(1000 + step * perInterval + t, wrote, wrote, "sh"));
                }
                w.append(new Interval(end - 1_000_000_000L, end, tasks, 0, 0, false, 0),
                        Instant.ofEpochMilli(1_765_000_000_000L + 1000L * step), Visibility.TASKSTATS, false,
                        a -> new TaskLabels(TaskPriority.EXITED, "root", "sh -c job-" + a.sample().id(), "sh"), true);
            }
        }
        // 50,000 tasks with a command line each: a new segment after 32,768 of either.
        assertThat(recordTypes(file).get(RecordFormat.SEGMENT)).isEqualTo(2);
        List<RecordedInterval> back = read(file);
        assertThat(back).hasSize(10);
        for (int step = 0; step < 10; step++) {
            List<TaskActivity> tasks = back.get(step).interval().tasks();
            assertThat(tasks).hasSize(perInterval);
            assertThat(tasks.getFirst().sample().id()).isEqualTo(1000 + step * perInterval);
            assertThat(tasks).allSatisfy(a -> assertThat(a.delta().writeBytes()).isEqualTo(4096));
            assertThat(back.get(step).labels().get(tasks.getLast().sample().taskId()).processCommand())
                    .isEqualTo("sh -c job-" + (1000 + step * perInterval + perInterval - 1));
        }
    }

    @Test
    void damageWithRecordsAfterItIsNotCutOffByAppending() throws IOException {
        Path file = write(3, 10);
        byte[] bytes = Files.readAllBytes(file);
        bytes[RecordFormat.FILE_HEADER + RecordFormat.FRAME_HEADER + 2] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> RecordingWriter.open(file, 0, START)).isInstanceOf(RecordingException.class)
                .hasMessageStartingWith(file + ": is damaged at byte " + RecordFormat.FILE_HEADER + ", with ")
                .hasMessageEndingWith(" bytes after the damage (not appending to it)");
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void zerosWhereTheLastWritesWereLostAreCutOffLikeATornRecord() throws IOException {
        Path file = write(3, 10);
        long whole = Files.size(file);
        Files.write(file, new byte[4096], StandardOpenOption.APPEND);
        try (RecordingWriter w = RecordingWriter.open(file, 0, START)) {
            w.append(interval(7, 10), Instant.ofEpochMilli(9), Visibility.TASKSTATS, false, LABELS, true);
        }
        assertThat(read(file)).hasSize(4);
        assertThat(Files.size(file)).isLessThan(whole + 4096);
        assertThat(Recording.open(file).info().damage()).isNull();
    }

    @Test
    void aSecondWriterOfOneFileIsRefusedWhileTheFirstWrites() throws Exception {
        Path file = write(3, 10);
        try (RecordingWriter first = RecordingWriter.open(file, 0, START)) {
            long size = Files.size(file);
            try (Child other = Child.java(SecondWriter.class, file.toString())) {
                assertThat(other.readLine()).isEqualTo(file + ": is being recorded to by another jiotop");
            }
            assertThat(Files.size(file)).isEqualTo(size);
            first.append(interval(7, 10), Instant.ofEpochMilli(9), Visibility.TASKSTATS, false, LABELS, true);
        }
        assertThat(read(file)).hasSize(4);
        try (RecordingWriter again = RecordingWriter.open(file, 0, START)) {
            assertThat(again).isNotNull();
        }
    }

    /** A writer in another process: prints why it could not open the file named first. */
    public static final class SecondWriter {
        public static void main(String[] args) {
            try (RecordingWriter w = RecordingWriter.open(Path.of(args[0]), 0, START)) {
                System.out.println("opened");
            } catch (RecordingException e) {
                System.out.println(e.getMessage());
            }
        }
    }

    @Test
    void everyCutAndEveryFlippedByteGivesTheReadablePrefixNeverAnException() throws IOException {
        byte[] bytes = Files.readAllBytes(write(3, 6, step -> step == 1 ? procfs(step) : Visibility.TASKSTATS));
        Path damaged = dir.resolve("damaged");
        int whole = read(dir.resolve("r.jiotop")).size();
        Random random = new Random(19);
        for (int at = RecordFormat.FILE_HEADER; at < bytes.length; at++) {
            Files.write(damaged, Arrays.copyOf(bytes, at));
            assertThat(Recording.open(damaged).info().intervals()).isBetween(0, whole - 1);
            byte[] flipped = bytes.clone();
            flipped[at] ^= (byte) (1 << random.nextInt(8));
            Files.write(damaged, flipped);
            RecordingInfo info = Recording.open(damaged).info();
            assertThat(info.intervals()).isBetween(0, whole - 1);
            assertThat(info.damage()).isNotNull();
        }
    }

    @Test
    void filesThatAreNoRecordingGiveOneLine() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty"));
        assertThatThrownBy(() -> Recording.open(empty)).isInstanceOf(RecordingException.class)
                .hasMessage(empty + ": is empty, not a jiotop recording");
        assertThatThrownBy(() -> Recording.open(dir)).hasMessage(dir + ": is a directory, not a jiotop recording");
        assertThatThrownBy(() -> Recording.open(Path.of("/dev/zero")))
                .hasMessage("/dev/zero: not a jiotop recording");
        assertThatThrownBy(() -> Recording.open(dir.resolve("none"))).hasMessage(dir.resolve("none") + ": no such file");
        byte[] bytes = Files.readAllBytes(write(1, 3));
        bytes[RecordFormat.MAGIC.length] = 9;
        Path future = Files.write(dir.resolve("future"), bytes);
        assertThatThrownBy(() -> Recording.open(future))
                .hasMessage(future + ": recording format version 9, this jiotop reads version 1");
        assertThatThrownBy(() -> RecordingWriter.open(Path.of("/dev/zero"), 0, START))
                .hasMessage("/dev/zero: is not a regular file (not appending to it)");
    }

    @Test
    void pastItsLimitAFileBecomesFileDotOneAndANewOneStarts() throws IOException {
        Path file = dir.resolve("r.jiotop");
        long limit = 4096;
        try (RecordingWriter w = RecordingWriter.open(file, limit, START)) {
            for (int i = 0; i < 60; i++) {
                w.append(interval(i, 20), Instant.ofEpochMilli(i), Visibility.TASKSTATS, false, LABELS, true);
            }
        }
        Path older = dir.resolve("r.jiotop.1");
        assertThat(Files.size(file)).isLessThanOrEqualTo(limit);
        assertThat(Files.size(older)).isLessThanOrEqualTo(limit);
        List<RecordedInterval> last = read(file);
        List<RecordedInterval> before = read(older);
        assertThat(last.getLast().time()).isEqualTo(Instant.ofEpochMilli(59));
        assertThat(before.getLast().time().plusMillis(1)).isEqualTo(last.getFirst().time());
        // Each file stands alone: its first rows carry their accumulated figures and labels.
        int step = (int) last.getFirst().time().toEpochMilli();
        TaskActivity want = interval(step, 20).tasks().stream().filter(RecordingTest::recorded).findFirst().orElseThrow();
        TaskActivity first = last.getFirst().interval().tasks().stream()
                .filter(a -> a.sample().id() == want.sample().id()).findFirst().orElseThrow();
        assertThat(first.accumulated()).isEqualTo(want.accumulated());
        assertThat(last.getFirst().labelsOf(first.sample())).isEqualTo(labels(want));
    }
}
