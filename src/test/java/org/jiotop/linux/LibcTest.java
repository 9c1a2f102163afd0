package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

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

    @Test
    void aFailedCallGivesMinusOneAndItsErrno() {
        Libc libc = new Libc();
        // close(-1): EBADF (9).
        assertThat(libc.syscall(Syscall.CLOSE, -1, 0, 0, 0, 0, 0)).isEqualTo(-1);
        assertThat(libc.errno()).isEqualTo(9);
    }
}
