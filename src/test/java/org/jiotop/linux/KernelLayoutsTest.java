package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The kernel's structures: offsets added up by hand against the layout paths, and sizes against the headers. */
class KernelLayoutsTest {
    private static final List<StructLayout> ALL = List.of(KernelLayouts.NLMSGHDR, KernelLayouts.GENLMSGHDR,
            KernelLayouts.NLATTR, KernelLayouts.NLMSGERR, KernelLayouts.SOCKADDR_NL, KernelLayouts.POLLFD,
            KernelLayouts.TIMESPEC, KernelLayouts.IOVEC, KernelLayouts.MSGHDR, KernelLayouts.MMSGHDR,
            KernelLayouts.DIRENT64, TaskstatsLayout.CLASSIC_STRUCT, TaskstatsLayout.V15.STRUCT,
            ProcEventLayout.CN_MSG, ProcEventLayout.PROC_EVENT, ProcEventLayout.FORK, ProcEventLayout.EXEC,
            ProcEventLayout.ACK);

    /** Every named member of {@code layout}, nested ones too, as paths of names. */
    private static List<List<String>> paths(GroupLayout layout, List<String> prefix) {
        List<List<String>> out = new ArrayList<>();
        for (MemoryLayout m : layout.memberLayouts()) {
            if (m.name().isEmpty()) {
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(m.name().get());
            out.add(path);
            if (m instanceof GroupLayout g) {
                out.addAll(paths(g, path));
            }
        }
        return out;
    }

    @Test
    void everyOffsetAddedUpByHandIsTheLayoutPaths() {
        int checked = 0;
        for (StructLayout layout : ALL) {
            for (List<String> path : paths(layout, List.of())) {
                PathElement[] elements = path.stream().map(PathElement::groupElement).toArray(PathElement[]::new);
                assertThat((long) KernelLayouts.offset(layout, path.toArray(String[]::new)))
                        .as(String.join(".", path)).isEqualTo(layout.byteOffset(elements));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void sizesAreTheKernels() {
        // sizeof on x86_64 and aarch64 alike: both are LP64.
        Map<StructLayout, Integer> sizes = Map.of(KernelLayouts.NLMSGHDR, 16, KernelLayouts.GENLMSGHDR, 4,
                KernelLayouts.NLATTR, 4, KernelLayouts.SOCKADDR_NL, 12, KernelLayouts.POLLFD, 8,
                KernelLayouts.TIMESPEC, 16, KernelLayouts.IOVEC, 16, KernelLayouts.MSGHDR, 56,
                KernelLayouts.MMSGHDR, 64);
        sizes.forEach((layout, size) -> assertThat(layout.byteSize()).as(layout.toString()).isEqualTo((long) size));
        assertThat(KernelLayouts.DIRENT64_NAME).isEqualTo(19);
        // linux/connector.h and linux/cn_proc.h: the event's data follows what, cpu and the timestamp.
        assertThat(List.of(ProcEventLayout.CN_MSG_SIZE, ProcEventLayout.EVENT_DATA, ProcEventLayout.FORK_SIZE,
                ProcEventLayout.EXEC_SIZE, ProcEventLayout.EXIT_SIZE)).containsExactly(20, 16, 16, 8, 24);
    }

    @Test
    void taskstatsOffsetsAreThoseOfTheKernelsStruct() {
        // linux/taskstats.h for versions 4..14 and 16+, as iotop and iotop-c read them; version 15
        // as the kernel of that version declared it (the offsets iotop-c 1.30 reads).
        TaskstatsLayout classic = TaskstatsLayout.forVersion(16);
        assertThat(List.of(classic.blkioDelay(), classic.swapinDelay(), classic.comm(), classic.uid(), classic.ppid(),
                classic.elapsed(), classic.readBytes(), classic.writeBytes(), classic.cancelledWriteBytes(),
                classic.tgid())).containsExactly(40, 56, 80, 120, 132, 144, 248, 256, 264, 368);
        assertThat(TaskstatsLayout.forVersion(4)).isEqualTo(classic);
        assertThat(TaskstatsLayout.forVersion(14)).isEqualTo(classic);
        TaskstatsLayout v15 = TaskstatsLayout.forVersion(15);
        assertThat(List.of(v15.blkioDelay(), v15.swapinDelay(), v15.comm(), v15.uid(), v15.ppid(), v15.elapsed(),
                v15.readBytes(), v15.writeBytes(), v15.cancelledWriteBytes(), v15.tgid()))
                .containsExactly(56, 88, 128, 168, 180, 192, 296, 304, 312, -1);
    }
}
