package org.jiotop.cli;

import org.jiotop.model.SortKey;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses python iotop's options with its GNU-style syntax: bundled short flags ({@code -boP}),
 * values attached or separate ({@code -n5}, {@code -n 5}, {@code --iter=5}, {@code --iter 5}),
 * unambiguous prefixes of long options ({@code --acc}), and {@code --} to end the options.
 * Hand-written: a parser library costs far more start-up time than these twenty options need.
 */
final class OptionParser {
    static final double MIN_DELAY = 0.01;
    static final double MAX_DELAY = 86_400;

    /** Long name, short letter (0 for none), whether it takes a value. */
    private record Spec(String name, char letter, boolean takesValue) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec("version", '\0', false),
            new Spec("help", 'h', false),
            new Spec("only", 'o', false),
            new Spec("batch", 'b', false),
            new Spec("iter", 'n', true),
            new Spec("delay", 'd', true),
            new Spec("pid", 'p', true),
            new Spec("user", 'u', true),
            new Spec("processes", 'P', false),
            new Spec("accumulated", 'a', false),
            new Spec("kilobytes", 'k', false),
            new Spec("time", 't', false),
            new Spec("quiet", 'q', false),
            new Spec("no-help", '\0', false),
            new Spec("keep-exited", '\0', true),
            new Spec("exit-buffer", '\0', true),
            new Spec("accum-bw", 'A', false),
            new Spec("fullcmdline", 'c', false),
            new Spec("hide-pid", '1', false),
            new Spec("hide-prio", '2', false),
            new Spec("hide-user", '3', false),
            new Spec("hide-read", '4', false),
            new Spec("hide-write", '5', false),
            new Spec("hide-swapin", '6', false),
            new Spec("hide-io", '7', false),
            new Spec("hide-graph", '8', false),
            new Spec("hide-command", '9', false),
            new Spec("si", '\0', false),
            new Spec("threshold", '\0', true),
            new Spec("no-color", '\0', false),
            new Spec("ascii", '\0', false),
            new Spec("filter", '\0', true),
            new Spec("use-config", '\0', false),
            new Spec("sort", '\0', true),
            new Spec("reverse", '\0', false),
            new Spec("format", '\0', true),
            new Spec("serve", '\0', true),
            new Spec("export-pids", '\0', false),
            new Spec("export-pids-max", '\0', true),
            new Spec("serve-auth", '\0', true),
            new Spec("serve-tls", '\0', true));

    private boolean help, version, only, batch, processes, accumulated, accumulatedBandwidth, kilobytes, time, noHelp;
    private boolean fullCommand, si, noColor, ascii, useConfig;
    private int threshold = 2;
    private String filter;
    private SortKey sort;
    private boolean reverse;
    private String format = "text";
    private String serve;
    private boolean exportPids;
    private int exportPidsMax = 500;
    private boolean exportPidsMaxGiven;
    private String serveAuth;
    private String serveTls;
    private final java.util.Set<Integer> hidden = new java.util.TreeSet<>();
    private long iterations = -1;
    private double delay = 1;
    private int quiet;
    private int keepExited = 3;
    private int exitBufferKiB = 8192;
    private final List<Integer> pids = new ArrayList<>();
    private final List<String> users = new ArrayList<>();

    private OptionParser() {
    }

    static Options parse(String[] args) throws UsageException {
        return parse(List.of(), args);
    }

    /**
     * Parses {@code defaults} (the lines of a config file, one option each) and then
     * {@code args}, so the command line overrides the file.
     */
    static Options parse(List<String> defaults, String[] args) throws UsageException {
        OptionParser p = new OptionParser();
        for (String line : defaults) {
            p.run(new String[]{line});
        }
        p.run(args);
        if (p.accumulated && p.accumulatedBandwidth) {
            throw new UsageException("options -a and -A exclude each other");
        }
        p.checkExporterOptions();
        return new Options(p.help, p.version, p.only, p.batch || p.time || p.quiet > 0, p.iterations, p.delay,
                List.copyOf(p.pids), List.copyOf(p.users), p.processes, p.accumulated, p.accumulatedBandwidth,
                p.kilobytes, p.time, Math.min(3, p.quiet), p.noHelp, p.keepExited, p.exitBufferKiB, p.fullCommand,
                java.util.Set.copyOf(p.hidden), p.si, p.threshold, p.noColor, p.ascii, p.filter, p.useConfig,
                p.sort, p.reverse, p.format, p.serve, p.exportPids, p.exportPidsMax, p.serveAuth, p.serveTls);
    }

    private void run(String[] args) throws UsageException {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                if (i + 1 < args.length) {
                    throw new UsageException("unexpected argument: " + args[i + 1]);
                }
                return;
            }
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
                Spec spec = longSpec(name);
                String value = null;
                if (spec.takesValue()) {
                    if (eq >= 0) {
                        value = arg.substring(eq + 1);
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        throw new UsageException("option --" + spec.name() + " requires a value");
                    }
                } else if (eq >= 0) {
                    throw new UsageException("option --" + spec.name() + " takes no value");
                }
                apply(spec, "--" + spec.name(), value);
            } else if (arg.startsWith("-") && arg.length() > 1) {
                for (int k = 1; k < arg.length(); k++) {
                    Spec spec = shortSpec(arg.charAt(k));
                    if (!spec.takesValue()) {
                        apply(spec, "-" + spec.letter(), null);
                        continue;
                    }
                    String value;
                    if (k + 1 < arg.length()) {
                        value = arg.substring(k + 1);
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        throw new UsageException("option -" + spec.letter() + " requires a value");
                    }
                    apply(spec, "-" + spec.letter(), value);
                    break;
                }
            } else {
                throw new UsageException("unexpected argument: " + arg);
            }
        }
    }

    private static Spec longSpec(String name) throws UsageException {
        Spec match = null;
        for (Spec s : SPECS) {
            if (s.name().equals(name)) {
                return s;
            }
            if (!name.isEmpty() && s.name().startsWith(name)) {
                if (match != null) {
                    throw new UsageException("ambiguous option: --" + name + " (--" + match.name() + ", --"
                            + s.name() + ")");
                }
                match = s;
            }
        }
        if (match == null) {
            throw new UsageException("no such option: --" + name);
        }
        return match;
    }

    private static Spec shortSpec(char c) throws UsageException {
        for (Spec s : SPECS) {
            if (s.letter() == c) {
                return s;
            }
        }
        throw new UsageException("no such option: -" + c);
    }

    private void apply(Spec spec, String shown, String value) throws UsageException {
        switch (spec.name()) {
            case "version" -> version = true;
            case "help" -> help = true;
            case "only" -> only = true;
            case "batch" -> batch = true;
            case "iter" -> iterations = count(shown, value);
            case "delay" -> delay = seconds(shown, value);
            case "pid" -> pids.add(pid(shown, value));
            case "user" -> users.add(user(shown, value));
            case "processes" -> processes = true;
            case "accumulated" -> accumulated = true;
            case "kilobytes" -> kilobytes = true;
            case "time" -> time = true;
            case "quiet" -> quiet++;
            case "no-help" -> noHelp = true;
            case "accum-bw" -> accumulatedBandwidth = true;
            case "fullcmdline" -> fullCommand = true;
            case "si" -> si = true;
            case "threshold" -> threshold = (int) bounded(shown, value, 1, 10);
            case "no-color" -> noColor = true;
            case "ascii" -> ascii = true;
            case "use-config" -> useConfig = true;
            case "sort" -> sort = sortKey(shown, value);
            case "reverse" -> reverse = true;
            case "format" -> format = oneOf(shown, value, "text", "json", "csv");
            case "serve" -> serve = listenAddress(shown, value);
            case "export-pids" -> exportPids = true;
            case "export-pids-max" -> {
                exportPidsMax = (int) bounded(shown, value, 1, 100_000);
                exportPidsMaxGiven = true;
            }
            case "serve-auth" -> serveAuth = pair(shown, value, "USER:PASSWORD_FILE");
            case "serve-tls" -> serveTls = pair(shown, value, "KEYSTORE:PASSWORD_FILE");
            case "filter" -> filter = regex(shown, value);
            case "keep-exited" -> keepExited = (int) bounded(shown, value, 0, 1_000_000);
            case "exit-buffer" -> exitBufferKiB = (int) bounded(shown, value, 4, 1 << 20);
            default -> {
                if (spec.name().startsWith("hide-")) {
                    hidden.add(spec.letter() - '0');
                } else {
                    throw new AssertionError(spec);
                }
            }
        }
    }

    /** Exporter options do nothing without the exporter: whoever gave one expects it to act. */
    private void checkExporterOptions() throws UsageException {
        String orphan = serve != null ? null : serveAuth != null ? "--serve-auth" : serveTls != null ? "--serve-tls"
                : exportPids ? "--export-pids" : null;
        if (orphan != null) {
            throw new UsageException("option " + orphan + " needs --serve");
        }
        if (exportPidsMaxGiven && !exportPids) {
            throw new UsageException("option --export-pids-max needs --export-pids");
        }
    }

    private static long count(String option, String value) throws UsageException {
        try {
            long n = Long.parseLong(value.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("option " + option + ": invalid count: '" + value + "' (want a whole number >= 0)");
    }

    private static String oneOf(String option, String value, String... allowed) throws UsageException {
        for (String a : allowed) {
            if (a.equals(value)) {
                return a;
            }
        }
        throw new UsageException("option " + option + ": invalid value: '" + value + "' (want "
                + String.join(", ", allowed) + ")");
    }

    /** {@code PORT}, {@code HOST:PORT} or {@code [IPV6]:PORT}; a bare port listens on 127.0.0.1. */
    private static String listenAddress(String option, String value) throws UsageException {
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : value.substring(0, colon);
        String port = value.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int p = Integer.parseInt(port);
            if (p >= 0 && p <= 65535 && !host.isEmpty() && !host.contains(" ")) {
                return host + " " + p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("option " + option + ": invalid address: '" + value + "' (want PORT or ADDR:PORT)");
    }

    private static String pair(String option, String value, String form) throws UsageException {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new UsageException("option " + option + ": invalid value: '" + value + "' (want " + form + ")");
        }
        return value;
    }

    private static SortKey sortKey(String option, String value) throws UsageException {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        for (SortKey k : SortKey.values()) {
            if (k.name().toLowerCase(java.util.Locale.ROOT).equals(v) || (k == SortKey.ID && (v.equals("tid")
                    || v.equals("pid")))) {
                return k;
            }
        }
        throw new UsageException("option " + option + ": unknown column: '" + value
                + "' (want tid, prio, user, read, write, swapin, io or command)");
    }

    private static String regex(String option, String value) throws UsageException {
        try {
            java.util.regex.Pattern.compile(value);
            return value;
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new UsageException("option " + option + ": invalid regular expression: '" + value + "' ("
                    + e.getDescription() + ")");
        }
    }

    private static long bounded(String option, String value, long min, long max) throws UsageException {
        try {
            long n = Long.parseLong(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("option " + option + ": invalid value: '" + value + "' (want a whole number from "
                + min + " to " + max + ")");
    }

    private static double seconds(String option, String value) throws UsageException {
        // Plain decimals only: Double.parseDouble would also take "NaN", "1e3", "0x1p0" and "1d".
        String v = value.strip();
        if (plainDecimal(v)) {
            double d = Double.parseDouble(v);
            if (d >= MIN_DELAY && d <= MAX_DELAY) {
                return d;
            }
        }
        throw new UsageException("option " + option + ": invalid delay: '" + value + "' (want seconds from "
                + MIN_DELAY + " to " + (long) MAX_DELAY + ", e.g. 0.5)");
    }

    /**
     * Up to nine digits with an optional fraction, or a bare fraction such as ".5". Checked by hand:
     * a regular expression here would be compiled on every start.
     */
    static boolean plainDecimal(String v) {
        int dot = v.indexOf('.');
        int whole = dot < 0 ? v.length() : dot;
        if (whole > 9 || (whole == 0 && (dot < 0 || dot == v.length() - 1))) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c < '0' || c > '9') && i != dot) {
                return false;
            }
        }
        return true;
    }

    private static int pid(String option, String value) throws UsageException {
        try {
            int pid = Integer.parseInt(value.strip());
            if (pid > 0) {
                return pid;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("option " + option + ": invalid process id: '" + value + "'");
    }

    private static String user(String option, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException("option " + option + ": empty user name");
        }
        return value;
    }
}
