package org.jiotop.cli;

import org.jiotop.linux.Errno;
import org.jiotop.linux.KernelException;
import org.jiotop.linux.ProcFs;
import org.jiotop.linux.Sampler;
import org.jiotop.linux.Visibility;
import org.jiotop.output.SourceNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the counters' source is chosen when taskstats cannot serve: refused (not root) and absent
 * (a kernel or network namespace without it, or a PID namespace without its exit reports) all fall
 * back to /proc and say which; any other failure, or a /proc that cannot be read either, stops
 * jiotop with the kernel's reason.
 */
class CounterSourceTest {
    @TempDir
    Path empty;

    private static CounterSource.Opener failing(int errno) {
        return (options, proc) -> {
            throw new KernelException("taskstats", errno);
        };
    }

    private static Visibility.Why fallback(int errno, String... args) throws Exception {
        try (Sampler s = CounterSource.open(OptionParser.parse(args), ProcFs.system(), failing(errno))) {
            s.processes(null);
            assertThat(s.visibility().procfs()).isTrue();
            return s.visibility().why();
        }
    }

    @Test
    void refusedAndAbsentTaskstatsFallBackToProcAndSaySo() throws Exception {
        assertThat(fallback(Errno.EPERM, "-b")).isEqualTo(Visibility.Why.REFUSED);
        assertThat(fallback(Errno.ENOENT, "-b")).isEqualTo(Visibility.Why.ABSENT);
        assertThat(fallback(Errno.EINVAL, "-b")).as("exit reports refused in a PID namespace")
                .isEqualTo(Visibility.Why.ABSENT);
        assertThat(fallback(Errno.EPERM, "-b", "--procfs")).as("--procfs never asks taskstats")
                .isEqualTo(Visibility.Why.ASKED);
        assertThat(SourceNote.of(new Visibility(Visibility.Source.PROCFS, 2, 10, Visibility.Why.ABSENT), true))
                .isEqualTo("no taskstats: 2 of 10 processes not readable");
        assertThat(SourceNote.of(new Visibility(Visibility.Source.PROCFS, 0, 10, Visibility.Why.ABSENT), true))
                .startsWith("no taskstats: all 10 processes readable");
        assertThat(SourceNote.of(new Visibility(Visibility.Source.PROCFS, 0, 1, Visibility.Why.ASKED), true))
                .startsWith("--procfs: 1 process readable (");
        assertThat(SourceNote.of(new Visibility(Visibility.Source.PROCFS, 1, 1, Visibility.Why.ASKED), true))
                .startsWith("--procfs: 1 of 1 process not readable;");
    }

    @Test
    void otherFailuresAndAnUnreadableProcStopWithTheKernelsReason() {
        assertThatThrownBy(() -> CounterSource.open(OptionParser.parse("-b"), ProcFs.system(), failing(Errno.ESRCH)))
                .isInstanceOf(KernelException.class).extracting(e -> ((KernelException) e).errno()).isEqualTo(Errno.ESRCH);
        assertThatThrownBy(() -> CounterSource.open(OptionParser.parse("-b"), new ProcFs(empty), failing(Errno.ENOENT)))
                .isInstanceOf(KernelException.class).extracting(e -> ((KernelException) e).errno()).isEqualTo(Errno.ENOENT);
    }
}
