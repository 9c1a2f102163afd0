package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IoPriorityTest {
    @Test
    void equalWhenClassAndLevelAre() {
        IoPriority be4 = new IoPriority(IoPriority.CLASS_BE, 4);
        assertThat(be4).isEqualTo(new IoPriority(IoPriority.CLASS_BE, 4)).hasSameHashCodeAs(IoPriority.fromKernel(be4.toKernel()));
        assertThat(be4).isNotEqualTo(new IoPriority(IoPriority.CLASS_BE, 5)).isNotEqualTo(new IoPriority(IoPriority.CLASS_RT, 4))
                .isNotEqualTo(IoPriority.UNKNOWN).isNotEqualTo(null).isNotEqualTo("be/4");
        assertThat(IoPriority.fromKernel(IoPriority.CLASS_IDLE << 13)).isEqualTo(new IoPriority(IoPriority.CLASS_IDLE, 0));
    }
}
