package org.jiotop.output;

import org.jiotop.linux.IoPriority;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.Visibility;
import org.jiotop.linux.CgroupHierarchy;
import org.jiotop.linux.IoCounts;
import org.jiotop.linux.LogicalIo;
import org.jiotop.model.Group;
import org.jiotop.model.GroupKind;
import org.jiotop.model.IoDelta;
import org.jiotop.model.LabelSource;
import org.jiotop.model.Report;
import org.jiotop.model.Row;
import org.jiotop.model.TaskActivity;
import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.TaskPriority;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON Lines and CSV, read back with real parsers (Jackson's, Apache Commons CSV). */
class MachineFormatsTest {
    private static final Instant AT = Instant.parse("2026-11-26T03:33:53.250Z");
    private static final LabelSource LABELS = (row, processes) -> new TaskLabels(TaskPriority.of(new IoPriority(IoPriority.CLASS_BE, 4)), "nobody",
            "evil \\x1b[31m, \"quoted\" --arg", "evil");

    private static Report report(boolean delay) {
        IoDelta d = new IoDelta(8192, 2_097_152, 4096, 500_000_000, 0);
        TaskActivity a = new TaskActivity(new TaskSample(4242, 4240, 1, 0, 65534, false, 0, 0, 0, 0, 0), d,
                d.plus(d), 0, null);
        return new Report(0, 2_000_000_000L, false, false, delay, 4096, 1_046_528, 1024, 2048, 0,
                List.of(new Row(4242, 4240, 65534, 4096, 1_046_528, 0, 25, a)));
    }

    /** A flat map of the JSON object's numbers and strings, nested names joined with dots. */
    private static Map<String, Object> parse(String json) {
        Map<String, Object> out = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
            StringBuilder path = new StringBuilder();
            java.util.ArrayDeque<Integer> lengths = new java.util.ArrayDeque<>();
            String name = null;
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                switch (t) {
                    case PROPERTY_NAME -> name = p.currentName();
                    case START_OBJECT -> {
                        lengths.push(path.length());
                        if (name != null) {
                            path.append(name).append('.');
                        }
                    }
                    case END_OBJECT -> path.setLength(lengths.pop());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.put(path + name, p.getDoubleValue());
                    case VALUE_STRING -> out.put(path + name, p.getString());
                    case VALUE_TRUE, VALUE_FALSE -> out.put(path + name, t == JsonToken.VALUE_TRUE);
                    case VALUE_NULL -> out.put(path + name, "null");
                    default -> {
                    }
                }
            }
        }
        return out;
    }

    @Test
    void procfsIsSaidWithTheUnreadableCountAndSwapinIsNeverAZero() {
        Report r = LABELS.label(report(true).withVisibility(new Visibility(Visibility.Source.PROCFS, 153, 412)));
        Map<String, Object> v = parse(new JsonLinesFormat().line(r, AT));
        assertThat(v).containsEntry("source", "procfs").containsEntry("unreadable_processes", 153.0)
                .containsEntry("rows.swapin_percent", "null").containsEntry("rows.swapin_delay_seconds", "null")
                .containsEntry("rows.io_percent", 25.0);
        List<String> csv = new CsvFormat().lines(r, AT);
        assertThat(csv).containsExactly("3,1795664033.250,2.0,threads,procfs,153,4242,4240,65534,nobody,be/4,false,"
                + "8192,2097152,4096,4096.0,1048576.0,0.5,,25.0,,16384,4194304,thread,,1,,,,,,0,0,0.0,0.0,0,0,0.0,0.0,"
                + "\"evil \\x1b[31m, \"\"quoted\"\" --arg\"");
        Map<String, Object> taskstats = parse(new JsonLinesFormat().line(LABELS.label(report(true)), AT));
        assertThat(taskstats).containsEntry("source", "taskstats").containsEntry("unreadable_processes", 0.0)
                .containsEntry("rows.swapin_percent", 0.0);
    }

    @Test
    void jsonCarriesNumbersInBytesAndSeconds() {
        String line = new JsonLinesFormat().line(LABELS.label(report(true)), AT);
        assertThat(line).doesNotContain("\n").startsWith("{\"version\":3,\"timestamp\":1795664033.250,");
        Map<String, Object> v = parse(line);
        assertThat(v).containsEntry("version", 3.0).containsEntry("interval_seconds", 2.0)
                .containsEntry("mode", "threads").containsEntry("delay_accounting", true)
                .containsEntry("total.net_write_bytes_per_second", 1_046_528.0)
                .containsEntry("current.read_bytes_per_second", 1024.0)
                .containsEntry("rows.tid", 4242.0).containsEntry("rows.tgid", 4240.0)
                .containsEntry("rows.uid", 65534.0).containsEntry("rows.user", "nobody")
                .containsEntry("rows.command", "evil \\x1b[31m, \"quoted\" --arg")
                .containsEntry("rows.read_bytes", 8192.0).containsEntry("rows.write_bytes", 2_097_152.0)
                .containsEntry("rows.cancelled_write_bytes", 4096.0)
                .containsEntry("rows.write_bytes_per_second", 1_048_576.0)
                .containsEntry("rows.blkio_delay_seconds", 0.5).containsEntry("rows.io_percent", 25.0)
                .containsEntry("rows.accumulated_write_bytes", 4_194_304.0)
                .containsEntry("rows.exited", false)
                .containsEntry("rows.group_kind", "thread").containsEntry("rows.group", "null")
                .containsEntry("rows.tasks", 1.0);
        assertThat(v).as("no group, no cgroup counters: absent, never 0").doesNotContainKey("rows.cgroup_write_bytes");
    }

    /** A container's row: two processes of one user, its own cgroup counters beside their sum. */
    private static Report groupReport() {
        IoDelta d = new IoDelta(8192, 2_097_152, 4096, 500_000_000, 0);
        TaskActivity a = new TaskActivity(new TaskSample(0, 0, 0, 0, 65534, false, 0, 0, 0, 0, 0), d, d, 0, null);
        Group g = new Group("0123456789ab", 2, 65534, -1, CgroupHierarchy.BLKIO, new IoCounts(0, 3_000_000, 0, 40, 0, 0), 2.0);
        Row row = new Row(0, 0, 65534, 4096, 1_046_528, 0, 25, a, null, g);
        return new Report(0, 2_000_000_000L, true, false, true, 4096, 1_046_528, 1024, 2048, 0, List.of(row),
                GroupKind.CONTAINER);
    }

    @Test
    void aGroupRowCarriesItsLabelItsProcessesAndItsCgroupsCounters() throws IOException {
        LabelSource group = (row, processes) -> new TaskLabels(TaskPriority.GROUP, "nobody", "2 processes");
        Map<String, Object> v = parse(new JsonLinesFormat().line(group.label(groupReport()), AT));
        assertThat(v).containsEntry("rows.group_kind", "container").containsEntry("rows.group", "0123456789ab")
                .containsEntry("rows.tasks", 2.0).containsEntry("rows.pid", "null").containsEntry("rows.tgid", "null")
                .containsEntry("rows.priority", "null").containsEntry("rows.command", "null")
                .containsEntry("rows.uid", 65534.0).containsEntry("rows.user", "nobody")
                .containsEntry("rows.write_bytes", 2_097_152.0).containsEntry("rows.cgroup_io_source", "blkio")
                .containsEntry("rows.cgroup_write_bytes", 3_000_000.0).containsEntry("rows.cgroup_writes", 40.0);
        String text = CsvFormat.HEADER + "\n" + new CsvFormat().lines(group.label(groupReport()), AT).getFirst() + "\n";
        CSVRecord r = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(text)).getRecords()
                .getFirst();
        assertThat(r.get("group_kind")).isEqualTo("container");
        assertThat(r.get("group")).isEqualTo("0123456789ab");
        assertThat(r.get("tasks")).isEqualTo("2");
        assertThat(r.get("id")).isEmpty();
        assertThat(r.get("cgroup_write_bytes")).isEqualTo("3000000");
        Report outside = groupReport().withRows(List.of(groupReport().rows().getFirst()
                .withGroup(new Group("-", 1, 0)).labelled(new TaskLabels(TaskPriority.GROUP, "root", "1 process"))));
        assertThat(new CsvFormat().lines(outside, AT).getFirst()).as("- is a fixed word, not a formula to defuse")
                .contains(",container,-,1,");
    }

    /** A row of {@code d}, summed as group rows and -a are, over two seconds. */
    private static Report logicalReport(IoDelta d) {
        TaskActivity a = new TaskActivity(new TaskSample(7, 7, 1, 0, 0, false, 0, 0, 0, 0, 0), d, d.plus(d), 0, null);
        return new Report(0, 2_000_000_000L, false, false, true, 0, 0, 0, 0, 0,
                List.of(new Row(7, 7, 0, 0, 0, 0, 0, a)));
    }

    @Test
    void logicalIoIsCountedOverTheIntervalAndPerSecondInBothFormats() throws IOException {
        IoDelta d = new IoDelta(0, 0, 0, 0, 0, new LogicalIo(3_000_000, 65_536, 1500, 16));
        Map<String, Object> v = parse(new JsonLinesFormat().line(LABELS.label(logicalReport(d)), AT));
        assertThat(v).containsEntry("rows.read_syscalls", 1500.0).containsEntry("rows.write_syscalls", 16.0)
                .containsEntry("rows.read_syscalls_per_second", 750.0)
                .containsEntry("rows.write_syscalls_per_second", 8.0)
                .containsEntry("rows.read_chars", 3_000_000.0).containsEntry("rows.write_chars", 65_536.0)
                .containsEntry("rows.read_chars_per_second", 1_500_000.0)
                .containsEntry("rows.write_chars_per_second", 32_768.0)
                .containsEntry("rows.read_bytes", 0.0);
        String text = CsvFormat.HEADER + "\n" + new CsvFormat().lines(LABELS.label(logicalReport(d)), AT).getFirst()
                + "\n";
        CSVRecord r = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(text)).getRecords()
                .getFirst();
        assertThat(Long.parseLong(r.get("write_syscalls"))).isEqualTo(16);
        assertThat(Double.parseDouble(r.get("read_chars_per_second"))).isEqualTo(1_500_000.0);
    }

    /** 500 MB written over two seconds, and 0.2 ms spent waiting: figures Java writes with an exponent. */
    private static Report fastReport() {
        IoDelta d = new IoDelta(0, 500_000_000, 0, 200_000, 0);
        TaskActivity a = new TaskActivity(new TaskSample(7, 7, 1, 0, 0, false, 0, 0, 0, 0, 0), d, d, 0, null);
        return new Report(0, 2_000_000_000L, false, false, true, 0, 2.5e8, 0, 2.5e8, 0,
                List.of(new Row(7, 7, 0, 0, 2.5e8, 0, 0.01, a)));
    }

    @Test
    void numbersAreWrittenWithoutAnExponent() throws IOException {
        String json = new JsonLinesFormat().line(LABELS.label(fastReport()), AT);
        assertThat(json).contains("\"net_write_bytes_per_second\":250000000.0}", "\"write_bytes_per_second\":250000000.0,",
                "\"blkio_delay_seconds\":0.0002,", "\"io_percent\":0.01,").doesNotContain("E8", "E-");
        assertThat(parse(json)).containsEntry("rows.write_bytes_per_second", 2.5e8)
                .containsEntry("rows.blkio_delay_seconds", 2e-4);
        String text = CsvFormat.HEADER + "\n" + new CsvFormat().lines(LABELS.label(fastReport()), AT).getFirst() + "\n";
        CSVRecord r = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(text)).getRecords()
                .getFirst();
        assertThat(r.get("write_bytes_per_second")).isEqualTo("250000000.0");
        assertThat(r.get("write_chars_per_second")).isEqualTo("0.0");
        assertThat(r.get("blkio_delay_seconds")).isEqualTo("0.0002");
    }

    @Test
    void jsonSaysNullWhereThereIsNoFigure() {
        Map<String, Object> v = parse(new JsonLinesFormat().line(LABELS.label(report(false)), AT));
        assertThat(v).containsEntry("rows.io_percent", "null").containsEntry("rows.swapin_percent", "null");
    }

    @Test
    void csvHasAHeaderAndQuotesWhatNeedsIt() throws IOException {
        List<String> lines = new CsvFormat().lines(LABELS.label(report(true)), AT);
        String text = CsvFormat.HEADER + "\n" + String.join("\n", lines) + "\n";
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(text))
                .getRecords();
        assertThat(records).hasSize(1);
        CSVRecord r = records.getFirst();
        assertThat(r.get("version")).isEqualTo("3");
        assertThat(r.get("cgroup_write_bytes")).as("unknown is empty, not 0").isEmpty();
        assertThat(r.get("timestamp")).isEqualTo("1795664033.250");
        assertThat(r.get("id")).isEqualTo("4242");
        assertThat(Double.parseDouble(r.get("write_bytes_per_second"))).isEqualTo(1_048_576.0);
        assertThat(Long.parseLong(r.get("write_bytes"))).isEqualTo(2_097_152);
        assertThat(Long.parseLong(r.get("cancelled_write_bytes"))).isEqualTo(4096);
        assertThat(r.get("io_percent")).isEqualTo("25.0");
        assertThat(r.get("command")).isEqualTo("evil \\x1b[31m, \"quoted\" --arg");
        assertThat(r.size()).isEqualTo(CsvFormat.HEADER.split(",").length);
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralised() throws IOException {
        for (String formula : List.of("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)")) {
            LabelSource labels = (row, processes) -> new TaskLabels(TaskPriority.EXITED, "-user", formula, formula);
            String text = CsvFormat.HEADER + "\n" + new CsvFormat().lines(labels.label(report(false)), AT).getFirst() + "\n";
            CSVRecord r = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(text)).getRecords()
                    .getFirst();
            assertThat(r.get("command")).isEqualTo("'" + formula);
            assertThat(r.get("user")).isEqualTo("'-user");
            assertThat(r.get("priority")).as("a fixed word, not free text").isEqualTo("-");
        }
    }

    @Test
    void jsonRowsAndCsvColumnsAreTheSameFieldsInTheSameOrder() {
        LabelSource group = (row, processes) -> new TaskLabels(TaskPriority.GROUP, "nobody", "2 processes");
        String json = new JsonLinesFormat().line(group.label(groupReport()), AT);
        List<String> jsonNames = new java.util.ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
            int depth = 0;
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                if (t == JsonToken.START_OBJECT) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT) {
                    depth--;
                } else if (t == JsonToken.PROPERTY_NAME && depth == 2 && p.streamReadContext().getParent().inArray()) {
                    jsonNames.add(p.currentName());
                }
            }
        }
        List<String> csv = List.of(CsvFormat.HEADER.split(","));
        assertThat(csv.subList(0, 6)).containsExactly("version", "timestamp", "interval_seconds", "mode", "source",
                "unreadable_processes");
        List<String> csvRow = new java.util.ArrayList<>(csv.subList(6, csv.size()));
        csvRow.set(csvRow.indexOf("id"), "pid");
        assertThat(jsonNames).isEqualTo(csvRow);
    }
}
