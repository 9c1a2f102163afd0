package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

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

    /** Reads through the handle that captures errno, then through the one that does not: the same bytes and errors. */
    @Test
    void preadGivesTheSameBeforeAndAfterItStopsCapturingErrno(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        byte[] content = "0123456789abcdefghij".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("f"), content);
        Libc libc = new Libc();
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            int fd = libc.open(arena.allocateFrom(file.toString()), 0);
            assertThat(fd).isNotNegative();
            java.lang.foreign.MemorySegment buf = arena.allocate(64);
            for (int i = 0; i < 2 * Libc.UNCAPTURED_AFTER; i += 7) {
                int offset = i % content.length;
                int first = i;
                assertThat(libc.pread(fd, buf, 64, offset)).as("read %d", first).isEqualTo(content.length - offset);
                assertThat(buf.get(JAVA_BYTE, 0)).isEqualTo(content[offset]);
                for (int j = 1; j < 7; j++) {
                    libc.pread(fd, buf, 1, 0);
                }
            }
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
}
