package org.jiotop.linux;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LibcTest {
    @Test
    void memberOffsetsAddedByHandMatchTheLayoutPath() {
        StructLayout capture = Linker.Option.captureStateLayout();
        for (String member : new String[]{"errno"}) {
            assertThat(Libc.offsetOf(capture, member))
                    .isEqualTo(capture.byteOffset(MemoryLayout.PathElement.groupElement(member)));
        }
        StructLayout padded = MemoryLayout.structLayout(JAVA_INT.withName("a"), MemoryLayout.paddingLayout(4),
                JAVA_LONG.withName("b"), JAVA_INT.withName("c"));
        assertThat(Libc.offsetOf(padded, "b")).isEqualTo(8);
        assertThat(Libc.offsetOf(padded, "c")).isEqualTo(16);
        assertThatThrownBy(() -> Libc.offsetOf(padded, "d")).isInstanceOf(IllegalArgumentException.class);
    }

    /** File calls through the handle that captures errno, then through the one that does not: the same results and errors. */
    @Test
    void fileCallsGiveTheSameBeforeAndAfterTheyStopCapturingErrno(@TempDir Path dir) throws Exception {
        byte[] content = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
        Path file = Files.write(dir.resolve("f"), content);
        Libc libc = new Libc();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocateFrom(file.toString());
            MemorySegment missing = arena.allocateFrom(dir.resolve("none").toString());
            MemorySegment folder = arena.allocateFrom(dir.toString());
            MemorySegment buf = arena.allocate(4096, 8);
            assertThat(libc.capturesFileCalls()).isTrue();
            // Nine file calls a round: both handles serve hundreds of rounds.
            for (int i = 0; i < 2 * Libc.UNCAPTURED_AFTER / 9; i++) {
                int offset = i % content.length;
                int fd = libc.open(name, 0);
                assertThat(fd).as("open %d", i).isNotNegative();
                assertThat(libc.pread(fd, buf, 64, offset)).as("pread %d", i).isEqualTo(content.length - offset);
                assertThat(buf.get(JAVA_BYTE, 0)).isEqualTo(content[offset]);
                assertThat(libc.read(fd, buf, 64)).as("read %d", i).isEqualTo(content.length);
                assertThat(buf.get(JAVA_BYTE, 1)).isEqualTo(content[1]);
                assertThat(libc.getdents64(fd, buf, buf.byteSize())).as("listing a file, %d", i).isEqualTo(-1);
                assertThat(libc.errno()).as("ENOTDIR").isEqualTo(20);
                libc.close(fd);
                assertThat(libc.open(missing, 0)).as("open of nothing, %d", i).isEqualTo(-1);
                assertThat(libc.errno()).as("ENOENT").isEqualTo(2);
                int listing = libc.open(folder, 0);
                assertThat(libc.getdents64(listing, buf, buf.byteSize())).as("listing %d", i).isPositive();
                libc.close(listing);
            }
            assertThat(libc.capturesFileCalls()).isFalse();
            int fd = libc.open(name, 0);
            assertThat(libc.pread(fd, buf, 64, content.length)).as("at the end").isZero();
            libc.close(fd);
            assertThat(libc.pread(fd, buf, 64, 0)).isEqualTo(-1);
            assertThat(libc.errno()).as("EBADF").isEqualTo(9);
        }
    }

    @Test
    void aFailedCallGivesMinusOneAndItsErrno() {
        Libc libc = new Libc();
        // close(-1): EBADF (9).
        assertThat(libc.syscall(Syscall.CLOSE, -1, 0, 0, 0, 0, 0)).isEqualTo(-1);
        assertThat(libc.errno()).isEqualTo(9);
    }

    @Test
    void aNiceValueIsTheKernelsAndAGoneTaskHasNone() throws Exception {
        Libc libc = new Libc();
        String stat = java.nio.file.Files.readString(Path.of("/proc/thread-self/stat"));
        // Field 19, nice, counted after the command's closing parenthesis (field 2).
        int nice = Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        int tid = Integer.parseInt(Path.of("/proc/thread-self").toRealPath().getFileName().toString());
        assertThat(libc.getpriority(0, tid)).isEqualTo(nice);
        // PRIO_PROCESS of an ID above any pid_max: no such task, where -1 would be a nice value.
        assertThat(libc.getpriority(0, (1 << 22) + 1)).isEqualTo(Libc.NO_NICE);
    }
}
