package org.jiotop.output;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jiotop.model.DeviceRates;
import org.jiotop.model.DeviceReport;
import org.jiotop.model.Report;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The device panel in text, JSON and CSV, the data formats read back with real parsers. */
class DeviceFormatsTest {
    private static final Instant AT = Instant.parse("2026-11-26T03:33:53.250Z");
    private static final DeviceRates SDA = new DeviceRates("sda", false, false, 100, 200, 819_200, 104_857_600, 5, 10,
            2.5, 75);
    private static final DeviceRates NVME = new DeviceRates("nvme0n1", false, true, 0, 500, 0, 2_048_000, 0, 0.5,
            0.5, 100);
    private static final DeviceReport DEVICES = new DeviceReport(2_000_000_000L, List.of(SDA, NVME));
    private static final Report EMPTY = new Report(0, 2_000_000_000L, false, false, true, 0, 0, 0, 0, 0, List.of());

    @Test
    void textHasIostatsColumnsAndMarksParallelDevices() {
        assertThat(DevicePanel.lines(DEVICES.devices(), Integer.MAX_VALUE)).containsExactly(
                "Device        r/s      w/s    rMB/s    wMB/s  r_await  w_await   aqu-sz    %util",
                "sda        100.00   200.00     0.78   100.00     5.00    10.00     2.50    75.00",
                "nvme0n1      0.00   500.00     0.00     1.95     0.00     0.50     0.50   100.00*",
                DevicePanel.NOTE);
    }

    @Test
    void textWidensAColumnForAFigureWiderThanIostatsEight() {
        DeviceRates fast = new DeviceRates("nvme1n1", false, false, 812_345.678, 3, 3_327_368_000.0, 12_288, 0.07,
                0.02, 56.9, 100);
        assertThat(DevicePanel.lines(List.of(SDA, fast), Integer.MAX_VALUE)).containsExactly(
                "Device         r/s      w/s    rMB/s    wMB/s  r_await  w_await   aqu-sz    %util",
                "sda         100.00   200.00     0.78   100.00     5.00    10.00     2.50    75.00",
                "nvme1n1  812345.68     3.00  3173.23     0.01     0.07     0.02    56.90   100.00");
    }

    @Test
    void textKeepsRoomForTheNoteWhenCut() {
        assertThat(DevicePanel.lines(List.of(NVME, SDA), 3)).containsExactly(
                "Device        r/s      w/s    rMB/s    wMB/s  r_await  w_await   aqu-sz    %util",
                "nvme0n1      0.00   500.00     0.00     1.95     0.00     0.50     0.50   100.00*",
                DevicePanel.NOTE);
        // After sda, nvme0n1 and its note would need two lines more: it is left out rather than unexplained.
        assertThat(DevicePanel.lines(List.of(SDA, NVME), 3)).hasSize(2).last().asString().startsWith("sda");
        assertThat(DevicePanel.lines(List.of(SDA), 1)).isEmpty();
    }

    @Test
    void batchTextPutsThePanelAfterTheSummaryLines() {
        List<String> out = new ArrayList<>();
        new BatchFormat(5, SizeStyle.IOTOP, false, 0).write(EMPTY, 0, () -> null, out::add, DEVICES.devices());
        assertThat(out.get(0)).startsWith("Total DISK READ");
        assertThat(out.get(1)).startsWith("Current DISK READ");
        assertThat(out.get(2)).startsWith("Device ");
        assertThat(out.get(6)).contains("TID", "COMMAND");
    }

    @Test
    void batchTextTitlesThePanelAsItTitlesTheTasks() {
        for (int quiet = 0; quiet <= 2; quiet++) {
            for (int index = 0; index <= 1; index++) {
                List<String> out = new ArrayList<>();
                new BatchFormat(5, SizeStyle.IOTOP, false, quiet).write(EMPTY, index, () -> null, out::add,
                        DEVICES.devices());
                String what = "-q x" + quiet + ", report " + index;
                boolean titled = out.stream().anyMatch(l -> l.contains("COMMAND"));
                assertThat(titled).as(what).isEqualTo(quiet == 0 || quiet == 1 && index == 0);
                assertThat(out.stream().filter(l -> l.startsWith("Device ")).count()).as(what).isEqualTo(titled ? 1 : 0);
                assertThat(out).as(what).contains(DevicePanel.NOTE)
                        .anyMatch(l -> l.startsWith("sda "));
            }
        }
    }

    @Test
    void anEmptyPanelStillHasItsTitle() {
        List<String> out = new ArrayList<>();
        new BatchFormat(5, SizeStyle.IOTOP, false, 0).write(EMPTY, 0, () -> null, out::add, List.of());
        assertThat(out).anyMatch(l -> l.startsWith("Device "));
        assertThat(DevicePanel.lines(List.of(SDA), 1, false)).hasSize(1).first().asString().startsWith("sda");
    }

    @Test
    void jsonHasADevicesArrayInBytesAndMilliseconds() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        new JsonLinesFormat().write(EMPTY, AT, b, DEVICES);
        List<Map<String, Object>> devices = devices(b.toString(StandardCharsets.UTF_8));
        assertThat(devices).hasSize(2);
        assertThat(devices.get(0)).containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(Map.entry("name", "sda"),
                Map.entry("reads_per_second", 100.0), Map.entry("writes_per_second", 200.0),
                Map.entry("read_bytes_per_second", 819_200.0), Map.entry("write_bytes_per_second", 104_857_600.0),
                Map.entry("read_await_ms", 5.0), Map.entry("write_await_ms", 10.0), Map.entry("queue_size", 2.5),
                Map.entry("util_percent", 75.0), Map.entry("parallel", false), Map.entry("partition", false))));
        assertThat(devices.get(1)).containsEntry("parallel", true).containsEntry("util_percent", 100.0)
                .containsEntry("partition", false);
        assertThat(new JsonLinesFormat().line(EMPTY, AT)).doesNotContain("devices");
    }

    @Test
    void csvIsATableOfItsOwn() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(DeviceCsv.HEADER);
        DeviceCsv.write(DEVICES, AT, lines::add);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().get()
                .parse(new StringReader(String.join("\n", lines))).getRecords();
        assertThat(records.getFirst().getParser().getHeaderNames()).containsExactly("version", "timestamp",
                "interval_seconds", "name", "reads_per_second", "writes_per_second", "read_bytes_per_second",
                "write_bytes_per_second", "read_await_ms", "write_await_ms", "queue_size", "util_percent", "parallel",
                "partition");
        assertThat(records).hasSize(2);
        CSVRecord nvme = records.get(1);
        assertThat(nvme.get("version")).isEqualTo(String.valueOf(JsonLinesFormat.VERSION));
        assertThat(nvme.get("timestamp")).isEqualTo("1795664033.250");
        assertThat(Double.parseDouble(nvme.get("interval_seconds"))).isEqualTo(2.0);
        assertThat(nvme.get("name")).isEqualTo("nvme0n1");
        assertThat(Double.parseDouble(nvme.get("write_bytes_per_second"))).isEqualTo(2_048_000.0);
        assertThat(nvme.get("parallel")).isEqualTo("true");
    }

    @Test
    void aPartitionsLineSaysSoInJsonAndCsv() throws Exception {
        DeviceRates sda1 = new DeviceRates("sda1", true, false, 100, 0, 819_200, 0, 5, 0, 0.5, 50);
        DeviceReport withPartition = new DeviceReport(2_000_000_000L, List.of(SDA, sda1));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        new JsonLinesFormat().write(EMPTY, AT, b, withPartition);
        assertThat(devices(b.toString(StandardCharsets.UTF_8))).extracting(d -> d.get("partition"))
                .containsExactly(false, true);
        List<String> lines = new ArrayList<>(List.of(DeviceCsv.HEADER));
        DeviceCsv.write(withPartition, AT, lines::add);
        assertThat(CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(String.join("\n", lines)))
                .getRecords()).extracting(r -> r.get("name") + " " + r.get("partition"))
                .containsExactly("sda false", "sda1 true");
    }

    /** The objects of the top-level {@code devices} array, their fields sorted by name. */
    private static List<Map<String, Object>> devices(String json) {
        List<Map<String, Object>> out = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
            boolean in = false;
            Map<String, Object> current = null;
            String name = null;
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                switch (t) {
                    case PROPERTY_NAME -> {
                        name = p.currentName();
                        in |= p.streamReadContext().getParent().inRoot() && name.equals("devices");
                    }
                    case START_OBJECT -> current = in ? new java.util.TreeMap<>() : null;
                    case END_OBJECT -> {
                        if (current != null) {
                            out.add(new LinkedHashMap<>(current));
                        }
                        current = null;
                    }
                    case END_ARRAY -> in = false;
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> put(current, name, p.getDoubleValue());
                    case VALUE_STRING -> put(current, name, p.getString());
                    case VALUE_TRUE, VALUE_FALSE -> put(current, name, t == JsonToken.VALUE_TRUE);
                    default -> {
                    }
                }
            }
        }
        return out;
    }

    private static void put(Map<String, Object> m, String name, Object v) {
        if (m != null) {
            m.put(name, v);
        }
    }
}
