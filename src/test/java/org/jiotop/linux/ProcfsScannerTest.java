package org.jiotop.linux;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The /proc source on a fixture tree: process 100 (two threads, uid 1000) may be read, process 200
 * (root's) has no io file, as another user's is unreadable.
 */
class ProcfsScannerTest {
    @TempDir
    Path root;

    private static String stat(int pid, String name, int ppid, long start, long blkioTicks) {
        StringBuilder b = new StringBuilder(pid + " (" + name + ") S " + ppid);
        for (int field = 5; field <= 52; field++) {
            b.append(' ').append(field == 22 ? start : field == 42 ? blkioTicks : 0);
        }
        return b.append('\n').toString();
    }

    private static String io(long read, long write, long cancelled) {
        return "rchar: 1\nwchar: 2\nsyscr: 3\nsyscw: 4\nread_bytes: " + read + "\nwrite_bytes: " + write
                + "\ncancelled_write_bytes: " + cancelled + "\n";
    }

    private void file(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @BeforeEach
    void tree() throws IOException {
        file("uptime", "1000.50 1800.00\n");
        file("sys/kernel/task_delayacct", "1\n");
        file("100/status", "Name:\tpython3\nUid:\t1000\t1000\t1000\t1000\n");
        file("100/stat", stat(100, "py (x) y", 1, 5000, 3));
        file("100/io", io(8192, 1 << 20, 4096));
        file("100/task/100/stat", stat(100, "py (x) y", 1, 5000, 3));
        file("100/task/100/io", io(4096, 0, 0));
        file("100/task/101/stat", stat(101, "rdthread", 1, 5100, 4));
        file("100/task/101/io", io(4096, 1 << 20, 4096));
        file("200/status", "Name:\tsshd\nUid:\t0\t0\t0\t0\n");
        file("200/stat", stat(200, "sshd", 1, 100, 0));
        file("200/task/200/stat", stat(200, "sshd", 1, 100, 0));
    }

    @Test
    void withoutDelayAccountingAProcessWhoseOwnFilesSayTheSameKeepsItsThreads() throws IOException {
        file("sys/kernel/task_delayacct", "0\n");
        ProcfsScanner twoLevel = new ProcfsScanner(new ProcFs(root));
        ProcfsScanner full = new ProcfsScanner(new ProcFs(root)).withoutTwoLevel();
        twoLevel.threads(null);
        full.threads(null);
        // A thread's file moves while its process's does not: only a scan that reads it sees it.
        file("100/task/101/io", io(4096, 2 << 20, 4096));
        Scan kept = twoLevel.threads(null);
        assertThat(kept.tasks()).extracting(TaskSample::writeBytes).containsExactly(0L, (long) (1 << 20));
        assertThat(kept.unchanged(0) && kept.unchanged(1)).isTrue();
        assertThat(kept.listed().toArray()).containsExactly(100, 101, 200);
        assertThat(twoLevel.keptProcesses()).isEqualTo(1);
        assertThat(full.threads(null).tasks()).extracting(TaskSample::writeBytes).containsExactly(0L, 2L << 20);
        // Once the process's own file moves too, its threads are read again.
        file("100/io", io(8192, 2 << 20, 4096));
        assertThat(twoLevel.threads(null).tasks()).extracting(TaskSample::writeBytes).containsExactly(0L, 2L << 20);
        // So they are when a thread ends, or with delay accounting on.
        Files.delete(root.resolve("100/task/101/io"));
        Files.delete(root.resolve("100/task/101/stat"));
        Files.delete(root.resolve("100/task/101"));
        assertThat(twoLevel.threads(null).tasks()).extracting(TaskSample::id).containsExactly(100);
        file("100/task/101/stat", stat(101, "rdthread", 1, 5100, 4));
        file("100/task/101/io", io(4096, 3 << 20, 4096));
        file("sys/kernel/task_delayacct", "1\n");
        assertThat(twoLevel.threads(null).tasks()).extracting(TaskSample::writeBytes).containsExactly(0L, 3L << 20);
        assertThat(twoLevel.keptProcesses()).isEqualTo(1);
    }

    @Test
    void anotherUsersProcessHasItsThreadsTriedAtOnceTheNextTime() throws IOException {
        file("sys/kernel/task_delayacct", "0\n");
        file("200/task/201/stat", stat(201, "sshd", 1, 100, 0));
        ProcfsScanner scanner = new ProcfsScanner(new ProcFs(root));
        scanner.threads(null);
        assertThat(scanner.processReads()).as("100 and 200").isEqualTo(2);
        // 200's own io could not be read, nor its threads': only 100's is read again.
        Scan next = scanner.threads(null);
        assertThat(scanner.processReads()).isEqualTo(3);
        assertThat(next.listed().toArray()).containsExactly(100, 101, 200, 201);
        assertThat(scanner.visibility()).isEqualTo(new Visibility(Visibility.Source.PROCFS, 1, 2));
        // Once one of its threads can be read, its own io is tried again.
        file("200/task/201/io", io(0, 4096, 0));
        assertThat(scanner.threads(null).tasks()).extracting(TaskSample::id).containsExactly(100, 101, 201);
        scanner.threads(null);
        assertThat(scanner.processReads()).isEqualTo(6);
    }

    @Test
    void threadsAreReadWhereReadableAndTheOthersCounted() {
        ProcfsScanner scanner = new ProcfsScanner(new ProcFs(root));
        Scan scan = scanner.threads(null);
        assertThat(scan.tasks()).extracting(TaskSample::id).containsExactly(100, 101);
        TaskSample reader = scan.tasks().get(1);
        assertThat(reader.tgid()).isEqualTo(100);
        assertThat(reader.uid()).isEqualTo(1000);
        assertThat(reader.ppid()).isEqualTo(1);
        assertThat(reader.includesReapedChildren()).isFalse();
        assertThat(reader.writeBytes()).isEqualTo(1 << 20);
        assertThat(reader.cancelledWriteBytes()).isEqualTo(4096);
        assertThat(reader.blkioDelayNanos()).isEqualTo(40_000_000L);
        assertThat(reader.swapinDelayNanos()).isZero();
        // Started 51 s after boot, on a clock where boot lies 1000.5 s before the scanner was made.
        assertThat(reader.startNanos() - scan.tasks().get(0).startNanos()).isEqualTo(1_000_000_000L);
        assertThat(scan.listed().toArray()).containsExactly(100, 101, 200);
        assertThat(scan.lists(200)).isTrue();
        assertThat(scan.exits()).isEmpty();
        assertThat(scan.lostExitReports()).isEqualTo(-1);
        assertThat(scan.delayAccounting()).isTrue();
        assertThat(scanner.visibility()).isEqualTo(new Visibility(Visibility.Source.PROCFS, 1, 2));
    }

    @Test
    void aProcessHasItsOwnIoFileAndTheDelayOfAllItsThreads() {
        ProcfsScanner scanner = new ProcfsScanner(new ProcFs(root));
        Scan scan = scanner.processes(null);
        assertThat(scan.tasks()).hasSize(1);
        TaskSample p = scan.tasks().getFirst();
        assertThat(p.id()).isEqualTo(100);
        assertThat(p.includesReapedChildren()).isTrue();
        assertThat(p.readBytes()).isEqualTo(8192);
        assertThat(p.blkioDelayNanos()).isEqualTo(70_000_000L);
        assertThat(scan.listed().toArray()).containsExactly(100, 200);
        assertThat(scanner.visibility()).isEqualTo(new Visibility(Visibility.Source.PROCFS, 1, 2));
    }

    @Test
    void anUnchangedTaskKeepsItsSampleAndItsStart() {
        ProcfsScanner scanner = new ProcfsScanner(new ProcFs(root));
        Scan first = scanner.threads(null);
        Scan second = scanner.threads(null);
        assertThat(second.unchanged(0)).isTrue();
        assertThat(second.tasks().get(1)).isSameAs(first.tasks().get(1));
    }

    @Test
    void onlyTheAskedThreadsAndProcessesAreRead() {
        ProcfsScanner scanner = new ProcfsScanner(new ProcFs(root));
        file101Status();
        assertThat(scanner.threads(new int[]{101}).tasks()).extracting(TaskSample::id).containsExactly(101);
        assertThat(scanner.visibility().unreadable()).isZero();
        assertThat(scanner.processes(new int[]{200}).tasks()).isEmpty();
        assertThat(scanner.visibility()).isEqualTo(new Visibility(Visibility.Source.PROCFS, 1, 1));
    }

    /** A thread's own status, through which its process is found. */
    private void file101Status() {
        try {
            file("101/status", "Name:\trdthread\nTgid:\t100\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void withoutDelayAccountingTheScanSaysSo() throws IOException {
        file("sys/kernel/task_delayacct", "0\n");
        assertThat(new ProcfsScanner(new ProcFs(root)).processes(null).delayAccounting()).isFalse();
    }

    @Test
    void uptimeIsReadToTheHundredth() {
        byte[] text = "354.07 700.00\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(ProcfsScanner.uptimeNanos(text, text.length)).isEqualTo(354_070_000_000L);
        assertThat(ProcfsScanner.uptimeNanos(new byte[0], 0)).isZero();
    }
}
