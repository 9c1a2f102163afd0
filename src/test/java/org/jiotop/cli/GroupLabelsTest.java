package org.jiotop.cli;

import org.jiotop.linux.CgroupHierarchy;
import org.jiotop.linux.CgroupIoReader;
import org.jiotop.linux.CgroupLabels;
import org.jiotop.linux.CgroupPath;
import org.jiotop.linux.IoCounts;
import org.jiotop.linux.TaskCgroup;
import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.TaskPriority;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.UserDb;
import org.jiotop.model.Group;
import org.jiotop.model.GroupKind;
import org.jiotop.model.Groups;
import org.jiotop.model.IoDelta;
import org.jiotop.model.Report;
import org.jiotop.model.Row;
import org.jiotop.model.TaskActivity;
import org.jiotop.output.BatchFormat;
import org.jiotop.output.CsvFormat;
import org.jiotop.output.JsonLinesFormat;
import org.jiotop.output.SizeStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Group labels read through the fixture /proc (src/test/resources/cgroup), and the groups' own counters. */
class GroupLabelsTest {
    private static final String DOCKER = "3f4e2a9b1c7d";
    private static final String DOCKER_SCOPE =
            "/system.slice/docker-3f4e2a9b1c7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f.scope";

    @TempDir
    Path tmp;

    private static Path fixture(String name) {
        try {
            return Path.of(GroupLabelsTest.class.getResource("/cgroup/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Row process(int pid, int ppid, long start, boolean exited) {
        TaskActivity a = new TaskActivity(new TaskSample(pid, pid, ppid, start, 0, false, 0, 0, 0, 0, 0),
                IoDelta.ZERO, IoDelta.ZERO, 0, exited ? "dd".getBytes(StandardCharsets.UTF_8) : null);
        return new Row(pid, pid, 0, 0, 0, 0, 0, a);
    }

    private GroupLabels labels() throws IOException {
        Files.writeString(tmp.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(tmp.resolve("nsswitch.conf"), "passwd: files\n");
        return new GroupLabels(new UserDb(tmp), fixture("proc"));
    }

    @Test
    void eachKindTakesItsLabelFromTheProcessesCgroup() throws IOException {
        GroupLabels labels = labels();
        List<Row> rows = List.of(process(100, 1, 0, false), process(101, 1, 0, false), process(103, 1, 0, false),
                process(4242, 1, 0, false));
        assertThat(labels.of(rows, GroupKind.UNIT).labels()).containsExactly("nginx.service",
                "docker-3f4e2a9b1c7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f.scope",
                "cri-containerd-0e1d2c3b4a5968778695a4b3c2d1e0f0123456789abcdef0fedcba9876543210.scope", "?");
        assertThat(labels.of(rows, GroupKind.CONTAINER).labels()).containsExactly("-", DOCKER, "0e1d2c3b4a59", "?");
        assertThat(labels.of(rows, GroupKind.POD).labels())
                .containsExactly("-", "-", "7c0b5a1e-3f2d-4c8b-9e6a-1d2c3b4a5f60", "?");
        assertThat(labels.of(rows, GroupKind.CGROUP).labels().get(0)).isEqualTo("/system.slice/nginx.service");
        assertThat(labels.of(rows, GroupKind.USER).labels()).containsOnly("root");
    }

    @Test
    void hostileCgroupNamesAreEscapedAndBoundedInEveryOutput() throws IOException {
        // ESC, bytes that are no UTF-8, a 4 KiB name: as /proc gives them (fixtures 120, 123, 124).
        List<Row> rows = List.of(process(120, 1, 0, false), process(123, 1, 0, false), process(124, 1, 0, false));
        List<String> units = labels().of(rows, GroupKind.UNIT).labels();
        assertThat(units.get(0)).isEqualTo("evil\\x1b[31m.service");
        assertThat(units.get(2)).hasSizeLessThanOrEqualTo(1024);
        List<Row> groups = new ArrayList<>();
        for (Row g : Groups.sum(rows, units)) {
            groups.add(g.labelled(new TaskLabels(TaskPriority.GROUP, "root", "1 process")));
        }
        Report report = new Report(0, 1_000_000_000L, true, false, true, 0, 0, 0, 0, -1, groups, GroupKind.UNIT);
        List<String> out = new ArrayList<>(new BatchFormat(5, SizeStyle.IOTOP, false, 0).lines(report, 0, () -> null));
        out.add(new JsonLinesFormat().line(report, Instant.EPOCH));
        out.addAll(new CsvFormat().lines(report, Instant.EPOCH));
        for (String line : out) {
            assertThat(line.chars()).as(line).noneMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0));
        }
        assertThat(String.join("\n", out)).contains("evil\\x1b[31m.service");
    }

    @Test
    void anExitedProcessKeepsItsLabelAndOneNeverSeenTakesItsParents() throws IOException {
        GroupLabels labels = labels();
        labels.of(List.of(process(100, 1, 0, false), process(101, 1, 0, false)), GroupKind.CONTAINER);
        List<Row> later = List.of(process(100, 1, 5_000_000, true), process(7000, 101, 9_000_000_000L, true),
                process(7001, 6999, 9_000_000_000L, true), process(101, 1, 0, false));
        GroupLabels.Labelled l = labels.of(later, GroupKind.CONTAINER);
        assertThat(l.labels()).containsExactly("-", DOCKER, "?", DOCKER);
        // Only the living tell where a group's counters are.
        assertThat(l.cgroups().get(DOCKER)).containsExactly(
                new TaskCgroup(CgroupHierarchy.V2, CgroupPath.of(DOCKER_SCOPE), null));
        assertThat(l.cgroups()).doesNotContainKey("?");
    }

    @Test
    void aCommandWhoseShellEndedUnseenTooTakesTheLabelOfTheFirstAncestorSeen() throws IOException {
        GroupLabels labels = labels();
        labels.of(List.of(process(101, 1, 0, false)), GroupKind.CONTAINER);
        // 101 runs sh -c "dd ...; true": both end between two samples, the dd's report first.
        List<Row> later = List.of(process(101, 1, 0, false), process(7011, 7010, 9_000_000_000L, true),
                process(7010, 101, 9_000_000_000L, true), process(7021, 7020, 9_000_000_000L, true),
                process(7020, 7021, 9_000_000_000L, true));
        assertThat(labels.of(later, GroupKind.CONTAINER).labels()).as("a loop of reused IDs ends unknown")
                .containsExactly(DOCKER, DOCKER, DOCKER, "?", "?");
    }

    @Test
    void aRecordingKeepsTheOwnerTheViewsShowForACommandWhoseShellEndedUnseen() throws IOException {
        GroupLabels labels = labels();
        labels.of(List.of(process(101, 1, 0, false)), GroupKind.CONTAINER);
        List<Row> later = List.of(process(101, 1, 0, false), process(7011, 7010, 9_000_000_000L, true),
                process(7010, 101, 9_000_000_000L, true));
        // --record asks first, one process at a time as it writes them, then the views label the rows.
        Function<TaskActivity, CgroupLabels> recorded = labels.ownersOf(later.stream().map(Row::activity).toList());
        assertThat(recorded.apply(later.get(1).activity()).container()).isEqualTo(DOCKER);
        assertThat(labels.of(later, GroupKind.CONTAINER).labels()).containsExactly(DOCKER, DOCKER, DOCKER);
    }

    @Test
    void anExitedProcessKeepsItsLabelWhileListedThoughItsIdIsReused() throws IOException {
        Path proc = tmp.resolve("proc");
        Files.createDirectories(proc.resolve("101"));
        Files.writeString(proc.resolve("101/cgroup"), "0::" + DOCKER_SCOPE + "\n");
        Files.writeString(tmp.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(tmp.resolve("nsswitch.conf"), "passwd: files\n");
        GroupLabels labels = new GroupLabels(new UserDb(tmp), proc);
        labels.of(List.of(process(101, 1, 0, false)), GroupKind.CONTAINER);
        Row ended = process(101, 1, 5_000_000, true);
        assertThat(labels.of(List.of(ended), GroupKind.CONTAINER).labels()).containsExactly(DOCKER);
        // Reports later (-a, --keep-exited), a process outside any container has ID 101.
        Files.writeString(proc.resolve("101/cgroup"), "0::/system.slice/cron.service\n");
        List<Row> later = List.of(process(101, 1, 90_000_000_000L, false), ended);
        assertThat(labels.of(later, GroupKind.CONTAINER).labels()).containsExactly("-", DOCKER);
    }

    @Test
    void aGroupsCountersAreTheChangeOfItsOutermostCgroupsSinceTheIntervalBefore() throws IOException {
        Path scope = Files.createDirectories(tmp.resolve("v2" + DOCKER_SCOPE));
        Path inner = Files.createDirectories(scope.resolve("inner"));
        Files.writeString(scope.resolve("io.stat"), "254:0 rbytes=4096 wbytes=8192 rios=1 wios=2\n");
        Files.writeString(inner.resolve("io.stat"), "254:0 rbytes=0 wbytes=4096 rios=0 wios=1\n");
        GroupDevices devices = new GroupDevices(new CgroupIoReader(tmp.resolve("v2"), null));
        TaskCgroup outer = new TaskCgroup(CgroupHierarchy.V2, CgroupPath.of(DOCKER_SCOPE), null);
        TaskCgroup nested = new TaskCgroup(CgroupHierarchy.V2, CgroupPath.of(DOCKER_SCOPE + "/inner"), null);
        TaskCgroup missing = new TaskCgroup(CgroupHierarchy.V2, CgroupPath.of("/gone.scope"), null);
        Map<String, Set<TaskCgroup>> where = Map.of(DOCKER, Set.of(outer, nested), "gone", Set.of(missing),
                "-", Set.of(outer));
        List<Row> groups = Groups.sum(List.of(process(1, 0, 0, false), process(2, 0, 0, false),
                process(3, 0, 0, false)), List.of(DOCKER, "gone", "-"));

        List<Row> first = devices.attach(groups, where, 0, 1, 2.0);
        assertThat(first).extracting(r -> r.group().device()).as("no earlier reading").containsOnlyNulls();

        Files.writeString(scope.resolve("io.stat"), "254:0 rbytes=4096 wbytes=1056768 rios=1 wios=66\n");
        Files.writeString(inner.resolve("io.stat"), "254:0 rbytes=0 wbytes=1052672 rios=0 wios=65\n");
        List<Row> second = devices.attach(groups, where, 1, 2, 2.0);
        Group docker = second.get(0).group();
        assertThat(docker.device()).as("the inner cgroup's I/O is in the outer one's").isEqualTo(
                new IoCounts(0, 1 << 20, 0, 64, 0, 0));
        assertThat(docker.deviceSource()).isEqualTo(CgroupHierarchy.V2);
        assertThat(docker.deviceBytesPerSecond()).isEqualTo((1 << 20) / 2.0);
        assertThat(second.get(1).group().device()).as("unreadable: unknown, not 0").isNull();
        assertThat(second.get(2).group().device()).as("no owner: no counters of its own").isNull();

        Files.writeString(scope.resolve("io.stat"), "254:0 rbytes=4096 wbytes=9999999 rios=1 wios=99\n");
        assertThat(devices.attach(groups, where, 1, 2, 2.0).getFirst().group().device())
                .as("a report of the same interval again: each cgroup is read once per interval")
                .isEqualTo(docker.device());

        // Not read for the interval 2..3 (column hidden): 3..4 has no base, then 4..5 has one again.
        assertThat(devices.attach(groups, where, 3, 4, 2.0).getFirst().group().device())
                .as("the reading before is two intervals old").isNull();
        Files.writeString(scope.resolve("io.stat"), "254:0 rbytes=4096 wbytes=10004095 rios=1 wios=100\n");
        assertThat(devices.attach(groups, where, 4, 5, 2.0).getFirst().group().device())
                .isEqualTo(new IoCounts(0, 4096, 0, 1, 0, 0));
    }

    @Test
    void aDiskUnpluggedTakesNothingFromTheOtherDisksCounts() throws IOException {
        Path scope = Files.createDirectories(tmp.resolve("v2" + DOCKER_SCOPE));
        Files.writeString(scope.resolve("io.stat"), "8:0 rbytes=0 wbytes=4096 rios=0 wios=1\n"
                + "8:16 rbytes=0 wbytes=900000000 rios=0 wios=300\n");
        GroupDevices devices = new GroupDevices(new CgroupIoReader(tmp.resolve("v2"), null));
        Map<String, Set<TaskCgroup>> where = Map.of(DOCKER, Set.of(new TaskCgroup(CgroupHierarchy.V2,
                CgroupPath.of(DOCKER_SCOPE), null)));
        List<Row> groups = Groups.sum(List.of(process(1, 0, 0, false)), List.of(DOCKER));
        devices.attach(groups, where, 0, 1, 1.0);
        // The USB disk 8:16 went away; sda wrote 1 MiB more.
        Files.writeString(scope.resolve("io.stat"), "8:0 rbytes=0 wbytes=1052672 rios=0 wios=257\n");
        assertThat(devices.attach(groups, where, 1, 2, 1.0).getFirst().group().device())
                .isEqualTo(new IoCounts(0, 1 << 20, 0, 256, 0, 0));
    }

    @Test
    void inV1EachCgroupCountsItsOwnIoSoNestedOnesAddUp() throws IOException {
        Path blkio = tmp.resolve("blkio");
        Path scope = Files.createDirectories(blkio.resolve(DOCKER_SCOPE.substring(1)));
        Path inner = Files.createDirectories(scope.resolve("inner"));
        String zero = "254:0 Read 0\n254:0 Write 0\nTotal 0\n";
        for (Path p : List.of(scope, inner)) {
            Files.writeString(p.resolve("blkio.throttle.io_service_bytes"), zero);
            Files.writeString(p.resolve("blkio.throttle.io_serviced"), zero);
        }
        GroupDevices devices = new GroupDevices(new CgroupIoReader(null, blkio));
        TaskCgroup outer = new TaskCgroup(CgroupHierarchy.BLKIO, CgroupPath.of(DOCKER_SCOPE), CgroupPath.of(DOCKER_SCOPE));
        TaskCgroup nested = new TaskCgroup(CgroupHierarchy.BLKIO, CgroupPath.of(DOCKER_SCOPE + "/inner"),
                CgroupPath.of(DOCKER_SCOPE + "/inner"));
        Map<String, Set<TaskCgroup>> where = Map.of(DOCKER, Set.of(outer, nested));
        List<Row> groups = Groups.sum(List.of(process(1, 0, 0, false), process(2, 0, 0, false)), List.of(DOCKER, DOCKER));
        devices.attach(groups, where, 0, 1, 1.0);
        Files.writeString(scope.resolve("blkio.throttle.io_service_bytes"), "254:0 Read 0\n254:0 Write 4096\nTotal 4096\n");
        Files.writeString(inner.resolve("blkio.throttle.io_service_bytes"), "254:0 Read 0\n254:0 Write 8192\nTotal 8192\n");
        assertThat(devices.attach(groups, where, 1, 2, 1.0).getFirst().group().device().writeBytes())
                .isEqualTo(12288);
    }

    @Test
    void processesThatReachOneFileOfCountersThroughTwoHierarchiesCountItOnce() throws IOException {
        Path blkio = tmp.resolve("blkio");
        Path t = Files.createDirectories(blkio.resolve("t"));
        String zero = "254:0 Read 0\n254:0 Write 0\nTotal 0\n";
        Files.writeString(t.resolve("blkio.throttle.io_service_bytes"), zero);
        Files.writeString(t.resolve("blkio.throttle.io_serviced"), zero);
        // A hybrid machine whose v2 has no io controller: /t's v2 counters are blkio's.
        GroupDevices devices = new GroupDevices(new CgroupIoReader(Files.createDirectories(tmp.resolve("v2/t"))
                .getParent(), blkio));
        CgroupPath path = CgroupPath.of("/t");
        Map<String, Set<TaskCgroup>> where = Map.of("/t", Set.of(new TaskCgroup(CgroupHierarchy.V2, path, path),
                new TaskCgroup(CgroupHierarchy.SYSTEMD, path, path)));
        List<Row> groups = Groups.sum(List.of(process(1, 0, 0, false), process(2, 0, 0, false)), List.of("/t", "/t"));
        devices.attach(groups, where, 0, 1, 1.0);
        Files.writeString(t.resolve("blkio.throttle.io_service_bytes"), "254:0 Read 0\n254:0 Write 4096\nTotal 4096\n");
        assertThat(devices.attach(groups, where, 1, 2, 1.0).getFirst().group().device().writeBytes())
                .isEqualTo(4096);
    }
}
