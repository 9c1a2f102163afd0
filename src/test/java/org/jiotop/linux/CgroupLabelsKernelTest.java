package org.jiotop.linux;

import org.jiotop.testkit.Child;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Labels and counters of processes moved into container- and pod-named cgroups of the running
 * kernel's v1 hierarchies (blkio, and systemd's named one). The cgroups are made under a parent
 * of this test's own, and removed afterwards, also when the test fails.
 */
class CgroupLabelsKernelTest {
    private static final Path MOUNT = Path.of("/sys/fs/cgroup");
    private static final Path BLKIO = MOUNT.resolve("blkio");
    private static final Path SYSTEMD = MOUNT.resolve("systemd");
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
        String id = hexId();
        try (Cgroups cgroups = new Cgroups()) {
            Path scope = cgroups.make(BLKIO, parent, "docker-" + id + ".scope");
            String device = cgroups.throttleScratchDevice(scope);
            Child writer = cgroups.writer();
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

    @Test
    void systemdsHierarchyOutranksBlkioAndNamesThePod() throws Exception {
        assumeTrue(Files.exists(SYSTEMD.resolve("cgroup.procs")), "needs the v1 name=systemd hierarchy");
        String id = hexId();
        String uid = java.util.UUID.randomUUID().toString();
        String pod = "kubepods-burstable-pod" + uid.replace('-', '_') + ".slice";
        String container = "cri-containerd-" + id + ".scope";
        try (Cgroups cgroups = new Cgroups()) {
            cgroups.make(SYSTEMD, parent, "kubepods.slice", "kubepods-burstable.slice", pod, container);
            cgroups.make(BLKIO, parent, "elsewhere.scope");
            Child writer = cgroups.writer();

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
        try (Cgroups cgroups = new Cgroups()) {
            cgroups.make(BLKIO, parent, name);
            Child writer = cgroups.writer();

            TaskCgroup task = ProcCgroup.system().read(writer.pid());
            assertThat(task.path()).isEqualTo(CgroupPath.of("/" + parent + "/" + name));
            assertThat(CgroupLabels.of(task).unit()).isEqualTo("evil\\x1b[31m\u00e9.service");
            assertThat(CgroupIoReader.system().of(task)).isNotNull();
        }
    }

    private static String hexId() {
        byte[] b = new byte[32];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The cgroups a test made and the writer it moved into them: undone in reverse on close. */
    private static final class Cgroups implements AutoCloseable {
        private final List<Path> made = new ArrayList<>();
        private final List<Path> hierarchies = new ArrayList<>();
        private final List<Path> leaves = new ArrayList<>();
        private Path scratch;
        private Child writer;

        /** Makes the cgroup {@code names} (each inside the one before) in {@code hierarchy}; its path. */
        Path make(Path hierarchy, String... names) throws IOException {
            Path dir = hierarchy;
            for (String name : names) {
                dir = dir.resolve(name);
                if (!Files.exists(dir)) {
                    Files.createDirectory(dir);
                    made.add(dir);
                }
            }
            hierarchies.add(hierarchy);
            leaves.add(dir);
            return dir;
        }

        /**
         * Sets a limit far above any disk on the device of the scratch folder, so that v1 counts its
         * I/O: "MAJ:MIN", or null when the kernel takes no limit for it (not a whole disk).
         */
        String throttleScratchDevice(Path cgroup) throws IOException {
            long dev = (long) Files.getAttribute(scratchFolder(), "unix:dev");
            long major = (dev >>> 8 & 0xfff) | (dev >>> 32 & ~0xfffL);
            long minor = (dev & 0xff) | (dev >>> 12 & ~0xffL);
            String device = major + ":" + minor;
            try {
                Files.writeString(cgroup.resolve("blkio.throttle.write_bps_device"), device + " 1000000000000\n");
                return device;
            } catch (IOException e) {
                return null;
            }
        }

        /**
         * Starts a shell, moves it into every cgroup made, then on "go" has it write
         * {@link #WRITTEN} bytes with O_DIRECT, say "written", and sleep.
         */
        Child writer() throws IOException {
            Path file = scratchFolder().resolve("cgroup-writer-" + ProcessHandle.current().pid() + ".bin");
            writer = Child.command("sh", "-c", "read go; dd if=/dev/zero of='" + file + "' bs=64k count="
                    + WRITTEN / 65536 + " oflag=direct 2>/dev/null; rm -f '" + file + "'; echo written; exec sleep 600");
            for (Path leaf : leaves) {
                Files.writeString(leaf.resolve("cgroup.procs"), writer.pid() + "\n");
            }
            return writer;
        }

        private Path scratchFolder() throws IOException {
            if (scratch == null) {
                scratch = Files.createDirectories(Path.of("target", "e2e-scratch")).toAbsolutePath();
            }
            return scratch;
        }

        @Override
        public void close() throws Exception {
            if (writer != null) {
                for (Path hierarchy : hierarchies) {
                    try {
                        Files.writeString(hierarchy.resolve("cgroup.procs"), writer.pid() + "\n");
                    } catch (IOException e) {
                        // gone already; killing it below empties its cgroups all the same
                    }
                }
                writer.close();
            }
            for (int i = made.size() - 1; i >= 0; i--) {
                Files.delete(made.get(i));
            }
        }
    }
}
