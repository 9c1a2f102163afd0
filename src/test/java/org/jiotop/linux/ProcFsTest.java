package org.jiotop.linux;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The /proc readers against the fixture tree in src/test/resources/proc. */
class ProcFsTest {
    private final ProcFs proc = new ProcFs(fixture());

    static Path fixture() {
        try {
            return Path.of(ProcFsTest.class.getResource("/proc").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void listsNumericEntriesOnly() {
        assertThat(proc.pids()).containsExactly(100, 101, 200, 300);
        assertThat(proc.tids(100)).containsExactly(100, 101);
        assertThat(proc.tids(999)).isEmpty();
    }

    @Test
    void aListingOfThreadsIsAscendingAndReplacesTheOneBefore(@TempDir Path root) throws IOException {
        // More threads than the listing's first array holds, made in an order of their own.
        for (int i = 0; i < 700; i++) {
            Files.createDirectories(root.resolve("42/task/" + (1000 + i * 7919 % 700)));
        }
        Files.createDirectories(root.resolve("43/task/43"));
        Files.createDirectories(root.resolve("43/task/not-a-thread"));
        ProcFs tree = new ProcFs(root);
        assertThat(tree.listTids(42)).isEqualTo(700);
        for (int i = 0; i < 700; i++) {
            assertThat(tree.listed(i)).isEqualTo(1000 + i);
        }
        assertThat(tree.listTids(43)).isEqualTo(1);
        assertThat(tree.listed(0)).isEqualTo(43);
        assertThat(tree.listTids(44)).as("gone").isZero();
        assertThat(tree.tids(42)).hasSize(700).isSorted();
    }

    @Test
    void ownPidComesFromSelfAndIsMinusOneWithoutIt() {
        assertThat(ProcFs.system().selfPid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(proc.selfPid()).isEqualTo(-1);
    }

    @Test
    void readsCommandLinesAndNamesAsRawBytes() {
        assertThat(proc.cmdline(100)).isEqualTo("/usr/bin/python3\0load.py\0001500\0".getBytes(StandardCharsets.UTF_8));
        assertThat(proc.cmdline(200)).isEmpty();
        assertThat(proc.cmdline(999)).isNull();
        assertThat(new String(proc.comm(100, 101), StandardCharsets.UTF_8)).isEqualTo("rdthread");
        assertThat(proc.comm(100, 999)).isNull();
    }

    @Test
    void readsProcessIoAndRejectsMalformedIo() {
        assertThat(proc.processIo(100)).isEqualTo(new ProcessIo(49152, 94371840, 4096, new LogicalIo(123, 456, 7, 8)));
        assertThat(proc.threadIo(100, 101)).isEqualTo(new ProcessIo(0, 8192, 0, new LogicalIo(40960, 8192, 10, 2)));
        assertThat(proc.threadIo(100, 102)).isNull();
        assertThat(proc.processIo(300)).isNull();
        assertThat(proc.processIo(999)).isNull();
    }

    @Test
    void readsSystemFiles() {
        assertThat(proc.vmstat()).isEqualTo(new VmCounters(512149, 129328));
        assertThat(proc.taskDelayAcct()).isFalse();
        assertThat(proc.pidMax()).isEqualTo(4194304);
        assertThat(proc.tgidOf(101)).isEqualTo(100);
        assertThat(proc.tgidOf(999)).isEqualTo(-1);
        assertThat(proc.tgidOf(-101)).isEqualTo(-1);
        assertThat(proc.tids(-100)).isEmpty();
    }

    @Test
    void missingSystemFilesHaveDefaults(@org.junit.jupiter.api.io.TempDir Path empty) {
        ProcFs none = new ProcFs(empty);
        assertThat(none.vmstat()).isNull();
        assertThat(none.taskDelayAcct()).isNull();
        assertThat(none.pidMax()).isEqualTo(32768);
        assertThat(none.pids()).isEmpty();
    }

    @Test
    void aCommandLineLongerThanTheLimitIsCutAtIt(@org.junit.jupiter.api.io.TempDir Path root) throws Exception {
        java.nio.file.Files.createDirectories(root.resolve("42"));
        byte[] long200k = new byte[200 * 1024];
        java.util.Arrays.fill(long200k, (byte) 'x');
        long200k[ProcFs.MAX_CMDLINE - 1] = 'y';
        java.nio.file.Files.write(root.resolve("42/cmdline"), long200k);
        byte[] read = new ProcFs(root).cmdline(42);
        assertThat(read).hasSize(ProcFs.MAX_CMDLINE);
        assertThat(read[ProcFs.MAX_CMDLINE - 1]).isEqualTo((byte) 'y');
        assertThat(read[0]).isEqualTo((byte) 'x');
    }
}
