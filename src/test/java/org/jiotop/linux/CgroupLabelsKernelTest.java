package org.jiotop.linux;

import org.jiotop.testkit.Child;
import org.jiotop.testkit.TestCgroups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Labels and counters of processes moved into container- and pod-named cgroups of the running
 * kernel's v1 hierarchies (blkio, and systemd's named one). The cgroups are made under a parent
 * of this test's own, and removed afterwards, also when the test fails.
 */
class CgroupLabelsKernelTest {
    private static final Path BLKIO = TestCgroups.BLKIO;
    private static final Path SYSTEMD = TestCgroups.SYSTEMD;
    private static final int WRITTEN = 1 << 20;
    private final String parent = "jiotop-test-" + ProcessHandle.current().pid() + ".slice";

    @BeforeEach
    void v1Hierarchies() {
        // Taskstats, and making cgroups and moving processes in the root-owned hierarchies.
        Capability.assume(Capability.NET_ADMIN, Capability.DAC_OVERRIDE);
        assumeTrue(Files.exists(BLKIO.resolve("cgroup.procs")), "needs the v1 blkio hierarchy");
        // A child sits where this process does: outside the blkio hierarchy, at the root.
        TaskCgroup self = ProcCgroup.system().read((int) ProcessHandle.current().pid());
        assumeTrue(self.path().isRoot(), "this process sits in a cgroup other than the root");
    }

    @Test
    void aProcessInAContainerNamedBlkioCgroupIsLabelledAndItsCountersRead() throws Exception {
        String id = TestCgroups.randomContainerId();
        try (TestCgroups cgroups = new TestCgroups()) {
            Path scope = cgroups.make(BLKIO, parent, "docker-" + id + ".scope");
            String device = cgroups.throttleScratchDevice(scope);
            Child writer = cgroups.writer(WRITTEN);
            String path = "/" + parent + "/docker-" + id + ".scope";

            TaskCgroup task = ProcCgroup.system().read(writer.pid());
            assertThat(task).isEqualTo(new TaskCgroup(CgroupHierarchy.BLKIO, CgroupPath.of(path), CgroupPath.of(path)));
            assertThat(CgroupLabels.of(task)).isEqualTo(
                    new CgroupLabels("docker-" + id + ".scope", id.substring(0, 12), CgroupLabels.NONE, path));

            writer.send("go");
            assertThat(writer.readLine()).isEqualTo("written");
            CgroupIo io = CgroupIoReader.system().of(task);
            assertThat(io).isNotNull();
            assertThat(io.source()).isEqualTo(CgroupHierarchy.BLKIO);
            if (device != null) {
                // v1 counts a device's I/O only where a throttle limit is set for it.
                assertThat(io.devices()).filteredOn(d -> device.equals(d.major() + ":" + d.minor()))
                        .singleElement().extracting(DeviceIo::counts)
                        .satisfies(c -> assertThat(c.writeBytes()).isGreaterThanOrEqualTo(WRITTEN));
            }
        }
    }

    /** As runc does with its init, and systemd with a unit's process: moved just after it starts. */
    @Test
    void aProcessMovedJustAfterItStartsIsLabelledByWhereItWasMoved() throws Exception {
        String id = TestCgroups.randomContainerId();
        try (TestCgroups cgroups = new TestCgroups(); Child sleeper = Child.command("sleep", "60")) {
            Path scope = cgroups.make(BLKIO, parent, "docker-" + id + ".scope");
            CgroupCache<CgroupLabels> cache = new CgroupCache<>(ProcCgroup.system()::read, CgroupLabels::of,
                    CgroupLabels::chars, CgroupLabels.UNREADABLE);
            long start = System.nanoTime();
            assertThat(cache.of(sleeper.pid(), start).container()).isEqualTo(CgroupLabels.NONE);
            cgroups.move(sleeper.pid(), scope);
            assertThat(cache.of(sleeper.pid(), start).container()).isEqualTo(id.substring(0, 12));
        }
    }

    @Test
    void systemdsHierarchyOutranksBlkioAndNamesThePod() throws Exception {
        assumeTrue(Files.exists(SYSTEMD.resolve("cgroup.procs")), "needs the v1 name=systemd hierarchy");
        String id = TestCgroups.randomContainerId();
        String uid = java.util.UUID.randomUUID().toString();
        String pod = "kubepods-burstable-pod" + uid.replace('-', '_') + ".slice";
        String container = "cri-containerd-" + id + ".scope";
        try (TestCgroups cgroups = new TestCgroups()) {
            cgroups.make(SYSTEMD, parent, "kubepods.slice", "kubepods-burstable.slice", pod, container);
            cgroups.make(BLKIO, parent, "elsewhere.scope");
            Child writer = cgroups.writer(WRITTEN);

            TaskCgroup task = ProcCgroup.system().read(writer.pid());
            String path = "/" + parent + "/kubepods.slice/kubepods-burstable.slice/" + pod + "/" + container;
            assertThat(task).isEqualTo(new TaskCgroup(CgroupHierarchy.SYSTEMD, CgroupPath.of(path),
                    CgroupPath.of("/" + parent + "/elsewhere.scope")));
            assertThat(CgroupLabels.of(task)).isEqualTo(new CgroupLabels(container, id.substring(0, 12), uid, path));
            // Its blkio cgroup is not the one its group is told from: no counters of another cgroup.
            assertThat(CgroupIoReader.system().of(task)).isNull();
            assertThat(CgroupIoReader.system().blkio(task.blkio())).isNotNull();
        }
    }

    @Test
    void aHostileNameIsReadThroughItsRawBytesAndEscaped() throws Exception {
        String name = "evil\u001b[31m\u00e9.service";
        try (TestCgroups cgroups = new TestCgroups()) {
            cgroups.make(BLKIO, parent, name);
            Child writer = cgroups.writer(WRITTEN);

            TaskCgroup task = ProcCgroup.system().read(writer.pid());
            assertThat(task.path()).isEqualTo(CgroupPath.of("/" + parent + "/" + name));
            assertThat(CgroupLabels.of(task).unit()).isEqualTo("evil\\x1b[31m\u00e9.service");
            assertThat(CgroupIoReader.system().of(task)).isNotNull();
        }
    }
}
