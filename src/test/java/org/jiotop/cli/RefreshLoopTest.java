package org.jiotop.cli;

import org.jiotop.http.Warnings;
import org.jiotop.linux.KernelException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefreshLoopTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Warnings warnings = new Warnings(new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void aRefreshThatFailsOrRunsOutOfMemoryIsReportedAndTheNextGoesOn() throws KernelException {
        List<Integer> ran = new ArrayList<>();
        RefreshLoop.run(new Cadence(0.01), 4, () -> {
            ran.add(ran.size());
            switch (ran.size()) {
                case 1 -> throw new OutOfMemoryError("Java heap space");
                case 2 -> throw new IllegalStateException("odd");
                default -> {
                }
            }
        }, warnings, "--otlp");
        assertThat(ran).containsExactly(0, 1, 2, 3);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("jiotop: --otlp: a refresh failed: OutOfMemoryError: Java heap space\n");
    }

    @Test
    void theKernelFailingEndsIt() {
        assertThatThrownBy(() -> RefreshLoop.run(new Cadence(0.01), -1, () -> {
            throw new KernelException("taskstats", 0);
        }, warnings, "--serve")).isInstanceOf(KernelException.class);
    }
}
