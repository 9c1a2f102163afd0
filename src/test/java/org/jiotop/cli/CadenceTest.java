package org.jiotop.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CadenceTest {
    private static final long SECOND = 1_000_000_000L;
    private long now = 1_000 * SECOND;

    @Test
    void keepsItsPeriodFromTheFirstSampleWhenSamplesTakeTime() {
        Cadence cadence = new Cadence(1, () -> now);
        now += SECOND + 30_000_000L; // woke 30 ms late
        cadence.advance();
        assertThat(cadence.remainingNanos()).isEqualTo(SECOND - 30_000_000L);
    }

    @Test
    void afterAStallTheNextSampleIsAWholePeriodAhead() {
        Cadence cadence = new Cadence(1, () -> now);
        now += 6 * SECOND; // stopped (SIGSTOP) for five seconds past the due time
        cadence.advance();
        assertThat(cadence.remainingNanos()).isEqualTo(SECOND);
        now += SECOND;
        cadence.advance();
        assertThat(cadence.remainingNanos()).isEqualTo(SECOND);
    }

    @Test
    void noIntervalIsShorterThanHalfAPeriod() {
        Cadence cadence = new Cadence(1, () -> now);
        now += SECOND + 700_000_000L; // late by more than half a period, less than a whole
        cadence.advance();
        assertThat(cadence.remainingNanos()).isEqualTo(SECOND);
        now += SECOND + 400_000_000L;
        cadence.advance();
        assertThat(cadence.remainingNanos()).isEqualTo(600_000_000L);
    }
}
