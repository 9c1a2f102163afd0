package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The exit listener against the running kernel. */
class ExitListenerKernelTest {
    @Test
    void aDrainRightAfterAReapHoldsTheReportOfTheReapedProcess() throws Exception {
        Capability.assume(Capability.NET_ADMIN);
        try (ExitListener exits = ExitListener.start(ExitListener.possibleCpus(Path.of("/sys")),
                ExitListener.DEFAULT_RECEIVE_BUFFER)) {
            for (int i = 0; i < 100; i++) {
                Process p = new ProcessBuilder("true").start();
                assertThat(p.waitFor()).isZero();
                // Reaped: the report was on the socket before, whether or not the reader took it yet.
                List<TaskExit> drained = new ArrayList<>();
                exits.drain(drained);
                assertThat(drained).as("run %d", i).anySatisfy(e -> assertThat(e.last().id()).isEqualTo((int) p.pid()));
            }
            assertThat(exits.overflows()).isZero();
        }
    }
}
