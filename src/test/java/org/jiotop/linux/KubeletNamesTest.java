package org.jiotop.linux;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Pod and container names from a fixture of kubelet's log directories. */
class KubeletNamesTest {
    private static final String UID = "5f1c2a3b-0d4e-4f60-8a7b-9c8d7e6f5a4b";
    private static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path root;

    private Path pods() throws IOException {
        return Files.createDirectories(root.resolve("var/log/pods"));
    }

    private Path containers() throws IOException {
        return Files.createDirectories(root.resolve("var/log/containers"));
    }

    @Test
    void podsAndContainersAreNamedAsKubeletNamesThem() throws IOException {
        Files.createDirectories(pods().resolve("kube-system_coredns-7db6d8ff4d-x2x9q_" + UID).resolve("coredns"));
        Files.createFile(containers().resolve("coredns-7db6d8ff4d-x2x9q_kube-system_coredns-" + ID + ".log"));
        KubeletNames names = new KubeletNames(root);
        assertThat(names.pod(UID)).isEqualTo(new KubeletNames.Pod("kube-system", "coredns-7db6d8ff4d-x2x9q"));
        assertThat(names.container(ID.substring(0, 12))).isEqualTo(new KubeletNames.Container("coredns",
                new KubeletNames.Pod("kube-system", "coredns-7db6d8ff4d-x2x9q")));
    }

    @Test
    void aNodeWithoutKubeletHasNoNamesAndEntriesOfOtherShapesAreSkipped() throws IOException {
        assertThat(new KubeletNames(root).pod(UID)).isNull();
        Files.createDirectories(pods().resolve("no-underscores-" + UID));
        Files.createFile(containers().resolve("p_ns_c-short.log"));
        Files.createFile(containers().resolve("p_ns_c-" + ID + ".txt"));
        KubeletNames names = new KubeletNames(root);
        assertThat(names.pod(UID)).isNull();
        assertThat(names.container(ID.substring(0, 12))).isNull();
    }

    @Test
    void aPodThatAppearsLaterIsFoundOnceTheDirectoryChanged() throws IOException {
        Path pods = pods();
        KubeletNames names = new KubeletNames(root);
        assertThat(names.pod(UID)).isNull();
        Files.createDirectories(pods.resolve("default_web-0_" + UID));
        // Another modification time than the listing saw, whatever the file system's clock granularity.
        Files.setLastModifiedTime(pods, FileTime.fromMillis(Files.getLastModifiedTime(pods).toMillis() + 5000));
        assertThat(names.pod(UID)).isEqualTo(new KubeletNames.Pod("default", "web-0"));
    }

    @Test
    void hostileNamesAreEscaped() throws IOException {
        Files.createDirectories(pods().resolve("ns_a\u001b[2Jb_" + UID));
        assertThat(new KubeletNames(root).pod(UID).name()).doesNotContain("\u001b");
    }
}
