package org.jiotop.cli;

import org.jiotop.linux.Capability;
import org.jiotop.linux.ProcFs;
import org.jiotop.testkit.Child;
import org.jiotop.testkit.IoRecorder;
import org.jiotop.testkit.SteadyWriter;
import org.jiotop.testkit.TestCgroups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Group rows against the real kernel: O_DIRECT writers moved into container-, pod- and unit-named
 * cgroups of the v1 hierarchies (systemd's, which names the owner, and blkio, which counts the
 * cgroup's own I/O), made under a parent of their own and removed afterwards.
 */
class GroupingKernelTest {
    private static final long RATE = 4L << 20;
    private final String parent = "jiotop-group-test-" + ProcessHandle.current().pid() + ".slice";

    @BeforeEach
    void v1Hierarchies() {
        Capability.assume(Capability.NET_ADMIN, Capability.DAC_OVERRIDE);
        assumeTrue(Files.exists(TestCgroups.BLKIO.resolve("cgroup.procs")), "needs the v1 blkio hierarchy");
        assumeTrue(Files.exists(TestCgroups.SYSTEMD.resolve("cgroup.procs")), "needs the v1 name=systemd hierarchy");
    }

    /** One report's group rows, by label: each a map of its JSON fields; with the report's time and length. */
    private record Report(Instant end, double seconds, Map<String, Map<String, Object>> groups) {
    }

    private static List<Report> reports(String out) {
        List<Report> reports = new ArrayList<>();
        for (String line : out.lines().toList()) {
            Instant end = null;
            double seconds = 0;
            Map<String, Map<String, Object>> groups = new HashMap<>();
            Map<String, Object> row = null;
            String name = null;
            boolean inRows = false;
            try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), line)) {
                for (JsonToken t; (t = p.nextToken()) != null; ) {
                    switch (t) {
                        case PROPERTY_NAME -> name = p.currentName();
                        case START_ARRAY -> inRows = "rows".equals(name);
                        case END_ARRAY -> inRows = false;
                        case START_OBJECT -> row = inRows ? new HashMap<>() : null;
                        case END_OBJECT -> {
                            if (row != null && row.get("group") instanceof String label) {
                                groups.put(label, row);
                            }
                            row = null;
                        }
                        case VALUE_STRING -> {
                            if (row != null) {
                                row.put(name, p.getString());
                            } else if ("time".equals(name)) {
                                end = Instant.parse(p.getString());
                            }
                        }
                        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                            if (row != null) {
                                row.put(name, p.getDoubleValue());
                            } else if ("interval_seconds".equals(name)) {
                                seconds = p.getDoubleValue();
                            }
                        }
                        default -> {
                        }
                    }
                }
            }
            reports.add(new Report(end, seconds, groups));
        }
        return reports;
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(OutputStream.nullOutputStream()), ProcFs.system());
        assertThat(status).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String hexId() {
        byte[] b = new byte[32];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Test
    void eachGroupsRateIsItsWritersAndItsCgroupsOwnCountersAreBesideIt() throws Exception {
        String docker = hexId();
        String cri = hexId();
        String podUid = UUID.randomUUID().toString();
        String[] dockerPath = {parent, "system.slice", "docker-" + docker + ".scope"};
        String[] podPath = {parent, "kubepods.slice", "kubepods-burstable.slice",
                "kubepods-burstable-pod" + podUid.replace('-', '_') + ".slice", "cri-containerd-" + cri + ".scope"};
        String[] unitPath = {parent, "system.slice", "foo.service"};
        try (TestCgroups cgroups = new TestCgroups();
             Child inDocker = writer(cgroups, "docker");
             Child inPod = writer(cgroups, "pod");
             Child inUnit = writer(cgroups, "unit");
             IoRecorder dockerIo = new IoRecorder(inDocker.pid());
             IoRecorder podIo = new IoRecorder(inPod.pid());
             IoRecorder unitIo = new IoRecorder(inUnit.pid())) {
            String device = place(cgroups, inDocker, dockerPath);
            place(cgroups, inPod, podPath);
            place(cgroups, inUnit, unitPath);

            List<Report> containers = reports(run("--format=json", "--group=container", "-n", "4", "-d", "1"));
            check(containers, docker.substring(0, 12), dockerIo, device);
            check(containers, cri.substring(0, 12), podIo, device);
            check(reports(run("--format=json", "--group=pod", "-n", "3", "-d", "1")), podUid, podIo, device);
            List<Report> units = reports(run("--format=json", "--group=unit", "-n", "3", "-d", "1"));
            check(units, "foo.service", unitIo, device);
            check(units, "docker-" + docker + ".scope", dockerIo, device);

            // -u takes a group's label, where it names no user: only that group is shown.
            List<Report> one = reports(run("--format=json", "--group=container", "-u", docker.substring(0, 12),
                    "-n", "2", "-d", "0.5"));
            assertThat(one).isNotEmpty().allSatisfy(r -> assertThat(r.groups().keySet())
                    .containsExactly(docker.substring(0, 12)));
        }
    }

    @Test
    void aRecordingReplaysItsContainersAsTheLiveRunShowedThem(@TempDir Path dir) throws Exception {
        String id = hexId();
        Path file = dir.resolve("containers.jiotop");
        try (TestCgroups cgroups = new TestCgroups();
             Child inDocker = cgroups.writerInContainer("replay", id, RATE)) {
            String live = run("-b", "--group=container", "-n", "3", "-d", "1", "--record", file.toString());
            assertThat(live).containsPattern("(?m)^" + id.substring(0, 12) + " ");
            String replayed = run("-b", "--group=container", "--replay", file.toString());
            assertThat(replayed.lines()).containsExactlyElementsOf(live.lines().toList());
        }
    }

    @Test
    void aNameThatIsNeitherUserNorGroupKindIsAnUnknownUser() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[]{"-b", "--group=user", "-u", "no-such-user-or-group"},
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                ProcFs.system());
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("jiotop: unknown user: no-such-user-or-group\n");
    }

    @Test
    void shortLivedWritersInAContainerCountInItsRow() throws Exception {
        int runs = 40;
        String id = hexId();
        try (TestCgroups cgroups = new TestCgroups()) {
            String file = cgroups.scratchFolder().resolve("group-churn-" + ProcessHandle.current().pid()).toString();
            try (Child loop = Child.command("bash", "-c", "read go; for i in $(seq " + runs + "); do dd if=/dev/zero of="
                    + file + " bs=1M count=4 oflag=direct status=none; sleep 0.05; done; rm -f " + file
                    + "; echo done; exec sleep 600")) {
                place(cgroups, loop, parent, "system.slice", "docker-" + id + ".scope");
                // The loop takes about 3 s here, longer on a loaded machine: jiotop watches for 10.
                CompletableFuture<MainTest.Result> jiotop = MainTest.start("--format=json", "-a", "--group=container",
                        "-n", "10", "-d", "1").afterBaseline();
                loop.send("go");
                assertThat(loop.readLine()).isEqualTo("done");
                assertThat(jiotop).as("jiotop ended before the last dd").isNotDone();
                MainTest.Result r = jiotop.get();
                Map<String, Object> row = reports(r.out()).getLast().groups().get(id.substring(0, 12));
                assertThat(row).as(r.out()).isNotNull();
                double written = (Double) row.get("accumulated_write_bytes");
                assertThat(written).as(r.out()).isGreaterThanOrEqualTo(0.99 * runs * (4 << 20));
                // Creating and truncating the file adds a little metadata I/O of its own.
                assertThat(written).as(r.out()).isLessThanOrEqualTo(1.01 * runs * (4 << 20));
            }
        }
    }

    /** A steady writer, ready: it writes from the start, so it is moved into its cgroups at once. */
    private static Child writer(TestCgroups cgroups, String name) throws Exception {
        Child w = Child.java(SteadyWriter.class, cgroups.scratchFolder().resolve("group-" + name + "-"
                + ProcessHandle.current().pid()).toString(), Long.toString(RATE));
        w.readLine();
        return w;
    }

    /** Moves {@code writer} into the cgroup {@code names} of both hierarchies; the device v1 counts, or null. */
    private static String place(TestCgroups cgroups, Child writer, String... names) throws Exception {
        Path blkio = cgroups.make(TestCgroups.BLKIO, names);
        Path systemd = cgroups.make(TestCgroups.SYSTEMD, names);
        String device = cgroups.throttleScratchDevice(blkio);
        cgroups.move(writer.pid(), blkio, systemd);
        return device;
    }

    /**
     * Each report's row of {@code label} writes at the rate the kernel counted for its writer over
     * that report's own interval, within 5 %; from the second report on (the first has no earlier
     * reading), the cgroup's own blkio counters say the same.
     */
    private static void check(List<Report> reports, String label, IoRecorder kernel, String device)
            throws InterruptedException {
        assertThat(reports).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            Map<String, Object> row = r.groups().get(label);
            assertThat(row).as("%s in %s", label, r.groups().keySet()).isNotNull();
            double expected = kernel.writeRate(r.end(), r.seconds());
            assertThat((Double) row.get("write_bytes_per_second")).as("%s: %s", label, row)
                    .isCloseTo(expected, within(expected * 0.05));
            assertThat(row.get("tasks")).isEqualTo(1.0);
            if (i > 0 && device != null) {
                assertThat(row.get("cgroup_io_source")).as("%s", row).isEqualTo("blkio");
                double counted = (Double) row.get("cgroup_write_bytes") / r.seconds();
                assertThat(counted).as("%s: %s", label, row).isCloseTo(expected, within(expected * 0.05));
            }
        }
    }
}
