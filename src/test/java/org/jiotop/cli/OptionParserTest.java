package org.jiotop.cli;

import org.jiotop.model.GroupKind;
import org.jiotop.model.ReportSettings.Figures;
import org.jiotop.model.SortKey;
import org.jiotop.output.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionParserTest {
    private static Options parse(String... args) throws UsageException {
        return OptionParser.parse(args);
    }

    private static void assertFlags(Options o, Option... flags) {
        for (Option f : flags) {
            assertThat(o.is(f)).as("--" + f.spec.longName).isTrue();
        }
    }

    @Test
    void delaysAreReadAsPlainDecimals() throws UsageException {
        for (String ok : new String[]{"1", "0.5", ".5", "2.", "86400", " 3 ", "000000001.25"}) {
            assertThat(ValueKind.plainDecimal(ok.strip())).as(ok).isTrue();
        }
        assertThat(parse("-d", ".5").delaySeconds()).isEqualTo(0.5);
        assertThat(parse("-d", "2.").delaySeconds()).isEqualTo(2.0);
        for (String bad : new String[]{"", ".", "-1", "1e3", "1.2.3", "0x1", "1234567890", "١", "1 2"}) {
            assertThat(ValueKind.plainDecimal(bad)).as(bad).isFalse();
        }
    }

    @Test
    void defaults() throws UsageException {
        Options o = parse();
        assertThat(o.mode()).isEqualTo(Mode.LIVE);
        assertThat(o.iterations()).isEqualTo(-1);
        assertThat(o.delaySeconds()).isEqualTo(1.0);
        assertThat(o.pids()).isEmpty();
        assertThat(o.quiet()).isZero();
        assertThat(o.number(Option.THRESHOLD)).isEqualTo(2);
        assertThat(o.number(Option.KEEP_EXITED)).isEqualTo(3);
        assertThat(o.number(Option.EXIT_BUFFER)).isEqualTo(8192);
        assertThat(o.number(Option.EXPORT_PIDS_MAX)).isEqualTo(500);
        assertThat(o.sortKey()).isEqualTo(SortKey.IO);
        assertThat(o.text(Option.FORMAT)).isEqualTo("text");
        assertThat(o.serve()).isNull();
    }

    @Test
    void iotopStyleSyntaxes() throws UsageException {
        Options o = parse("-boP", "-n5", "-d", "0.5", "--pid=12", "-p", "13", "--user", "root", "-u0", "-akt");
        assertFlags(o, Option.BATCH, Option.ONLY, Option.PROCESSES, Option.ACCUMULATED, Option.KILOBYTES, Option.TIME);
        assertThat(o.iterations()).isEqualTo(5);
        assertThat(o.delaySeconds()).isEqualTo(0.5);
        assertThat(o.pids()).containsExactly(12, 13);
        assertThat(o.users()).containsExactly("root", "0");
    }

    @Test
    void longOptionPrefixesAndValues() throws UsageException {
        Options o = parse("--it=3", "--del", "2", "--proce", "--accumul", "--kilo", "--only", "--batch");
        assertThat(o.iterations()).isEqualTo(3);
        assertThat(o.delaySeconds()).isEqualTo(2.0);
        assertFlags(o, Option.PROCESSES, Option.ACCUMULATED, Option.KILOBYTES, Option.ONLY, Option.BATCH);
        assertFlags(parse("--no-h"), Option.NO_HELP);
    }

    @Test
    void quietCountsAndImpliesBatch() throws UsageException {
        assertThat(parse("-q").quiet()).isEqualTo(1);
        assertThat(parse("-qqq").quiet()).isEqualTo(3);
        assertThat(parse("-qqqqq").quiet()).isEqualTo(3);
        assertThat(parse("-q", "--quiet").quiet()).isEqualTo(2);
        assertThat(parse("-q").mode()).isEqualTo(Mode.TEXT);
        assertThat(parse("-t").mode()).isEqualTo(Mode.TEXT);
    }

    @Test
    void formatImpliesBatchAndServeRunsTheExporter() throws UsageException {
        assertThat(parse("--format=json").mode()).isEqualTo(Mode.JSON);
        assertThat(parse("--format", "csv").mode()).isEqualTo(Mode.CSV);
        assertThat(parse("--format=text").mode()).isEqualTo(Mode.TEXT);
        assertThat(Option.FORMAT.spec.choices).containsExactly("text", "json", "csv");
        java.util.Set<Mode> formats = java.util.EnumSet.noneOf(Mode.class);
        for (String word : Option.FORMAT.spec.choices) {
            formats.add(parse("--format=" + word).mode());
        }
        assertThat(formats).as("each batch output has a word of its own").isEqualTo(Mode.BATCH);
        assertThat(parse("-b").mode()).isEqualTo(Mode.TEXT);
        assertThat(parse("--serve", "9123").mode()).isEqualTo(Mode.EXPORTER);
        assertThat(parse("--otlp=http://c:4318/v1/metrics").mode()).isEqualTo(Mode.EXPORTER);
        assertThat(parse("--otlp=http://c:4318/v1/metrics").serve()).isNull();
        assertThat(parse("--serve", "9123").serve()).isEqualTo(new ListenAddress("127.0.0.1", 9123));
        assertThat(parse("--serve=[::1]:0").serve()).isEqualTo(new ListenAddress("::1", 0));
        assertThat(parse("--serve=[::1]:0").serve().toString()).isEqualTo("[::1]:0");
    }

    /** Command lines people type out of habit from python iotop and iotop-c: each must keep working. */
    @ParameterizedTest
    @ValueSource(strings = {"-boc", "-botqqq", "-b -c", "-b -o -P -a -k -n 2 -d 0.5", "-botP -n 1 -u root",
            "-bot -p 1 -p 2", "-c -o -P", "--batch --only --iter=3 --delay=2 --accumulated"})
    void iotopHabitsStillParse(String args) throws UsageException {
        parse(args.split(" "));
    }

    @Test
    void helpAndVersion() throws UsageException {
        assertThat(parse("-h").is(Option.HELP)).isTrue();
        assertThat(parse("--help").is(Option.HELP)).isTrue();
        assertThat(parse("--version").is(Option.VERSION)).isTrue();
        assertThat(parse("--").pids()).isEqualTo(List.of());
        assertThat(parse("--help", "-b", "-c").is(Option.HELP)).as("help is shown whatever else is given").isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "-n                     | option -n needs a value",
            "--iter                 | option --iter needs a value",
            "-n x                   | option -n: invalid count: 'x'",
            "-n -1                  | option -n: invalid count: '-1'",
            "-n 99999999999999999999 | option -n: invalid count: '99999999999999999999' (want a whole number from 0 to",
            "-n 1.5                 | option -n: invalid count: '1.5'",
            "-d 0                   | option -d: invalid delay: '0'",
            "-d -1                  | option -d: invalid delay: '-1'",
            "-d -.5                 | option -d: invalid delay: '-.5'",
            "-d abc                 | option -d: invalid delay: 'abc'",
            "-d NaN                 | option -d: invalid delay: 'NaN'",
            "-d Infinity            | option -d: invalid delay: 'Infinity'",
            "-d 1e3                 | option -d: invalid delay: '1e3'",
            "-d 1d                  | option -d: invalid delay: '1d'",
            "-d 0x10                | option -d: invalid delay: '0x10'",
            "-d 100000              | option -d: invalid delay: '100000'",
            "-d 0.001               | option -d: invalid delay: '0.001'",
            "-d .                   | option -d: invalid delay: '.'",
            "-d 1.2.3               | option -d: invalid delay: '1.2.3'",
            "-d 1234567890          | option -d: invalid delay: '1234567890'",
            "-d +1                  | option -d: invalid delay: '+1'",
            "--delay=               | option --delay: invalid delay: ''",
            "-p 0                   | option -p: invalid process id: '0'",
            "-p -5                  | option -p: invalid process id: '-5'",
            "-p abc                 | option -p: invalid process id: 'abc'",
            "-p 4294967296          | option -p: invalid process id: '4294967296'",
            "-p +5                  | option -p: invalid process id: '+5'",
            "-p \u0665              | option -p: invalid process id: '\u0665'",
            "-n +2                  | option -n: invalid count: '+2'",
            "--threshold=+3         | option --threshold: invalid value: '+3'",
            "--user=                | option --user: empty user name",
            "-b -u -n 1             | option -u needs a value, got option -n",
            "--user --only          | option --user needs a value, got option --only",
            "-p -P                  | option -p needs a value, got option -P",
            "-d --                  | option -d needs a value, got option --",
            "--filter -x            | option --filter needs a value, got option -x",
            "-x                     | no such option: -x",
            "-bx                    | no such option: -x",
            "-j                     | no such option: -j",
            "--hide-bogus           | no such option: --hide-bogus",
            "--bogus                | no such option: --bogus",
            "--=1                   | no such option: --",
            "--batch=yes            | option --batch takes no value",
            "stray                  | unexpected argument: stray",
            "-b stray               | unexpected argument: stray",
            "-- -b                  | unexpected argument: -b",
            "--threshold=0          | option --threshold: invalid value: '0'",
            "--threshold=11         | option --threshold: invalid value: '11'",
            "--keep-exited=-1       | option --keep-exited: invalid value: '-1'",
            "--exit-buffer=1        | option --exit-buffer: invalid value: '1'",
            "--filter=(             | option --filter: invalid regular expression: '('",
            "--sort=size            | option --sort: unknown column: 'size' (want tid, prio, user, read, write, swapin, io, cgroup, read_syscalls, write_syscalls, read_chars, write_chars or command)",
            "-b --show=cgroup       | option --show: column cgroup is shown only in the live view (key k)",
            "-b --show=read         | option --show: unknown column: 'read' (want cgroup, read_syscalls, write_syscalls, read_chars, write_chars)",
            "-b --show=read_chars,  | option --show: unknown column: ''",
            "--format=json --show=read_chars | option --show does not apply to --format=json",
            "-b --format=xml        | option --format: invalid value: 'xml' (want text, json, csv)",
            "--serve 70000          | option --serve: port out of range: 70000 (want 1 to 65535, or 0 for any free port)",
            "--serve [::1]:99999999999999999999 | option --serve: port out of range: 99999999999999999999",
            "--serve -1             | option --serve: port out of range: -1",
            "--serve host:          | option --serve: invalid address: 'host:' (want PORT or ADDR:PORT)",
            "--serve :9123          | option --serve: invalid address: ':9123'",
            "--serve 12ab           | option --serve: invalid address: '12ab'",
            "-a -A                  | options -a and -A exclude each other",
            "--accum-bw -b -a       | options --accum-bw and -a exclude each other",
            "--procfs --exit-buffer=64 | options --procfs and --exit-buffer exclude each other",
            "--exit-buffer=64 -b --procfs | options --exit-buffer and --procfs exclude each other",
            "--serve-auth=u:/f      | option --serve-auth needs --serve",
            "--serve 1 --serve-auth=u | option --serve-auth: invalid value: 'u' (want USER:FILE)",
            "-b --serve-tls=k:/f    | option --serve-tls needs --serve",
            "--export-pids          | option --export-pids needs --serve",
            "--otlp=http://c:4318/v1/metrics --export-pids | option --export-pids needs --serve",
            "--otlp=http://c:4318/v1/metrics --serve-auth=u:/f | option --serve-auth needs --serve",
            "--otlp=http://c:4318/v1/metrics --serve-tls=k:/f | option --serve-tls needs --serve",
            "--otlp=http://c:4318/v1/metrics -b | option -b does not apply to the exporter (--serve, --otlp)",
            "--otlp=http://c:99999/v1/metrics | option --otlp: port out of range: 99999 (want 1 to 65535)",
            "--otlp=http://c:0/v1/metrics | option --otlp: port out of range: 0 (want 1 to 65535)",
            "--otlp=ftp://c/v1/metrics | option --otlp: invalid URL: 'ftp://c/v1/metrics'",
            "--otlp=http:///v1/metrics | option --otlp: invalid URL: 'http:///v1/metrics'",
            "--otlp=http://c/v1 --otlp-header=Bad@Name:/f | option --otlp-header: invalid header name: 'Bad@Name'",
            "--otlp=http://c/v1 --otlp-header=Host:/f | option --otlp-header: invalid header name: 'Host'",
            "--otlp=http://c/v1 --otlp-header=Authorization | option --otlp-header: invalid value: 'Authorization'",
            "--otlp=http://c/v1 --otlp-header=A:/f --otlp-header=a:/g | option --otlp-header: header a given twice",
            "--export-pids-max=5    | option --export-pids-max needs --export-pids",
            "--serve 9 --export-pids-max=5 | option --export-pids-max needs --export-pids",
            "-b -6                  | option -6 does not apply to batch output (-b)",
            "-t --sort=io           | option --sort does not apply to batch output (-b)",
            "--format=json -k       | option -k does not apply to --format=json",
            "--format=csv -t        | option -t does not apply to --format=csv",
            "-b --replay=r -d 5     | option -d does not apply to --replay in batch output, which prints the recorded intervals as fast as it reads them",
            "-b --record=f --record-max=17179869185G | option --record-max: invalid size: '17179869185G' (want bytes from 64K, e.g. 100M or 2G)",
            "-b --record=f --record-max=1048576G | option --record-max: invalid size: '1048576G' (want bytes from 64K, e.g. 100M or 2G)",
            "-b --record=f --record-max=63K | option --record-max: invalid size: '63K' (want bytes from 64K, e.g. 100M or 2G)",
            "--format=csv --devices -o | option -o does not apply to --format=csv --devices, whose rows are the devices",
            "--devices -p 1 --format=csv | option -p does not apply to --format=csv --devices, whose rows are the devices",
            "--format=csv --devices --group=user | option --group does not apply to --format=csv --devices, whose rows are the devices",
            "--format=csv --devices --keep-exited=5 | option --keep-exited does not apply to --format=csv --devices, whose rows are the devices",
            "--serve 9 --format=csv | option --format does not apply to the exporter (--serve, --otlp)",
            "--serve 9 -b           | option -b does not apply to the exporter (--serve, --otlp)",
            "--serve 9 -o           | option -o does not apply to the exporter (--serve, --otlp)",
            "--serve 9 --filter=x   | option --filter does not apply to the exporter (--serve, --otlp)",
            "--serve 9 --use-config | option --use-config does not apply to the exporter (--serve, --otlp)",
            "-b --group=rack        | option --group: invalid value: 'rack' (want thread, process, user, cgroup, unit, container, pod)",
            "-P --group=user        | options -P and --group=user contradict each other",
            "--group=unit -b -P     | options --group=unit and -P contradict each other",
            "--group=pod --group=unit | options --group=pod and --group=unit contradict each other",
            "--serve 9 --group=container | option --group=container does not apply to the exporter (--serve, --otlp)"})
    void badCommandLines(String args, String message) {
        assertThatThrownBy(() -> OptionParser.parse(args.split(" ")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void valuesThatStartWithAMinusAreGivenAttached() throws UsageException {
        assertThat(parse("--filter=-x").text(Option.FILTER)).isEqualTo("-x");
        assertThat(parse("-b", "--record=f", "--record-max=1048575G").get(Option.RECORD_MAX)).isEqualTo(1048575L << 30);
        assertThat(parse("-b", "--record=f", "--record-max=64k").get(Option.RECORD_MAX)).isEqualTo(65536L);
        assertThat(parse("-u-n").users()).containsExactly("-n");
    }

    @Test
    void anExactNameWinsOverLongerNamesItBegins() throws UsageException {
        Option[] reversed = Option.values().clone();
        java.util.Collections.reverse(Arrays.asList(reversed));
        for (Option o : Option.values()) {
            assertThat(OptionParser.byPrefix(o.spec.longName, reversed)).as("--" + o.spec.longName).isEqualTo(o);
        }
        // The table lists --serve first; reversed, --serve-tls and --serve-auth come before it.
        assertThat(OptionParser.byPrefix("serve", reversed)).isEqualTo(Option.SERVE);
        assertThat(OptionParser.byPrefix("export-pids", reversed)).isEqualTo(Option.EXPORT_PIDS);
    }

    @Test
    void ambiguousPrefixNamesTheCandidates() {
        assertThatThrownBy(() -> OptionParser.parse(new String[]{"--acc"}))
                .hasMessage("ambiguous option: --acc (--accumulated, --accum-bw)");
    }

    @Test
    void ambiguousPrefixIsAnError() throws UsageException {
        assertThatThrownBy(() -> OptionParser.parse(new String[]{"--no"}))
                .isInstanceOf(UsageException.class)
                .hasMessage("ambiguous option: --no (--no-color, --no-help)");
        assertThatThrownBy(() -> OptionParser.parse(new String[]{"--hide-p"}))
                .isInstanceOf(UsageException.class)
                .hasMessage("ambiguous option: --hide-p (--hide-pid, --hide-prio)");
        assertThat(parse("--no-c").is(Option.NO_COLOR)).as("one letter more settles it").isTrue();
    }

    @Test
    void iotopCOptionsForTheLiveView() throws UsageException {
        Options o = parse("-c", "-19", "--hide-io", "-A", "--si", "--threshold=3", "--no-color", "--ascii",
                "--filter=^py", "--sort=write", "--reverse", "--use-config");
        assertFlags(o, Option.FULL_COMMAND, Option.ACCUM_BW, Option.SI, Option.NO_COLOR, Option.ASCII, Option.REVERSE,
                Option.USE_CONFIG);
        assertThat(o.figures()).isEqualTo(Figures.ACCUMULATED_BANDWIDTH);
        assertThat(o.hidden()).containsExactlyInAnyOrder(Column.ID, Column.IO, Column.COMMAND);
        assertThat(o.number(Option.THRESHOLD)).isEqualTo(3);
        assertThat(o.text(Option.FILTER)).isEqualTo("^py");
        assertThat(o.sortKey()).isEqualTo(SortKey.WRITE);
        assertThat(parse("--sort=tid").sortKey()).isEqualTo(SortKey.ID);
        assertThat(parse("--sort=pid").sortKey()).isEqualTo(SortKey.ID);
    }

    @Test
    void theHideOptionsAreTheLiveViewsColumns() throws UsageException {
        List<Character> keys = new ArrayList<>();
        for (Option o : Option.values()) {
            if (o.spec.column != null) {
                keys.add(o.spec.column.key);
                assertThat(parse("-" + o.spec.column.key).hidden()).as("-" + o.spec.column.key)
                        .containsExactly(o.spec.column);
            }
        }
        assertThat(keys).containsExactly('1', '2', '3', '4', '5', '6', '7', '8', '9');
    }

    @Test
    void showTakesColumnsSeparatedByCommasAndAgain() throws UsageException {
        assertThat(parse("-b", "--show=write_syscalls, READ_CHARS", "--show=read_syscalls").shown())
                .containsExactlyInAnyOrder(Column.WRITE_SYSCALLS, Column.READ_CHARS, Column.READ_SYSCALLS);
        assertThat(parse("-b").shown()).isEmpty();
    }

    /** What {@code o} requires, and what that requires, to the end; {@code o} if it requires nothing. */
    private static Option required(Option o) {
        for (Option r : Option.values()) {
            if (r.spec.longName.equals(o.spec.requires)) {
                return required(r);
            }
        }
        return o;
    }

    private static boolean choosesMode(Option o, List<Option> chooseMode) {
        if (chooseMode.contains(o)) {
            return true;
        }
        for (Option r : Option.values()) {
            if (r.spec.longName.equals(o.spec.requires)) {
                return choosesMode(r, chooseMode);
            }
        }
        return false;
    }

    /** Sample arguments for {@code o}, with what it requires. */
    private static List<String> given(Option o) {
        List<String> args = new ArrayList<>();
        for (Option r : Option.values()) {
            if (r.spec.longName.equals(o.spec.requires)) {
                args.addAll(given(r));
            }
        }
        String value = switch (o.spec.kind) {
            case FLAG, COUNTED -> null;
            case WHOLE -> Long.toString(o.spec.min);
            case COUNT, SECONDS, ID -> "1";
            case USER -> "root";
            case REGEX, PAIR, HEADER -> "a:b";
            case URL -> "http://127.0.0.1:4318/v1/metrics";
            case SORT, CHOICE, CHOICES -> o.spec.choices.getFirst();
            case ADDRESS -> "0";
            case FILE -> "x.jiotop";
            case SIZE -> "1M";
            case TIME -> "-2h";
            case COLUMNS -> ValueKind.columnNames().getLast();
        };
        args.add("--" + o.spec.longName + (value == null ? "" : "=" + value));
        return args;
    }

    private static List<String> choosing(Mode m) {
        return switch (m) {
            case LIVE -> List.of();
            case TEXT -> List.of("-b");
            case JSON -> List.of("--format=json");
            case CSV -> List.of("--format=csv");
            case EXPORTER -> List.of("--serve", "0");
        };
    }

    @Test
    void everyOptionIsAcceptedWhereItAppliesAndRefusedElsewhere() throws UsageException {
        List<Option> chooseMode = List.of(Option.BATCH, Option.TIME, Option.QUIET, Option.FORMAT, Option.SERVE,
                Option.OTLP);
        // An option given with what it requires (and what that requires) chooses the mode that requirement chooses.
        List<Option> choosers = Arrays.stream(Option.values()).filter(o -> choosesMode(o, chooseMode)).toList();
        for (Option o : Option.values()) {
            for (Mode m : Mode.values()) {
                List<String> args = new ArrayList<>(choosing(m));
                args.addAll(given(o));
                String line = String.join(" ", args);
                if (o.appliesTo(m)) {
                    Options parsed = OptionParser.parse(args.toArray(String[]::new));
                    if (!choosers.contains(o)) {
                        assertThat(parsed.mode()).as(line).isEqualTo(m);
                    }
                } else if (!(m == Mode.LIVE && choosers.contains(o))) {
                    assertThatThrownBy(() -> OptionParser.parse(args.toArray(String[]::new))).as(line)
                            .isInstanceOf(UsageException.class)
                            .hasMessageContaining("--" + required(o).spec.longName);
                }
            }
        }
    }

    @Test
    void dashPIsGroupProcessAndTheLaterOfThemWinsOverTheConfigFile() throws UsageException {
        assertThat(OptionParser.parse("-b").groupKind()).isEqualTo(GroupKind.THREAD);
        assertThat(OptionParser.parse("-b", "-P").groupKind()).isEqualTo(GroupKind.PROCESS);
        assertThat(OptionParser.parse("-b", "-P", "--group=process").groupKind()).isEqualTo(GroupKind.PROCESS);
        assertThat(OptionParser.parse("--group=container").groupKind()).isEqualTo(GroupKind.CONTAINER);
        assertThat(OptionParser.parse("--serve", "9", "--group=process").groupKind()).isEqualTo(GroupKind.PROCESS);
        assertThat(OptionParser.parse(List.of("--group=unit"), new String[]{"-P"}).groupKind())
                .isEqualTo(GroupKind.PROCESS);
        assertThat(OptionParser.parse(List.of("--processes"), new String[]{"--group=pod"}).groupKind())
                .isEqualTo(GroupKind.POD);
    }

    @Test
    void aReplayTakesWhatARowIsFromTheRecordingNotFromSavedSettings() throws UsageException {
        List<String> saved = List.of("--group=container", "--devices", "--partitions", "--only");
        Options o = OptionParser.parse(saved, new String[]{"--replay=r.jior"});
        assertThat(o.groupKind()).isEqualTo(GroupKind.THREAD);
        assertThat(o.is(Option.DEVICES)).isFalse();
        assertThat(o.is(Option.ONLY)).as("other saved settings still apply").isTrue();
        assertThat(OptionParser.parse(List.of("-P"), new String[]{"--replay=r.jior"}).groupKind())
                .isEqualTo(GroupKind.THREAD);
        assertThat(OptionParser.parse(saved, new String[0]).groupKind()).isEqualTo(GroupKind.CONTAINER);
        for (String given : List.of("--devices", "--procfs", "--exit-buffer=64", "--keep-exited=0")) {
            assertThatThrownBy(() -> OptionParser.parse(given, "--replay=r.jior")).as(given)
                    .hasMessageContaining("exclude each other");
        }
    }

    @Test
    void whatAnOptionNeedsMayComeFromTheConfigFile() throws UsageException {
        assertThat(OptionParser.parse(List.of("--devices"), new String[]{"--partitions"}).is(Option.PARTITIONS)).isTrue();
        assertThatThrownBy(() -> OptionParser.parse("--partitions")).hasMessageContaining("needs --devices");
    }

    @Test
    void configLinesComeFirstAndTheCommandLineWins() throws UsageException {
        Options o = OptionParser.parse(List.of("--delay=3", "--only", "-k"), new String[]{"-d", "0.5"});
        assertThat(o.delaySeconds()).isEqualTo(0.5);
        assertFlags(o, Option.ONLY, Option.KILOBYTES);
        Options a = OptionParser.parse(List.of("--accumulated"), new String[]{"-A"});
        assertThat(a.figures()).as("-A on the command line over a saved -a").isEqualTo(Figures.ACCUMULATED_BANDWIDTH);
    }

    @Test
    void configLinesTakeTheirValueAfterAnEqualsSignOrASpace() throws UsageException {
        Options o = OptionParser.parse(List.of("--delay 2", "--threshold\t4", "--filter a b=c", "-n 7",
                "--sort=write"), new String[0]);
        assertThat(o.delaySeconds()).isEqualTo(2.0);
        assertThat(o.number(Option.THRESHOLD)).isEqualTo(4);
        assertThat(o.text(Option.FILTER)).isEqualTo("a b=c");
        assertThat(o.iterations()).isEqualTo(7);
        assertThat(o.sortKey()).isEqualTo(SortKey.WRITE);
        assertThat(OptionParser.configLine("--filter=x y")).containsExactly("--filter=x y");
        assertThatThrownBy(() -> OptionParser.checkConfigLine("--delay fast"))
                .hasMessage("option --delay: invalid delay: 'fast' (want seconds from 0.01 to 86400, e.g. 0.5)");
    }

    @Test
    void theConfigFileNeverChangesWhatRuns() throws UsageException {
        List<String> config = List.of("--sort=write", "--only", "-k", "--format=json", "--serve=9123",
                "--otlp=http://c:4318/v1/metrics", "-b", "-t");
        Options batch = OptionParser.parse(config, new String[]{"-b"});
        assertThat(batch.mode()).isEqualTo(Mode.TEXT);
        assertThat(batch.sortKey()).as("the live view's sort column is not batch output's").isEqualTo(SortKey.IO);
        assertFlags(batch, Option.ONLY, Option.KILOBYTES, Option.TIME);
        Options live = OptionParser.parse(config, new String[0]);
        assertThat(live.mode()).isEqualTo(Mode.LIVE);
        assertThat(live.sortKey()).isEqualTo(SortKey.WRITE);
        assertThat(live.is(Option.TIME)).isFalse();
        assertThat(live.text(Option.OTLP)).as("--otlp would run the exporter").isNull();
        Options json = OptionParser.parse(config, new String[]{"--format=json"});
        assertThat(json.is(Option.KILOBYTES)).as("-k does not apply to JSON").isFalse();
    }
}
