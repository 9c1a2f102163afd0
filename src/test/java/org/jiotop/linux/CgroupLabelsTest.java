package org.jiotop.linux;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The labels of each owner kind for the /proc/PID/cgroup fixtures in src/test/resources/cgroup/proc:
 * the layouts of systemd, docker (both drivers), containerd, CRI-O, podman, LXC and kubelet (both
 * drivers, every QoS class), nested containers, and hostile names.
 */
class CgroupLabelsTest {
    private static final ProcCgroup PROC = new ProcCgroup(fixture());

    private static Path fixture() {
        try {
            return Path.of(CgroupLabelsTest.class.getResource("/cgroup/proc").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            100 | systemd service          | nginx.service | -            | -                                    | /system.slice/nginx.service
            101 | docker, systemd driver   | docker-3f4e2a9b1c7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f.scope | 3f4e2a9b1c7d | - | /system.slice/docker-3f4e2a9b1c7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f.scope
            102 | docker, cgroupfs driver  | -             | 9b8a7c6d5e4f | -                                    | /docker/9b8a7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f3021fedcba9876543210
            103 | containerd, burstable    | cri-containerd-0e1d2c3b4a5968778695a4b3c2d1e0f0123456789abcdef0fedcba9876543210.scope | 0e1d2c3b4a59 | 7c0b5a1e-3f2d-4c8b-9e6a-1d2c3b4a5f60 | /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod7c0b5a1e_3f2d_4c8b_9e6a_1d2c3b4a5f60.slice/cri-containerd-0e1d2c3b4a5968778695a4b3c2d1e0f0123456789abcdef0fedcba9876543210.scope
            104 | CRI-O, besteffort        | crio-c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00.scope | c0ffee00c0ff | 12345678-90ab-cdef-1234-567890abcdef | /kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod12345678_90ab_cdef_1234_567890abcdef.slice/crio-c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00.scope
            105 | containerd, guaranteed   | cri-containerd-e5e5e5e5d4d4d4d4c3c3c3c3b2b2b2b2a1a1a1a1909090908f8f8f8f7e7e7e7e.scope | e5e5e5e5d4d4 | 7c0b5a1e-3f2d-4c8b-9e6a-1d2c3b4a5f60 | /kubepods.slice/kubepods-pod7c0b5a1e_3f2d_4c8b_9e6a_1d2c3b4a5f60.slice/cri-containerd-e5e5e5e5d4d4d4d4c3c3c3c3b2b2b2b2a1a1a1a1909090908f8f8f8f7e7e7e7e.scope
            106 | cgroupfs, burstable, v1  | -             | f00dbabe0123 | 7c0b5a1e-3f2d-4c8b-9e6a-1d2c3b4a5f60 | /kubepods/burstable/pod7c0b5a1e-3f2d-4c8b-9e6a-1d2c3b4a5f60/f00dbabe0123456789abcdef0123456789abcdef0123456789abcdef01234567
            107 | cgroupfs, besteffort     | -             | 0e1d2c3b4a59 | 12345678-90ab-cdef-1234-567890abcdef | /kubepods/besteffort/pod12345678-90ab-cdef-1234-567890abcdef/0e1d2c3b4a5968778695a4b3c2d1e0f0123456789abcdef0fedcba9876543210
            108 | cgroupfs, guaranteed     | -             | e5e5e5e5d4d4 | 7c0b5a1e-3f2d-4c8b-9e6a-1d2c3b4a5f60 | /kubepods/pod7c0b5a1e-3f2d-4c8b-9e6a-1d2c3b4a5f60/e5e5e5e5d4d4d4d4c3c3c3c3b2b2b2b2a1a1a1a1909090908f8f8f8f7e7e7e7e
            109 | CRI-O's monitor          | crio-conmon-c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00.scope | - | 12345678-90ab-cdef-1234-567890abcdef | /kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod12345678_90ab_cdef_1234_567890abcdef.slice/crio-conmon-c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00.scope
            110 | podman, rootless         | libpod-a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90.scope | a1b2c3d4e5f6 | - | /user.slice/user-1000.slice/user@1000.service/user.slice/libpod-a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90.scope/container
            111 | podman payload           | libpod-a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90.scope | d00dfeedd00d | - | /machine.slice/libpod-a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90.scope/libpod-payload-d00dfeedd00dfeedd00dfeedd00dfeedd00dfeedd00dfeedd00dfeedd00dfeed
            112 | LXC payload              | cron.service  | web01        | -                                    | /lxc.payload.web01/system.slice/cron.service
            113 | LXC, v1                  | -             | db02         | -                                    | /lxc/db02
            114 | docker in docker         | docker-3f4e2a9b1c7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f.scope | 9b8a7c6d5e4f | - | /system.slice/docker-3f4e2a9b1c7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f.scope/docker/9b8a7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f3021fedcba9876543210
            115 | kubelet in docker (kind) | cri-containerd-0e1d2c3b4a5968778695a4b3c2d1e0f0123456789abcdef0fedcba9876543210.scope | 0e1d2c3b4a59 | 12345678-90ab-cdef-1234-567890abcdef | /system.slice/docker-3f4e2a9b1c7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f.scope/kubelet.slice/kubelet-kubepods.slice/kubelet-kubepods-besteffort.slice/kubelet-kubepods-besteffort-pod12345678_90ab_cdef_1234_567890abcdef.slice/cri-containerd-0e1d2c3b4a5968778695a4b3c2d1e0f0123456789abcdef0fedcba9876543210.scope
            116 | user session             | session-3.scope | -          | -                                    | /user.slice/user-1000.slice/session-3.scope
            117 | user service             | foo.service   | -            | -                                    | /user.slice/user-1000.slice/user@1000.service/app.slice/foo.service
            118 | blkio only, hybrid       | docker-3f4e2a9b1c7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f.scope | 3f4e2a9b1c7d | - | /system.slice/docker-3f4e2a9b1c7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f.scope
            119 | root cgroup              | -             | -            | -                                    | /
            120 | ESC in a name            | evil\\x1b[31m.service | -    | -                                    | /system.slice/evil\\x1b[31m.service
            121 | newline in a name        | evil\\x0aname.service | -    | -                                    | /system.slice/evil\\x0aname.service
            122 | forged line              | user.slice    | -            | -                                    | /user.slice/x
            123 | invalid UTF-8            | bad\\xff\\xfe.service | -    | -                                    | /system.slice/bad\\xff\\xfe.service
            125 | empty file               | -             | -            | -                                    | -
            126 | no hierarchy read        | -             | -            | -                                    | -
            128 | removed cgroup           | gone.service  | -            | -                                    | /system.slice/gone.service
            129 | other control bytes      | a\\x09b\\x7f\\u0085\\u202e.service | - | -                          | /system.slice/a\\x09b\\x7f\\u0085\\u202e.service
            """)
    void eachLayoutGivesItsLabels(int pid, String layout, String unit, String container, String pod, String cgroup) {
        assertThat(CgroupLabels.of(PROC.read(pid))).isEqualTo(new CgroupLabels(unit, container, pod, cgroup));
    }

    @Test
    void criOAndPodmanUnderTheirCgroupfsManagerNameTheirContainers() {
        // /kubepods/besteffort/pod<uid>/crio-<id>, its monitor's crio-conmon-<id>, /libpod_parent/libpod-<id>/ctr
        CgroupLabels crio = CgroupLabels.of(PROC.read(130));
        assertThat(crio.container()).isEqualTo("c0ffee00c0ff");
        assertThat(crio.pod()).isEqualTo("12345678-90ab-cdef-1234-567890abcdef");
        CgroupLabels monitor = CgroupLabels.of(PROC.read(131));
        assertThat(monitor.container()).isEqualTo(CgroupLabels.NONE);
        assertThat(monitor.pod()).isEqualTo("12345678-90ab-cdef-1234-567890abcdef");
        assertThat(CgroupLabels.of(PROC.read(132)).container()).isEqualTo("a1b2c3d4e5f6");
        assertThat(labels("/crio-" + "c".repeat(63)).container()).isEqualTo(CgroupLabels.NONE);
    }

    @Test
    void everyUnitTypeWithProcessesNamesItsUnit() {
        // A FUSE daemon a mount unit started stays in the mount's cgroup for as long as it is mounted.
        assertThat(labels("/system.slice/mnt-data.mount").unit()).isEqualTo("mnt-data.mount");
        assertThat(labels("/system.slice/cups.socket").unit()).isEqualTo("cups.socket");
        assertThat(labels("/system.slice/dev-zram0.swap").unit()).isEqualTo("dev-zram0.swap");
        assertThat(labels("/system.slice/backup.mount/x.d").unit()).isEqualTo("backup.mount");
    }

    @Test
    void aLongPathIsCutInTheMiddleWithinTheCommandBound() {
        CgroupLabels labels = CgroupLabels.of(PROC.read(124));
        String b = "b".repeat(4096);
        assertThat(labels.cgroup()).hasSize(CommandText.MAX_CHARS)
                .startsWith("/system.slice/bbb").contains(CommandText.CUT).endsWith("bbb.service");
        assertThat(labels.unit()).hasSize(CommandText.MAX_CHARS).startsWith("bbb").endsWith("bbb.service");
        assertThat(labels.unit()).isNotEqualTo(b + ".service");
    }

    @Test
    void aLongNameOfEscapedBytesStaysWithinTheBound() {
        byte[] path = new byte[4096];
        java.util.Arrays.fill(path, (byte) 0x1b);
        path[0] = '/';
        String label = CgroupLabels.of(new TaskCgroup(CgroupHierarchy.V2, CgroupPath.of(path, 0, path.length), null))
                .cgroup();
        assertThat(label).hasSizeLessThanOrEqualTo(CommandText.MAX_CHARS).startsWith("/\\x1b").contains(CommandText.CUT)
                .doesNotContain("\u001b");
    }

    @Test
    void aNameThatIsOnlyASuffixOrAShortIdIsNoOwner() {
        assertThat(labels("/.service/docker-abc.scope/docker/0123456789ab/kubepods/pod/lxc.payload."))
                .isEqualTo(new CgroupLabels("docker-abc.scope", CgroupLabels.NONE, CgroupLabels.NONE,
                        "/.service/docker-abc.scope/docker/0123456789ab/kubepods/pod/lxc.payload."));
        // A pod name needs kubelet's parents; a bare 64-hex name needs docker or kubepods above it.
        assertThat(labels("/pods/pod1234/" + "a".repeat(64)).pod()).isEqualTo(CgroupLabels.NONE);
        assertThat(labels("/pods/pod1234/" + "a".repeat(64)).container()).isEqualTo(CgroupLabels.NONE);
        assertThat(labels("/x-pod1234.slice").pod()).isEqualTo(CgroupLabels.NONE);
        assertThat(labels("/kubepods-pod12\u001b34.slice").pod()).isEqualTo(CgroupLabels.NONE);
        assertThat(labels("/docker/" + "A".repeat(64)).container()).isEqualTo(CgroupLabels.NONE);
    }

    @Test
    void theInnermostOwnerOfEachKindWins() {
        CgroupLabels labels = labels("/lxc/outer/system.slice/docker-" + "1".repeat(64) + ".scope/app.slice/x.service");
        assertThat(labels.container()).isEqualTo("111111111111");
        assertThat(labels.unit()).isEqualTo("x.service");
        assertThat(labels("/lxc/outer/lxc.payload.inner").container()).isEqualTo("inner");
    }

    @Test
    void charsCountsEveryLabel() {
        assertThat(new CgroupLabels("ab", "c", "-", "/x/y").chars()).isEqualTo(8);
    }

    private static CgroupLabels labels(String path) {
        return CgroupLabels.of(new TaskCgroup(CgroupHierarchy.V2, CgroupPath.of(path), null));
    }
}
