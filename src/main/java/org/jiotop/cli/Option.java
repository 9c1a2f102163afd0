package org.jiotop.cli;

import org.jiotop.linux.ExitListener;
import org.jiotop.model.GraphSource;
import org.jiotop.model.GroupKind;
import org.jiotop.output.Column;
import org.jiotop.output.MetricsExport;

import java.util.Set;

import static org.jiotop.cli.ValueKind.ADDRESS;
import static org.jiotop.cli.ValueKind.CHOICE;
import static org.jiotop.cli.ValueKind.CHOICES;
import static org.jiotop.cli.ValueKind.COUNT;
import static org.jiotop.cli.ValueKind.ID;
import static org.jiotop.cli.ValueKind.HEADER;
import static org.jiotop.cli.ValueKind.PAIR;
import static org.jiotop.cli.ValueKind.URL;
import static org.jiotop.cli.ValueKind.REGEX;
import static org.jiotop.cli.ValueKind.SECONDS;
import static org.jiotop.cli.ValueKind.SORT;
import static org.jiotop.cli.ValueKind.USER;
import static org.jiotop.cli.ValueKind.WHOLE;

/**
 * Every option of jiotop, once: its names, value, default, texts, where it applies and whether the
 * live view saves it. The parser, {@code --help}, the config file and the README's table all come
 * from here, in this order. A text names its option's range and choices as {@link OptionSpec#RANGE}
 * and {@link OptionSpec#CHOICES}, which the table fills in.
 */
enum Option {
    VERSION(new OptionSpec("version")
            .help("show the version and exit")
            .doc("print `jiotop` and its version, then exit")),
    HELP(new OptionSpec("help", 'h')
            .help("show this help and exit")
            .doc("print the help and exit")),
    ONLY(new OptionSpec("only", 'o').taskRows().saved().in(Mode.REPORTS)
            .help("only rows with I/O in the interval")
            .doc("only rows with I/O in the interval (any of read, write, cancelled write, block-I/O or swap-in"
                    + " delay; with `-a` or `-A`, since first seen)")),
    BATCH(new OptionSpec("batch", 'b').in(Mode.BATCH)
            .help("reports on standard output instead of the live view")
            .doc("reports on standard output instead of the live view: iotop's text, or what `--format` says")),
    ITER(new OptionSpec("iter", 'n').value("NUM", COUNT).unsetMeans("until interrupted")
            .help("number of reports (refreshes) before ending")
            .doc("number of reports (live view: refreshes; exporter: intervals), then exit; `-n 0` prints"
                    + " nothing")),
    DELAY(new OptionSpec("delay", 'd').value("SEC", SECONDS).byDefault("1").saved()
            .help("seconds between reports, fractions allowed")
            .doc("seconds between reports, fractions allowed, {range}")),
    PID(new OptionSpec("pid", 'p').taskRows().value("PID", ID).unsetMeans("all")
            .help("threads to monitor, or whole processes with -P; repeatable")
            .doc("thread IDs to monitor; with `-P` or a group kind (and in the exporter), process IDs, each"
                    + " with all its threads, the ID of a thread standing for its process (said on stderr)."
                    + " Repeatable. An ID that does not exist gives no row (and no error), as in iotop")),
    USER_NAME(new OptionSpec("user", 'u').taskRows().value("USER", USER).unsetMeans("all")
            .help("users (name or uid) to monitor; repeatable")
            .doc("users to monitor, by name or uid; repeatable. An unknown name is an error (exit 1), except"
                    + " with a `--group` of cgroups (`cgroup`, `unit`, `container`, `pod`), where it is a group's"
                    + " label. Among groups, only their processes are summed")),
    PROCESSES(new OptionSpec("processes", 'P').taskRows().saved()
            .help("one row per process, with the I/O of all its threads")
            .doc("one row per process instead of per thread (the exporter always counts processes); the same"
                    + " as `--group=process`")),
    GROUP(new OptionSpec("group").taskRows().value("KIND", CHOICE).choices(GroupKind.words()).byDefault("thread")
            .saved()
            .help("one row per {choices}")
            .doc("what a row stands for: {choices} (see Grouping); `process` is `-P`, and the exporter takes"
                    + " only `thread` and `process`")),
    ACCUMULATED(new OptionSpec("accumulated", 'a').taskRows().saved().in(Mode.REPORTS).excludes("accum-bw")
            .help("bytes since first seen instead of bytes per second")
            .doc("bytes since jiotop first saw the task instead of bandwidth; SWAPIN and IO become averages"
                    + " over that time")),
    ACCUM_BW(new OptionSpec("accum-bw", 'A').taskRows().saved().in(Mode.REPORTS).excludes("accumulated")
            .help("show I/O accumulated since first seen, per second")
            .doc("bytes since first seen divided by the time since then (per second)")),
    KILOBYTES(new OptionSpec("kilobytes", 'k').saved().in(Mode.TEXT_VIEWS)
            .help("sizes in KiB instead of a unit chosen by size")
            .doc("sizes in KiB (`K`) instead of a unit chosen by size")),
    SI(new OptionSpec("si").saved().in(Mode.TEXT_VIEWS)
            .help("units of 1000 bytes instead of 1024")
            .doc("units of 1000 bytes instead of 1024 (the letters stay `K M G`)")),
    THRESHOLD(new OptionSpec("threshold").value("N", WHOLE).range(1, 10).byDefault("2").saved()
            .in(Mode.TEXT_VIEWS)
            .help("switch to the next unit at N times it, {range}")
            .doc("move to the next unit at N times it, {range}")),
    TIME(new OptionSpec("time", 't').in(Set.of(Mode.TEXT))
            .help("the time of day before every line (implies --batch)")
            .doc("prefix every line with the time of day `HH:MM:SS` (implies `-b`)")),
    QUIET(new OptionSpec("quiet", 'q').counted().in(Set.of(Mode.TEXT))
            .help("fewer header lines (implies --batch): -q titles once, -qq no titles, -qqq no"
                    + " summary either")
            .doc("`-q`: column titles only in the first report; `-qq`: no titles; `-qqq`: no summary lines"
                    + " either (implies `-b`)")),
    FILTER(new OptionSpec("filter").taskRows().value("REGEX", REGEX).saved().in(Mode.REPORTS)
            .help("only tasks whose TID or command line matches REGEX (command lines are cut to 1,024"
                    + " characters)")
            .doc("only tasks whose TID or command line (as shown: at most 1,024 characters) matches REGEX"
                    + " (Java regular expression, found anywhere); among groups, whose label matches; Total counts"
                    + " only those")),
    // A recording holds the exited rows its run listed: replayed, they are what it chose, whatever N says.
    KEEP_EXITED(new OptionSpec("keep-exited").taskRows().value("N", WHOLE).range(0, 1_000_000).byDefault("3")
            .in(Mode.REPORTS).excludes("replay")
            .help("reports an exited task stays listed after exiting, {range}; with -a or -A, tasks"
                    + " that did I/O stay for good")
            .doc("how many reports an exited task stays listed after the one it exited in, {range};"
                    + " with `-a` or `-A`, exited tasks that did I/O stay for good so the accumulated figures add up."
                    + " At most 10,000 are listed one by one: beyond, the oldest with I/O are summed into one"
                    + " row per user, ID 0, `(N earlier exited tasks)`")),
    EXIT_BUFFER(new OptionSpec("exit-buffer").value("KIB", WHOLE).range(4, 1 << 20)
            .byDefault(Integer.toString(ExitListener.DEFAULT_RECEIVE_BUFFER >> 10)).excludes("replay", "procfs")
            .help("socket buffer for the kernel's exit reports, {range} KiB")
            .doc("socket receive buffer for the kernel's exit reports, {range} KiB (`--procfs` has none)")),
    PROCFS(new OptionSpec("procfs").excludes("replay")
            .help("read /proc only, as without root, even where taskstats is permitted")
            .doc("read the counters from /proc only, as jiotop does when taskstats is not permitted (see"
                    + " Without root), even as root: to compare the two sources")),
    FORMAT(new OptionSpec("format").value("FORMAT", CHOICE).choices(Mode.formats())
            .byDefault(Mode.TEXT.format).in(Mode.BATCH)
            .help("{choices}; json is JSON Lines (implies --batch)")
            .doc("{choices}: `text` is iotop's, `json` is JSON Lines; implies `-b`")),
    DEVICES(new OptionSpec("devices").saved().in(Mode.REPORTS).excludes("replay")
            .help("also the block devices' figures as iostat -x computes them (live view: key d)")
            .doc("also the block devices' figures, as `iostat -x` computes them (see Devices): text after the"
                    + " summary lines, a `devices` array in JSON, in CSV the device table instead of the tasks (an"
                    + " option that chooses or shapes the tasks' rows is then an error); the live view starts with"
                    + " the panel shown")),
    PARTITIONS(new OptionSpec("partitions").in(Mode.REPORTS).requires("devices")
            .help("with --devices: partitions too, not only whole disks")
            .doc("with `--devices`: partitions get lines of their own (their disk's line counts their I/O either"
                    + " way)")),
    USE_CONFIG(new OptionSpec("use-config").in(Mode.REPORTS)
            .help("apply the live view's saved settings in batch mode too")
            .doc("apply the live view's saved settings (those that apply to batch output) in batch mode"
                    + " too; the live view always does")),
    // Accepted in batch too, where iotop users pass it out of habit: batch output always has full command lines.
    FULL_COMMAND(new OptionSpec("fullcmdline", 'c').taskRows().saved().in(Mode.REPORTS)
            .help("full command lines instead of program names (batch output always has them)")
            .doc("full command lines instead of program names in the live view; batch text, JSON and CSV"
                    + " always show full command lines")),
    HIDE_ID(hide("pid", Column.ID)),
    HIDE_PRIO(hide("prio", Column.PRIO)),
    HIDE_USER(hide("user", Column.USER)),
    HIDE_READ(hide("read", Column.READ)),
    HIDE_WRITE(hide("write", Column.WRITE)),
    HIDE_SWAPIN(hide("swapin", Column.SWAPIN)),
    HIDE_IO(hide("io", Column.IO)),
    HIDE_GRAPH(hide("graph", Column.GRAPH)),
    HIDE_COMMAND(hide("command", Column.COMMAND)),
    SHOW(new OptionSpec("show").value("COLUMNS", ValueKind.COLUMNS).choices(ValueKind.columnNames())
            .unsetMeans("none").saved().in(Mode.TEXT_VIEWS)
            .help("also show any of {choices}, separated by commas (cgroup: live view only)")
            .doc("also show columns, separated by commas (repeatable): any of {choices} (see Logical I/O), as"
                    + " their keys do in the live view; batch text refuses the live view's own, `cgroup`")),
    GRAPH_SOURCE(new OptionSpec("graph-source").value("SOURCE", CHOICE).choices(GraphSource.words())
            .byDefault("both").saved().in(Set.of(Mode.LIVE))
            .help("the graphs draw {choices} bytes (key s)")
            .doc("what the graphs draw: {choices} bytes, as key `s` cycles")),
    SORT_BY(new OptionSpec("sort").value("COLUMN", SORT).choices(ValueKind.sortNames()).byDefault("io").saved()
            .in(Set.of(Mode.LIVE))
            .help("sort by {choices}")
            .doc("sort column: {choices}; `cgroup` is a group's own counters")),
    REVERSE(new OptionSpec("reverse").saved().in(Set.of(Mode.LIVE))
            .help("the other sort order")
            .doc("the other sort order")),
    NO_COLOR(new OptionSpec("no-color").saved().in(Set.of(Mode.LIVE))
            .help("no colours (also when NO_COLOR is set and not empty)")
            .doc("no colours (also when `NO_COLOR` is set and not empty)")),
    ASCII(new OptionSpec("ascii").saved().in(Set.of(Mode.LIVE))
            .help("ASCII sort markers and graphs instead of \u25bd, \u25b3 and blocks")
            .doc("`>` and `<` as sort markers instead of `\u25bd` and `\u25b3`, and graphs drawn with `_.-:=+*#`"
                    + " instead of `\u2581`..`\u2588`")),
    NO_HELP(new OptionSpec("no-help").saved().in(Set.of(Mode.LIVE))
            .help("hide the key help at the bottom")
            .doc("hide the key help at the bottom")),
    SERVE(new OptionSpec("serve").value("[ADDR:]PORT", ADDRESS).in(Set.of(Mode.EXPORTER))
            .help("serve Prometheus metrics on ADDR (127.0.0.1) and PORT")
            .doc("run as a Prometheus exporter on ADDR (127.0.0.1) and PORT (1 to 65535, or 0 for any free"
                    + " port)")),
    EXPORT_PIDS(new OptionSpec("export-pids").in(Set.of(Mode.EXPORTER)).requires("serve")
            .help("with --serve: also one series per process")
            .doc("with `--serve`: also per-process series, on /metrics only (they are not pushed over OTLP)")),
    EXPORT_PIDS_MAX(new OptionSpec("export-pids-max").value("N", WHOLE).range(1, 100_000).byDefault("500")
            .in(Set.of(Mode.EXPORTER)).requires("export-pids")
            .help("with --export-pids: at most N processes, {range}")
            .doc("with `--export-pids`: at most N processes have series, {range}")),
    EXPORT_MAX_SERIES(new OptionSpec("export-max-series").value("N", WHOLE).range(1, 1_000_000)
            .byDefault(Integer.toString(MetricsExport.DEFAULT_MAX_SERIES))
            .in(Set.of(Mode.EXPORTER))
            .help("at most N series in all; later groups go to \"other\"")
            .doc("at most N series in all, the exporter's own included; the I/O of groups past the cap goes to"
                    + " `other` (see above)")),
    EXPORT_BY(new OptionSpec("export-by").value("LABELS", CHOICES).choices(ExportLabel.words())
            .byDefault(MetricsExport.DEFAULT_BY).in(Set.of(Mode.EXPORTER))
            .help("what a series is per: any of {choices}")
            .doc("what a series is per: any of {choices}, comma-separated (see above)")),
    OTLP(new OptionSpec("otlp").value("URL", URL).in(Set.of(Mode.EXPORTER))
            .help("push the counters to an OpenTelemetry collector (OTLP/HTTP) every interval, alone or"
                    + " with --serve")
            .doc("push the grouped counters to an OpenTelemetry collector over OTLP/HTTP every interval,"
                    + " e.g. `http://collector:4318/v1/metrics` (a URL without a path gets `/v1/metrics`): alone,"
                    + " without an HTTP listener, or with `--serve` (see above)")),
    OTLP_HEADER(new OptionSpec("otlp-header").value("NAME:FILE", HEADER).in(Set.of(Mode.EXPORTER)).requires("otlp")
            .help("with --otlp: send header NAME, its value in FILE (repeatable)")
            .doc("with `--otlp`: send the HTTP header NAME with each push, its value the content of FILE (such as"
                    + " `Authorization:token-file`); repeatable, one NAME each")),
    SERVE_AUTH(new OptionSpec("serve-auth").value("USER:FILE", PAIR).in(Set.of(Mode.EXPORTER)).requires("serve")
            .help("with --serve: basic auth, the password in FILE")
            .doc("with `--serve`: basic auth, the password in FILE (see above)")),
    SERVE_TLS(new OptionSpec("serve-tls").value("KEYSTORE:FILE", PAIR).in(Set.of(Mode.EXPORTER))
            .requires("serve")
            .help("with --serve: HTTPS with a PKCS#12 key store, its password in FILE")
            .doc("with `--serve`: HTTPS with a PKCS#12 key store, its password in FILE (see above)")),
    RECORD(new OptionSpec("record").value("FILE", ValueKind.FILE).excludes("replay")
            .help("also append every interval to FILE (see docs/recording-format.md)")
            .doc("also append every interval to FILE, crash-safe (see Recording and replay)")),
    RECORD_MAX(new OptionSpec("record-max").value("SIZE", ValueKind.SIZE).requires("record")
            .help("with --record: start a new FILE past SIZE bytes (K, M, G; {range}), keeping the last as FILE.1")
            .doc("with `--record`: when FILE would pass SIZE (bytes, or with `K`, `M`, `G`; {range}), it becomes FILE.1"
                    + " (replacing the older one) and a new FILE is started")),
    REPLAY(new OptionSpec("replay").value("FILE", ValueKind.FILE).in(Mode.REPORTS).excludes("record")
            .help("show a recording instead of the live kernel")
            .doc("show the intervals of a recording instead of the live kernel (see Recording and replay)")),
    SINCE(new OptionSpec("since").value("TIME", ValueKind.TIME).in(Mode.REPORTS).requires("replay")
            .help("with --replay: from TIME (ISO date and time, date, time of day today, or relative: -2h)")
            .doc("with `--replay`: only intervals from TIME on: ISO `2026-12-06T03:00[:00][Z]` (local time"
                    + " unless zoned), a date alone `2026-12-06` (its midnight), a time of day alone `03:00[:00]`"
                    + " (today), or relative to now, `-90s`, `-30m`, `-2h`, `-1d`")),
    UNTIL(new OptionSpec("until").value("TIME", ValueKind.TIME).in(Mode.REPORTS).requires("replay")
            .help("with --replay: up to TIME")
            .doc("with `--replay`: only intervals up to TIME (as `--since`)"));

    /** Its facts, to read (the table is made once and never changed). */
    final OptionSpec spec;
    /** What a run gets when the option is not given (null for no value). */
    private final Object byDefault;

    // String.concat rather than +, here and in the parser: every + is an invokedynamic call site,
    // bootstrapped the first time it runs, and these run on every start.
    Option(OptionSpec spec) {
        this.spec = spec;
        try {
            this.byDefault = spec.defaultIsValue ? spec.kind.parse(this, "--".concat(spec.longName), spec.defaultText)
                    : spec.kind.unset();
        } catch (UsageException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Hides a column of the live view: its number and title come from the column schema. */
    private static OptionSpec hide(String name, Column column) {
        char number = column.key;
        String text = "hide column ".concat(String.valueOf(number)).concat(", ").concat(column.title(false))
                .concat(column == Column.ID ? " (PID with -P)" : "");
        return new OptionSpec("hide-".concat(name), number).hides(column).saved().in(Set.of(Mode.LIVE))
                .help(text).doc(text);
    }

    Object byDefault() {
        return byDefault;
    }

    boolean appliesTo(Mode mode) {
        return spec.modes.contains(mode);
    }

    /** {@code -d SEC, --delay=SEC}, as the help and the README name it. */
    String synopsis() {
        String value = spec.valueName == null ? "" : spec.valueName;
        String longForm = "--" + spec.longName + (value.isEmpty() ? "" : "=" + value);
        return spec.shortName == 0 ? longForm : "-" + spec.shortName + (value.isEmpty() ? "" : " " + value) + ", "
                + longForm;
    }
}
