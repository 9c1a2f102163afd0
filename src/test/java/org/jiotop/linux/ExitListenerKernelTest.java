package org.jiotop.linux;

import org.jiotop.testkit.Child;
import org.jiotop.testkit.ExitBacklog;
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

    /**
     * Reports nobody drains (a scan held up by blocked output) were queued without bound: a busy
     * machine filled jiotop's small heap within seconds and ended it. With a heap of 5 MiB, more
     * reports come than it can hold (they ended it): they are queued up to a share of the heap and
     * the rest counted as lost, and the listener is still there to say so.
     */
    @Test
    void reportsNobodyDrainsStayWithinTheHeapAndTheRestAreCountedAsLost() throws Exception {
        Capability.assume(Capability.NET_ADMIN);
        int threads = 30_000;
        try (Child backlog = Child.java(List.of("-Xmx5m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED"),
                ExitBacklog.class)) {
            assertThat(backlog.readLine()).isEqualTo("ready");
            for (int i = 0; i < threads; i++) {
                Thread.ofPlatform().stackSize(16 << 10).start(() -> {
                }).join();
            }
            backlog.send("drain");
            String[] counts = backlog.readLine().split(" ");
            long drained = Long.parseLong(counts[1]);
            long lost = Long.parseLong(counts[3]);
            assertThat(lost).as("lost").isPositive();
            assertThat(drained).as("drained").isPositive();
            assertThat(drained + lost).as("every exit drained or counted").isGreaterThanOrEqualTo(threads);
        }
    }
}
