package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogicalIoTest {
    @Test
    void anUnknownCallCountAtEitherEndCountsAsNoCalls() {
        LogicalIo seen = new LogicalIo(4096, 0, 100, 7);
        LogicalIo exit = LogicalIo.chars(12_288, 1024);
        assertThat(exit.since(seen)).isEqualTo(new LogicalIo(8192, 1024, 0, 0));
        assertThat(seen.since(LogicalIo.chars(0, 0))).isEqualTo(new LogicalIo(4096, 0, 0, 0));
        assertThat(new LogicalIo(4096, 0, 130, 9).since(seen)).isEqualTo(new LogicalIo(0, 0, 30, 2));
    }

    @Test
    void aCounterThatWentDownIsNoActivityAndUnknownIsNoneInAmounts() {
        assertThat(new LogicalIo(0, 0, 5, 5).since(new LogicalIo(10, 10, 9, 9))).isEqualTo(LogicalIo.ZERO);
        assertThat(LogicalIo.chars(2048, 1024).atLeastZero()).isEqualTo(new LogicalIo(2048, 1024, 0, 0));
    }

    @Test
    void sameComparesEveryCount() {
        LogicalIo a = new LogicalIo(1, 2, 3, 4);
        assertThat(a.same(new LogicalIo(1, 2, 3, 4))).isTrue();
        assertThat(a.same(new LogicalIo(1, 2, 3, 5))).isFalse();
        assertThat(a.same(1, 2, 3, 4)).isTrue();
        assertThat(a.same(1, 2, LogicalIo.UNKNOWN_CALLS, 4)).isFalse();
    }
}
