package org.jiotop.linux;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which labels are read again and which kept, on a fixture /proc: process 100 running "server"
 * with a thread 101 whose name changes under it.
 */
class KernelLabelsTest {
    @TempDir
    Path root;

    private KernelLabels labels() throws IOException {
        write("100/cmdline", "server\0--port\0" + "8080\0");
        write("100/task/100/comm", "server\n");
        write("100/task/101/comm", "worker\n");
        return new KernelLabels(new ProcFs(root), new IoPrio(), new UserDb(root.resolve("etc")));
    }

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.ISO_8859_1);
    }

    private static TaskSample thread(long writeBytes) {
        return new TaskSample(101, 100, 1, 5_000_000L, 0, false, 0, writeBytes, 0, 0, 0);
    }

    @Test
    void anIdleThreadKeepsItsLabelsUntilItsSampleChanges() throws IOException {
        KernelLabels labels = labels();
        TaskSample idle = thread(0);
        assertThat(labels.labels(idle, null, false).command()).isEqualTo("server --port 8080 [worker]");

        write("100/task/101/comm", "renamed\n");
        labels.nextReport();
        assertThat(labels.labels(idle, null, false).command()).isEqualTo("server --port 8080 [worker]");

        TaskSample moved = thread(4096);
        assertThat(labels.labels(moved, null, false).command()).isEqualTo("server --port 8080 [renamed]");
    }

    @Test
    void anExitedTaskShowsTheCommandLineSeenUnlessItRanAnotherProgramSince() throws IOException {
        KernelLabels labels = labels();
        TaskSample leader = new TaskSample(100, 100, 1, 5_000_000L, 0, false, 0, 512, 0, 0, 0);
        labels.labels(leader, null, false);
        labels.labels(thread(4096), null, false);
        labels.nextReport();
        assertThat(labels.labels(leader, "server".getBytes(), false).command()).isEqualTo("server --port 8080");
        assertThat(labels.labels(thread(8192), "worker".getBytes(), false).command())
                .isEqualTo("server --port 8080 [worker]");
        // It exec'd dd after it was last seen, and dd ended.
        assertThat(labels.labels(leader, "dd".getBytes(), false).command()).isEqualTo("dd");
    }

    @Test
    void aNewCommandLineIsSeenOnceAnotherThreadOfItsProcessIsRead() throws IOException {
        KernelLabels labels = labels();
        TaskSample idle = thread(0);
        labels.labels(idle, null, false);

        write("100/cmdline", "server\0--port\0" + "9090\0");
        write("100/task/101/comm", "renamed\n");
        labels.nextReport();
        assertThat(labels.labels(idle, null, false).command()).as("neither it nor its process is read")
                .isEqualTo("server --port 8080 [worker]");

        labels.nextReport();
        TaskSample leader = new TaskSample(100, 100, 1, 5_000_000L, 0, false, 0, 512, 0, 0, 0);
        assertThat(labels.labels(leader, null, false).command()).isEqualTo("server --port 9090");
        assertThat(labels.labels(idle, null, false).command()).isEqualTo("server --port 9090 [renamed]");
    }

    @Test
    void aPriorityChangeByJiotopIsReadAtOnce() throws IOException {
        KernelLabels labels = labels();
        TaskSample idle = thread(0);
        labels.labels(idle, null, false);
        write("100/task/101/comm", "again\n");
        labels.nextReport();
        labels.priorityChanged(100);
        assertThat(labels.labels(idle, null, false).command()).isEqualTo("server --port 8080 [again]");
    }

    @Test
    void withinOneReportAProcessIsReadOnce() throws IOException {
        KernelLabels labels = labels();
        assertThat(labels.labels(thread(0), null, false).command()).contains("8080");
        write("100/cmdline", "server\0--port\0" + "9090\0");
        assertThat(labels.labels(thread(4096), null, false).command()).contains("8080");
        labels.nextReport();
        assertThat(labels.labels(thread(8192), null, false).command()).contains("9090");
    }
}
