package org.jiotop.cli;

import org.jiotop.linux.ProcFs;
import org.jiotop.linux.TaskSample;
import org.jiotop.model.IoDelta;
import org.jiotop.model.TaskActivity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Process names in the exporter's series, from a fixture /proc whose comm files a test rewrites. */
class ExportNamesTest {
    @TempDir
    Path proc;

    private void comm(int pid, String name) throws Exception {
        Path dir = Files.createDirectories(proc.resolve(pid + "/task/" + pid));
        Files.writeString(dir.resolve("comm"), name + "\n");
    }

    private static TaskActivity writing(int pid) {
        return new TaskActivity(new TaskSample(pid, pid, 1, 5_000, 0, false, 0, 4096, 0, 0, 0),
                new IoDelta(0, 4096, 0, 0, 0), IoDelta.ZERO, 0);
    }

    @Test
    void aProcessThatExecsIsNamedAfterTheProgramItRunsNow() throws Exception {
        ExportNames names = new ExportNames(new ProcFs(proc));
        TaskActivity entrypoint = writing(40);
        comm(40, "docker-entrypoi");
        assertThat(names.of(entrypoint)).isEqualTo("docker-entrypoi");
        names.keepOnly(List.of(entrypoint));
        comm(40, "postgres");
        assertThat(names.of(writing(40))).isEqualTo("postgres");
    }

    @Test
    void aProcessWhoseNameCannotBeReadAnyMoreKeepsTheNameItHad() throws Exception {
        ExportNames names = new ExportNames(new ProcFs(proc));
        comm(41, "rsync");
        assertThat(names.of(writing(41))).isEqualTo("rsync");
        names.keepOnly(List.of(writing(41)));
        Files.delete(proc.resolve("41/task/41/comm"));
        assertThat(names.of(writing(41))).isEqualTo("rsync");
    }
}
