package org.jiotop.cli;

import org.jiotop.linux.KubeletNames;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.UserDb;
import org.jiotop.model.IoDelta;
import org.jiotop.model.Row;
import org.jiotop.model.TaskActivity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exporter's labels by owner, from the fixture /proc (src/test/resources/cgroup) and a fixture
 * of kubelet's log directories: names where kubelet has them, IDs where it has none.
 */
class ExportSeriesTest {
    private static final String POD_UID = "7c0b5a1e-3f2d-4c8b-9e6a-1d2c3b4a5f60";
    private static final String CRI_ID = "0e1d2c3b4a5968778695a4b3c2d1e0f0123456789abcdef0fedcba9876543210";

    @TempDir
    Path tmp;

    private static Row process(int pid) {
        return new Row(pid, pid, 0, 0, 0, 0, 0, new TaskActivity(new TaskSample(pid, pid, 1, 0, 0, false, 0, 0, 0,
                0, 0), IoDelta.ZERO, IoDelta.ZERO, 0));
    }

    /** Labels for {@code labels}, users from a fixture /etc, kubelet's directories under {@code node}. */
    private ExportSeries series(EnumSet<ExportLabel> labels, Path node) throws Exception {
        Files.writeString(tmp.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(tmp.resolve("nsswitch.conf"), "passwd: files\n");
        UserDb users = new UserDb(tmp);
        Path proc = Path.of(ExportSeriesTest.class.getResource("/cgroup/proc").toURI());
        return new ExportSeries(labels, null, users, new GroupLabels(users, proc), new KubeletNames(node));
    }

    @Test
    void unitPodAndContainerLabelsAreNamedAsKubeletNamesThemElseById() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("node"));
        Files.createDirectories(root.resolve("var/log/pods/prod_web-7_" + POD_UID + "/app"));
        Files.createDirectories(root.resolve("var/log/containers"));
        Files.createFile(root.resolve("var/log/containers/web-7_prod_app-" + CRI_ID + ".log"));
        ExportSeries series = series(EnumSet.of(ExportLabel.USER, ExportLabel.UNIT, ExportLabel.POD,
                ExportLabel.CONTAINER), root);
        List<Row> rows = List.of(process(100), process(101), process(103));
        series.interval(rows);
        assertThat(series.of(rows.get(0).activity()).values()).containsExactly("root", "nginx.service", "-", "-", "-");
        assertThat(series.of(rows.get(1).activity()).values()).containsExactly("root",
                "docker-3f4e2a9b1c7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f.scope", "-", "-",
                "3f4e2a9b1c7d");
        assertThat(series.of(rows.get(2).activity()).values()).containsExactly("root",
                "cri-containerd-" + CRI_ID + ".scope", "prod", "web-7", "app");
    }

    @Test
    void aPodKubeletDoesNotNameKeepsItsUidWithAnEmptyNamespace() throws Exception {
        ExportSeries series = series(EnumSet.of(ExportLabel.POD, ExportLabel.CONTAINER), tmp.resolve("no-kubelet"));
        List<Row> rows = List.of(process(103));
        series.interval(rows);
        assertThat(series.of(rows.get(0).activity()).values()).containsExactly("", POD_UID, "0e1d2c3b4a59");
    }
}
