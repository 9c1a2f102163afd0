package org.jiotop.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations kit under deploy/: the alert and recording rules pass promtool's checks and unit
 * tests, every dashboard query parses, the systemd unit passes systemd-analyze, and the DaemonSet
 * asks for no more than the exporter needs.
 */
class DeployKitTest {
    @TempDir
    Path tmp;

    /** Runs {@code command}; its exit status, then its output. */
    private static List<String> run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return List.of(Integer.toString(p.waitFor()), said);
    }

    @Test
    void rulesPassPromtoolsCheckAndUnitTests() throws Exception {
        List<String> check = run(List.of("promtool", "check", "rules", "deploy/prometheus/jiotop-rules.yml"));
        assertThat(check.get(0)).as(check.get(1)).isEqualTo("0");
        List<String> test = run(List.of("promtool", "test", "rules", "deploy/prometheus/jiotop-rules-test.yml"));
        assertThat(test.get(0)).as(test.get(1)).isEqualTo("0");
        assertThat(test.get(1)).contains("SUCCESS");
    }

    @Test
    void theDashboardChoosesDatasourceJobAndInstanceAndEveryQueryParses() throws Exception {
        Dashboard d = Dashboard.read();
        assertThat(d.variables()).containsEntry("datasource", "datasource").containsEntry("job", "query")
                .containsEntry("instance", "query");
        assertThat(d.datasources()).isNotEmpty().allSatisfy(uid -> assertThat(uid).isEqualTo("${datasource}"));
        assertThat(d.queries()).hasSizeGreaterThanOrEqualTo(11);
        // promtool parses each query as a recording rule's expression.
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (int i = 0; i < d.queries().size(); i++) {
            String q = Dashboard.substituted(d.queries().get(i), "1m");
            assertThat(q).as(d.queries().get(i)).doesNotContain("$");
            rules.append("      - record: dashboard:query").append(i).append("\n        expr: '")
                    .append(q.replace("'", "''")).append("'\n");
        }
        Path file = Files.writeString(tmp.resolve("dashboard-rules.yml"), rules);
        List<String> check = run(List.of("promtool", "check", "rules", file.toString()));
        assertThat(check.get(0)).as(check.get(1) + rules).isEqualTo("0");
        assertThat(check.get(1)).contains("SUCCESS: " + d.queries().size() + " rules found");
    }

    @Test
    void theSystemdUnitPassesSystemdAnalyze() throws Exception {
        // A root of its own, where /usr/bin/jiotop (installed by the package) is a stand-in.
        Path bin = Files.createDirectories(tmp.resolve("usr/bin"));
        Files.writeString(bin.resolve("jiotop"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(bin.resolve("jiotop"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(Files.createDirectories(tmp.resolve("usr/lib/systemd")).resolve("system"),
                Path.of("/usr/lib/systemd/system"));
        Path unit = Files.createDirectories(tmp.resolve("etc/systemd/system")).resolve("jiotop.service");
        Files.copy(Path.of("deploy/systemd/jiotop.service"), unit);
        List<String> verify = run(List.of("systemd-analyze", "verify", "--root=" + tmp, unit.toString()));
        assertThat(verify.get(0)).as(verify.get(1)).isEqualTo("0");
        // A bad value is only a warning to systemd-analyze: none may name the unit.
        assertThat(verify.get(1)).doesNotContain("jiotop.service");
        String text = Files.readString(unit);
        assertThat(text).contains("ProtectSystem=strict", "NoNewPrivileges=yes", "DynamicUser=yes",
                "CapabilityBoundingSet=CAP_NET_ADMIN CAP_DAC_READ_SEARCH CAP_SYS_PTRACE\n", "ExecStart=/usr/bin/jiotop --serve ");
    }

    /**
     * The unit's capabilities, given to {@code nobody} as the unit gives them to its dynamic user,
     * read {@code /proc/PID/io} of a process of another user; one fewer does not.
     */
    @Test
    void theUnitsCapabilitiesReadAnotherUsersIoFile() throws Exception {
        String ambient = Files.readString(Path.of("deploy/systemd/jiotop.service")).lines()
                .filter(l -> l.startsWith("AmbientCapabilities=")).findFirst().orElseThrow();
        List<String> caps = List.of(ambient.substring(ambient.indexOf('=') + 1).strip().split(" "));
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            String io = "/proc/" + other.pid() + "/io";
            assertThat(readAsNobody(caps, io).get(0)).as("with %s", caps).isEqualTo("0");
            for (String left : caps) {
                List<String> fewer = caps.stream().filter(c -> !c.equals(left)).toList();
                if (left.equals("CAP_NET_ADMIN")) {
                    continue; // taskstats', not the io file's
                }
                assertThat(readAsNobody(fewer, io).get(0)).as("without %s", left).isNotEqualTo("0");
            }
        } finally {
            other.destroy();
        }
    }

    private static List<String> readAsNobody(List<String> caps, String file) throws Exception {
        String set = String.join(",", caps.stream().map(c -> "+" + c.substring(4).toLowerCase(java.util.Locale.ROOT))
                .toList());
        return run(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--inh-caps=" + set,
                "--ambient-caps=" + set, "cat", file));
    }

    @Test
    void theDaemonSetSharesThePidNamespaceWithThreeCapabilitiesAndAReadOnlyRoot() throws Exception {
        String yaml = Files.readString(Path.of("deploy/kubernetes/jiotop-daemonset.yaml"));
        List<String> lines = new ArrayList<>(yaml.lines().map(String::strip).toList());
        assertThat(lines).contains("hostPID: true", "readOnlyRootFilesystem: true", "allowPrivilegeEscalation: false",
                "drop: [\"ALL\"]", "add: [\"NET_ADMIN\", \"DAC_READ_SEARCH\", \"SYS_PTRACE\"]", "prometheus.io/scrape: \"true\"",
                "prometheus.io/port: \"9123\"", "memory: 192Mi", "path: /var/log/pods", "path: /var/log/containers");
        assertThat(lines).noneMatch(l -> l.startsWith("privileged:"));
    }
}
