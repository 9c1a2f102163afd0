package org.jiotop.cli;

import org.jiotop.linux.Capability;
import org.jiotop.output.DeviceCsv;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --devices} through the whole program, against this machine's /proc/diskstats. */
class DevicesEndToEndTest {
    @Test
    void batchTextHasThePanelBetweenTheSummaryAndTheTasks() {
        Capability.assume(Capability.NET_ADMIN);
        MainTest.Result r = MainTest.run("-b", "--devices", "-n", "1", "-d", "0.2", "-p", "1");
        assertThat(r.status()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(2)).startsWith("Device ").endsWith("%util");
        assertThat(lines.stream().filter(l -> l.contains("TID") && l.contains("COMMAND")).findFirst())
                .isPresent();
        // Every device listed is a whole disk of this machine.
        for (String device : lines.subList(3, lines.size()).stream().takeWhile(l -> !l.contains("TID"))
                .filter(l -> !l.startsWith("*")).map(l -> l.split(" +")[0]).toList()) {
            assertThat(Path.of("/sys/block", device)).exists();
        }
    }

    @Test
    void jsonHasADevicesArrayAndCsvTheDeviceTable() throws Exception {
        Capability.assume(Capability.NET_ADMIN);
        MainTest.Result json = MainTest.run("--format=json", "--devices", "-n", "1", "-d", "0.2", "-p", "1");
        assertThat(json.status()).isZero();
        assertThat(json.out()).contains("\"devices\":[");
        Matcher names = Pattern.compile("\\{\"name\":\"([^\"]+)\",\"reads_per_second\"").matcher(json.out());
        while (names.find()) {
            assertThat(Files.exists(Path.of("/sys/block", names.group(1)))).as(names.group(1)).isTrue();
        }
        MainTest.Result csv = MainTest.run("--format=csv", "--devices", "-n", "2", "-d", "0.2");
        assertThat(csv.status()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.getFirst()).isEqualTo(DeviceCsv.HEADER);
        int fields = DeviceCsv.HEADER.split(",").length;
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.split(",").length == fields);
        assertThat(MainTest.run("--format=json", "-n", "1", "-d", "0.2", "-p", "1").out()).doesNotContain("devices");
    }

    @Test
    void partitionsNeedDevices() {
        MainTest.Result r = MainTest.run("-b", "--partitions", "-n", "1");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("jiotop: ").contains("--partitions").contains("--devices");
    }
}
