package org.jiotop.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionParserTest {
    private static Options parse(String... args) throws UsageException {
        return OptionParser.parse(args);
    }

    @Test
    void delaysAreReadAsPlainDecimals() throws UsageException {
        for (String ok : new String[]{"1", "0.5", ".5", "2.", "86400", " 3 ", "000000001.25"}) {
            assertThat(OptionParser.plainDecimal(ok.strip())).as(ok).isTrue();
        }
        assertThat(parse("-d", ".5").delaySeconds()).isEqualTo(0.5);
        assertThat(parse("-d", "2.").delaySeconds()).isEqualTo(2.0);
        for (String bad : new String[]{"", ".", "-1", "1e3", "1.2.3", "0x1", "1234567890", "١", "1 2"}) {
            assertThat(OptionParser.plainDecimal(bad)).as(bad).isFalse();
        }
    }

    @Test
    void defaults() throws UsageException {
        Options o = parse();
        assertThat(o.batch()).isFalse();
        assertThat(o.iterations()).isEqualTo(-1);
        assertThat(o.delaySeconds()).isEqualTo(1.0);
        assertThat(o.pids()).isEmpty();
        assertThat(o.quiet()).isZero();
    }

    @Test
    void iotopStyleSyntaxes() throws UsageException {
        Options o = parse("-boP", "-n5", "-d", "0.5", "--pid=12", "-p", "13", "--user", "root", "-u0", "-akt");
        assertThat(o.batch() && o.only() && o.processes() && o.accumulated() && o.kilobytes() && o.time()).isTrue();
        assertThat(o.iterations()).isEqualTo(5);
        assertThat(o.delaySeconds()).isEqualTo(0.5);
        assertThat(o.pids()).containsExactly(12, 13);
        assertThat(o.users()).containsExactly("root", "0");
    }

    @Test
    void longOptionPrefixesAndValues() throws UsageException {
        Options o = parse("--it=3", "--del", "2", "--proc", "--accumul", "--kilo", "--only", "--batch", "--no-help");
        assertThat(o.iterations()).isEqualTo(3);
        assertThat(o.delaySeconds()).isEqualTo(2.0);
        assertThat(o.processes() && o.accumulated() && o.kilobytes() && o.only() && o.batch() && o.noHelp()).isTrue();
    }

    @Test
    void quietCountsAndImpliesBatch() throws UsageException {
        assertThat(parse("-q").quiet()).isEqualTo(1);
        assertThat(parse("-qqq").quiet()).isEqualTo(3);
        assertThat(parse("-qqqqq").quiet()).isEqualTo(3);
        assertThat(parse("-q", "--quiet").quiet()).isEqualTo(2);
        assertThat(parse("-q").batch()).isTrue();
        assertThat(parse("-t").batch()).isTrue();
    }

    @Test
    void helpAndVersion() throws UsageException {
        assertThat(parse("-h").help()).isTrue();
        assertThat(parse("--help").help()).isTrue();
        assertThat(parse("--version").version()).isTrue();
        assertThat(parse("--").pids()).isEqualTo(List.of());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "-n                     | option -n requires a value",
            "--iter                 | option --iter requires a value",
            "-n x                   | option -n: invalid count: 'x'",
            "-n -1                  | option -n: invalid count: '-1'",
            "-n 99999999999999999999 | option -n: invalid count",
            "-n 1.5                 | option -n: invalid count: '1.5'",
            "-d 0                   | option -d: invalid delay: '0'",
            "-d -1                  | option -d: invalid delay: '-1'",
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
            "--user=                | option --user: empty user name",
            "-x                     | no such option: -x",
            "-bx                    | no such option: -x",
            "--bogus                | no such option: --bogus",
            "--batch=yes            | option --batch takes no value",
            "stray                  | unexpected argument: stray",
            "-b stray               | unexpected argument: stray",
            "-- -b                  | unexpected argument: -b",
            "--threshold=0          | option --threshold: invalid value: '0'",
            "--threshold=11         | option --threshold: invalid value: '11'",
            "--keep-exited=-1       | option --keep-exited: invalid value: '-1'",
            "--exit-buffer=1        | option --exit-buffer: invalid value: '1'",
            "--filter=(             | option --filter: invalid regular expression: '('",
            "--sort=size            | option --sort: unknown column: 'size'",
            "-a -A                  | options -a and -A exclude each other",
            "--serve-auth=u:/f      | option --serve-auth needs --serve",
            "-b --serve-tls=k:/f    | option --serve-tls needs --serve",
            "--export-pids          | option --export-pids needs --serve",
            "--export-pids-max=5    | option --export-pids-max needs --export-pids",
            "--serve 9 --export-pids-max=5 | option --export-pids-max needs --export-pids"})
    void badCommandLines(String args, String message) {
        assertThatThrownBy(() -> OptionParser.parse(args.split(" ")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void ambiguousPrefixNamesTheCandidates() {
        assertThatThrownBy(() -> OptionParser.parse(new String[]{"--acc"}))
                .hasMessage("ambiguous option: --acc (--accumulated, --accum-bw)");
    }

    @Test
    void ambiguousPrefixIsAnError() {
        // "--no" matches only "--no-help" here, but "--" + "" must not match everything
        assertThatThrownBy(() -> OptionParser.parse(new String[]{"--=1"})).isInstanceOf(UsageException.class);
    }

    @Test
    void iotopCOptionsForTheLiveView() throws UsageException {
        Options o = parse("-c", "-19", "--hide-io", "-A", "--si", "--threshold=3", "--no-color", "--ascii",
                "--filter=^py", "--sort=write", "--reverse", "--use-config");
        assertThat(o.fullCommand() && o.accumulatedBandwidth() && o.si() && o.noColor() && o.ascii()).isTrue();
        assertThat(o.hidden()).containsExactlyInAnyOrder(1, 7, 9);
        assertThat(o.threshold()).isEqualTo(3);
        assertThat(o.filter()).isEqualTo("^py");
        assertThat(o.sort()).isEqualTo(org.jiotop.model.SortKey.WRITE);
        assertThat(o.reverse() && o.useConfig()).isTrue();
        assertThat(parse("--sort=tid").sort()).isEqualTo(org.jiotop.model.SortKey.ID);
    }

    @Test
    void configLinesComeFirstAndTheCommandLineWins() throws UsageException {
        Options o = OptionParser.parse(List.of("--delay=3", "--only", "-k"), new String[]{"-d", "0.5"});
        assertThat(o.delaySeconds()).isEqualTo(0.5);
        assertThat(o.only() && o.kilobytes()).isTrue();
    }
}
