package org.jiotop.output;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandNamesTest {
    @Test
    void namesThatChangeWhileTheProgramRunsBecomeOne() {
        assertThat(CommandNames.normalise("kworker/u8:1-events_unbound")).isEqualTo("kworker");
        assertThat(CommandNames.normalise("kworker/3:0H")).isEqualTo("kworker");
        assertThat(CommandNames.normalise("ksoftirqd/3")).isEqualTo("ksoftirqd");
        assertThat(CommandNames.normalise("irq/45-nvme0q1")).isEqualTo("irq");
        assertThat(CommandNames.normalise("memfd:payload (deleted)")).isEqualTo("memfd:");
    }

    @Test
    void namesOfProgramsAndDevicesStay() {
        assertThat(CommandNames.normalise("jbd2/sda1-8")).isEqualTo("jbd2/sda1-8");
        assertThat(CommandNames.normalise("postgres")).isEqualTo("postgres");
        assertThat(CommandNames.normalise("a/")).isEqualTo("a/");
        assertThat(CommandNames.normalise("/1")).isEqualTo("/1");
        assertThat(CommandNames.normalise("")).isEmpty();
    }
}
