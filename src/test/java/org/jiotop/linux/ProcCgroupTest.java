package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Which line of /proc/PID/cgroup is taken, against the fixture files in src/test/resources/cgroup/proc. */
class ProcCgroupTest {
    private static final String DOCKER_B = "9b8a7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f3021fedcba9876543210";
    private final ProcCgroup proc = new ProcCgroup(fixture("proc"));

    static Path fixture(String name) {
        try {
            return Path.of(ProcCgroupTest.class.getResource("/cgroup/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void takesTheV2Line() {
        assertThat(proc.read(100)).isEqualTo(new TaskCgroup(CgroupHierarchy.V2,
                CgroupPath.of("/system.slice/nginx.service"), null));
    }

    @Test
    void onAHybridMachineTheV1HierarchiesOutrankAV2LineOfRoot() {
        CgroupPath docker = CgroupPath.of("/docker/" + DOCKER_B);
        assertThat(proc.read(102)).isEqualTo(new TaskCgroup(CgroupHierarchy.SYSTEMD, docker, docker));
        CgroupPath scope = CgroupPath.of("/system.slice/docker-3f4e2a9b1c7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f.scope");
        assertThat(proc.read(118)).isEqualTo(new TaskCgroup(CgroupHierarchy.BLKIO, scope, scope));
    }

    @Test
    void rootEverywhereIsTheV2Root() {
        assertThat(proc.read(119)).isEqualTo(new TaskCgroup(CgroupHierarchy.V2, CgroupPath.ROOT, null));
        assertThat(parse("1:name=systemd:/\n7:blkio:/\n0::/\n").hierarchy()).isEqualTo(CgroupHierarchy.V2);
        assertThat(parse("1:name=systemd:/\n7:blkio:/\n")).isEqualTo(
                new TaskCgroup(CgroupHierarchy.SYSTEMD, CgroupPath.ROOT, CgroupPath.ROOT));
    }

    @Test
    void systemdOutranksBlkioAndControllersMayShareAHierarchy() {
        assertThat(parse("7:blkio,cpu:/b\n1:name=systemd:/s\n0::/\n")).isEqualTo(
                new TaskCgroup(CgroupHierarchy.SYSTEMD, CgroupPath.of("/s"), CgroupPath.of("/b")));
        assertThat(parse("7:cpu,blkio:/b\n0::/\n")).isEqualTo(
                new TaskCgroup(CgroupHierarchy.BLKIO, CgroupPath.of("/b"), CgroupPath.of("/b")));
        assertThat(parse("3:blkio2:/b\n0::/\n").hierarchy()).isEqualTo(CgroupHierarchy.V2);
    }

    @Test
    void noHierarchyReadIsNoneAndAGoneProcessNull() {
        assertThat(proc.read(125)).isEqualTo(TaskCgroup.NONE);
        assertThat(proc.read(126)).isEqualTo(TaskCgroup.NONE);
        assertThat(proc.read(999)).isNull();
    }

    @Test
    void aNewlineInANameJoinsTheLineThatFollows() {
        assertThat(proc.read(121).path()).isEqualTo(CgroupPath.of("/system.slice/evil\nname.service"));
    }

    @Test
    void aLineForgedInANameAfterTheRealOneIsNotTaken() {
        assertThat(proc.read(122)).isEqualTo(new TaskCgroup(CgroupHierarchy.V2, CgroupPath.of("/user.slice/x"), null));
    }

    @Test
    void rawBytesAreKept() {
        byte[] path = proc.read(123).path().bytes();
        assertThat(path).isEqualTo(concat("/system.slice/bad".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xff, (byte) 0xfe}, ".service".getBytes(StandardCharsets.US_ASCII)));
        assertThat(proc.read(120).path()).isEqualTo(CgroupPath.of("/system.slice/evil\u001b[31m.service"));
        assertThat(proc.read(124).path().length()).isEqualTo("/system.slice/".length() + 4096 + ".service".length());
    }

    @Test
    void readsAFixedAmountAndLeavesOutTheLineItCut() {
        // The v2 line lies beyond the bytes read: the systemd line, read whole, is taken.
        assertThat(proc.read(127)).isEqualTo(new TaskCgroup(CgroupHierarchy.SYSTEMD,
                CgroupPath.of("/system.slice/first.service"), null));
        assertThat(parse("1:name=systemd:/a.service\n0::/b.service\n").path()).isEqualTo(CgroupPath.of("/b.service"));
    }

    @Test
    void aRemovedV2CgroupIsReadWithoutTheKernelsMark() {
        assertThat(proc.read(128).path()).isEqualTo(CgroupPath.of("/system.slice/gone.service"));
        assertThat(parse("1:name=systemd:/x (deleted)\n").path()).isEqualTo(CgroupPath.of("/x (deleted)"));
    }

    @Test
    void malformedLinesAreSkipped() {
        assertThat(parse("junk\n:blkio:/a\nx:blkio:/b\n7:blkio\n7:blkio:relative\n0::\n")).isEqualTo(TaskCgroup.NONE);
        assertThat(parse("0::/a")).isEqualTo(new TaskCgroup(CgroupHierarchy.V2, CgroupPath.of("/a"), null));
        assertThat(parse("1::/a\n").hierarchy()).isEqualTo(CgroupHierarchy.NONE);
    }

    private static TaskCgroup parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return CgroupFile.parse(b, b.length);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
