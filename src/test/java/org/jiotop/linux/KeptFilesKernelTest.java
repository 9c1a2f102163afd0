package org.jiotop.linux;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** /proc files held open between refreshes, against the running kernel. */
class KeptFilesKernelTest {
    private final ProcFs proc = ProcFs.system();
    private final int self = proc.selfPid();

    @BeforeEach
    void root() {
        Capability.assume(Capability.NET_ADMIN);
    }

    /** Process {@code pid}'s counters as {@code files} reads them, or null. */
    private static ProcessIo io(KeptFiles files, int pid) {
        long[] counters = new long[ProcParsers.IO_COUNTERS];
        return files.io(pid, counters) ? ProcParsers.ioOf(counters) : null;
    }

    @Test
    void aHeldIoFileGivesFreshCountersAtEveryRead() throws Exception {
        Path file = Files.createTempFile(Files.createDirectories(Path.of("target", "e2e-scratch")), "kept", ".bin");
        try (KeptFiles files = new KeptFiles(proc, 8)) {
            files.beginIo();
            ProcessIo before = io(files, self);
            files.endIo();
            assertThat(files.ioFilesHeld()).isEqualTo(1);
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.allocate(1 << 20));
                out.force(true);
            }
            files.beginIo();
            ProcessIo after = io(files, self);
            files.endIo();
            assertThat(after.writeBytes()).isGreaterThanOrEqualTo(before.writeBytes() + (1 << 20))
                    .isLessThanOrEqualTo(proc.processIo(self).writeBytes());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aHeldIoFileOfAReapedProcessFailsAndIsClosed() throws Exception {
        Process sleeper = sleeper();
        int pid = (int) sleeper.pid();
        long open = openDescriptors();
        try (KeptFiles files = new KeptFiles(proc, 8)) {
            files.beginIo();
            assertThat(io(files, pid)).isNotNull();
            files.endIo();
            assertThat(files.ioFilesHeld()).isEqualTo(1);
            sleeper.destroyForcibly();
            assertThat(sleeper.waitFor(30, TimeUnit.SECONDS)).isTrue();

            files.beginIo();
            assertThat(io(files, pid)).isNull();
            files.endIo();
            assertThat(files.ioFilesHeld()).isZero();
            assertThat(openDescriptors()).isEqualTo(open);
        }
    }

    @Test
    void filesOfProcessesNotReadAreClosedAndAtMostTheLimitAreHeld() throws Exception {
        Process a = sleeper();
        Process b = sleeper();
        int[] both = {(int) Math.min(a.pid(), b.pid()), (int) Math.max(a.pid(), b.pid())};
        long open = openDescriptors();
        try (KeptFiles files = new KeptFiles(proc, 1)) {
            files.beginIo();
            assertThat(io(files, both[0])).isNotNull();
            assertThat(io(files, both[1])).isNotNull();
            files.endIo();
            assertThat(files.ioFilesHeld()).isEqualTo(1);
            assertThat(openDescriptors()).isEqualTo(open + 1);

            files.beginIo();
            assertThat(io(files, both[1])).as("not held: opened, and held now").isNotNull();
            assertThat(io(files, both[0])).as("out of order: by path").isNotNull();
            files.endIo();
            assertThat(files.ioFilesHeld()).isEqualTo(1);
            assertThat(openDescriptors()).isEqualTo(open + 1);

            files.beginIo();
            files.endIo();
            assertThat(files.ioFilesHeld()).as("none read").isZero();
            assertThat(openDescriptors()).isEqualTo(open);

            files.beginIo();
            io(files, both[0]);
            files.endIo();
            files.beginIo();
            io(files, both[0]); // a round left unfinished, as by a scan that failed midway
            files.beginIo();
            files.endIo();
            assertThat(files.ioFilesHeld()).isZero();
            assertThat(openDescriptors()).isEqualTo(open);
        } finally {
            a.destroyForcibly().waitFor();
            b.destroyForcibly().waitFor();
        }
    }

    @Test
    void closeReleasesEveryFileHeld() throws Exception {
        long open = openDescriptors();
        KeptFiles files = new KeptFiles(proc, 8);
        assertThat(files.vmstat()).isNotNull();
        assertThat(files.taskDelayAcct()).isEqualTo(proc.taskDelayAcct());
        files.beginIo();
        io(files, self);
        files.endIo();
        files.beginIo();
        io(files, self);
        assertThat(openDescriptors()).isEqualTo(open + 3);
        files.close();
        assertThat(openDescriptors()).isEqualTo(open);
    }

    @Test
    void heldSystemFilesFollowTheirValues() throws Exception {
        Boolean was = proc.taskDelayAcct();
        try (KeptFiles files = new KeptFiles(proc, 8)) {
            VmCounters first = files.vmstat();
            assertThat(files.taskDelayAcct()).isEqualTo(was);
            proc.setTaskDelayAcct(!was);
            assertThat(files.taskDelayAcct()).isEqualTo(!was);
            VmCounters second = files.vmstat();
            // Counters since boot: a second read through the held file is never behind the first, nor
            // ahead of a read by path made after it.
            assertThat(second.pagedOutKiB()).isGreaterThanOrEqualTo(first.pagedOutKiB())
                    .isLessThanOrEqualTo(proc.vmstat().pagedOutKiB());
            assertThat(second.pagedInKiB()).isGreaterThanOrEqualTo(first.pagedInKiB())
                    .isLessThanOrEqualTo(proc.vmstat().pagedInKiB());
        } finally {
            proc.setTaskDelayAcct(was);
        }
    }

    /** A process with no pipe to this one, so that its end closes no descriptor here. */
    private static Process sleeper() throws IOException {
        return new ProcessBuilder("sleep", "60").redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count() - 1; // the listing's own descriptor
        }
    }

    @Test
    void atMostHalfTheOpenFilesLimitIsHeld() throws Exception {
        assertThat(KeptFiles.heldIoFiles(16384, 1024, 0)).isEqualTo(512);
        assertThat(KeptFiles.heldIoFiles(16384, 1024, 12)).as("less what is open").isEqualTo(500);
        assertThat(KeptFiles.heldIoFiles(16384, 1 << 20, 12)).isEqualTo(16384);
        assertThat(KeptFiles.heldIoFiles(16384, -1, 0)).as("limit unknown").isEqualTo(512);
        assertThat(KeptFiles.heldIoFiles(16384, -1, -1)).as("neither known").isEqualTo(512);
        assertThat(KeptFiles.heldIoFiles(16384, Long.MAX_VALUE, 3)).as("unlimited").isEqualTo(16384);
        // A second holder in the process, sized after the first took its half: none.
        assertThat(KeptFiles.heldIoFiles(16384, 20_000, 10_030)).isZero();
        long open = openDescriptors();
        assertThat(ProcFs.system().openDescriptors()).as("/proc/self/fd, its own listing's descriptor included")
                .isBetween((int) open - 2, (int) open + 2);
        String line = Files.readAllLines(Path.of("/proc/self/limits")).stream()
                .filter(l -> l.startsWith("Max open files")).findFirst().orElseThrow();
        String soft = line.substring("Max open files".length()).strip().split("\\s+")[0];
        long expected = soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
        assertThat(new Libc().openFilesLimit()).as("the kernel's soft limit, as /proc/self/limits says").isEqualTo(expected);
    }
}
