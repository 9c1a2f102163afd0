package org.jiotop.cli;

import org.jiotop.model.GroupKind;
import org.jiotop.output.Column;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses python iotop's options with its GNU-style syntax: bundled short flags ({@code -boP}),
 * values attached or separate ({@code -n5}, {@code -n 5}, {@code --iter=5}, {@code --iter 5}),
 * unambiguous prefixes of long options ({@code --acc}; an exact name always wins), and {@code --}
 * to end the options. Hand-written, over the {@link Option} table: a parser library costs far
 * more start-up time than these options need.
 */
final class OptionParser {
    /** An option as given: which, as written, and the text of its value (null for none). */
    record Given(Option option, String shown, String value) {
        Object parsed() throws UsageException {
            return option.spec.kind.parse(option, shown, value);
        }
    }

    private OptionParser() {
    }

    static Options parse(String... args) throws UsageException {
        return parse(List.of(), args);
    }

    /**
     * What a replayed recording decides: a saved setting of these would only make the replay
     * refuse to start, so the file's are passed over when the command line gives {@code --replay}.
     */
    private static final Set<Option> RECORDING_DECIDES = EnumSet.of(Option.GROUP, Option.PROCESSES,
            Option.DEVICES, Option.PARTITIONS);

    /**
     * Parses {@code config} (the lines of a config file, one option each) and then {@code args},
     * so the command line overrides the file. What runs (the live view, batch output, the
     * exporter) is the command line's choice: options of the file that do not apply to it, or
     * would choose another, are passed over.
     */
    static Options parse(List<String> config, String[] args) throws UsageException {
        List<Given> command = tokens(args);
        Options.Builder settings = new Options.Builder();
        for (Given g : command) {
            settings.set(g.option(), g.parsed());
        }
        Mode mode = settings.mode();
        if (!config.isEmpty()) {
            // The command line's settings with the file's on top, to see which of these would choose another mode.
            Options.Builder probe = settings;
            settings = new Options.Builder();
            boolean replaying = command.stream().anyMatch(g -> g.option() == Option.REPLAY);
            for (String line : config) {
                for (Given g : tokens(configLine(line))) {
                    Object value = g.parsed();
                    if (replaying && RECORDING_DECIDES.contains(g.option())) {
                        continue;
                    }
                    if (g.option().appliesTo(mode) && probe.setWithin(mode, g.option(), value)) {
                        settings.set(g.option(), value);
                    }
                }
            }
            for (Given g : command) {
                // A list the command line gives replaces the file's rather than adding to it.
                settings.clear(g.option());
            }
            for (Given g : command) {
                settings.set(g.option(), g.parsed());
            }
        }
        check(command, mode, settings);
        return settings.build();
    }

    /** Checks one line of a config file as {@link #parse} would read it, whatever it applies to. */
    static void checkConfigLine(String line) throws UsageException {
        for (Given g : tokens(configLine(line))) {
            g.parsed();
        }
    }

    /**
     * A config line as arguments: {@code --opt=value} and {@code --opt} are one (the value as
     * written, to the end of the line), {@code --opt value} two (the value is the rest of the line,
     * spaces inside it kept).
     */
    static String[] configLine(String line) {
        int space = -1;
        for (int i = 0; i < line.length() && space < 0; i++) {
            if (Character.isWhitespace(line.charAt(i))) {
                space = i;
            }
        }
        int eq = line.indexOf('=');
        if (space < 0 || (eq >= 0 && eq < space)) {
            return new String[]{line};
        }
        String value = line.substring(space).strip();
        return value.isEmpty() ? new String[]{line.substring(0, space)} : new String[]{line.substring(0, space), value};
    }

    /**
     * Each option of the command line applies to what runs, and has what it needs; --help and
     * --version run nothing else, so they are not held to it.
     */
    private static void check(List<Given> command, Mode mode, Options.Builder settings) throws UsageException {
        Map<Option, Given> seen = new EnumMap<>(Option.class);
        for (Given g : command) {
            seen.putIfAbsent(g.option(), g);
        }
        if (seen.containsKey(Option.HELP) || seen.containsKey(Option.VERSION)) {
            return;
        }
        checkGroup(command, mode);
        checkHeaders(command);
        checkShown(command, mode);
        for (Given g : seen.values()) {
            Option o = g.option();
            // What it needs may come from the config file (a saved --devices for --partitions).
            if (o.spec.requires != null && !settings.has(byLongName(o.spec.requires))) {
                throw new UsageException("option " + g.shown() + " needs --" + o.spec.requires);
            }
            if (!o.appliesTo(mode)) {
                throw new UsageException(o.spec.modes.equals(Set.of(Mode.EXPORTER)) ? "option " + g.shown()
                        + " needs --serve or --otlp" : "option " + g.shown() + " does not apply to " + mode.run);
            }
            if (o == Option.DELAY && Mode.BATCH.contains(mode) && seen.containsKey(Option.REPLAY)) {
                throw new UsageException("option " + g.shown() + " does not apply to --replay in batch output,"
                        + " which prints the recorded intervals as fast as it reads them");
            }
            if (o.spec.taskRows && mode == Mode.CSV && settings.has(Option.DEVICES)) {
                throw new UsageException("option " + g.shown() + " does not apply to " + mode.run + " --devices,"
                        + " whose rows are the devices");
            }
            for (String excluded : o.spec.excludes) {
                Given other = seen.get(byLongName(excluded));
                if (other != null) {
                    Given first = command.indexOf(g) < command.indexOf(other) ? g : other;
                    throw new UsageException("options " + first.shown() + " and " + (first == g ? other : g).shown()
                            + " exclude each other");
                }
            }
        }
    }

    /** Batch text has no column of the live view's own (a group's cgroup counters). */
    private static void checkShown(List<Given> command, Mode mode) throws UsageException {
        for (Given g : command) {
            Column own = g.option() == Option.SHOW && mode == Mode.TEXT
                    ? ValueKind.liveOnly((List<?>) g.parsed()) : null;
            if (own != null) {
                throw new UsageException("option " + g.shown() + ": column " + own.optionName() + " is shown only in"
                        + " the live view (key " + own.key + ")");
            }
        }
    }

    /** A header is sent once: two {@code --otlp-header} of one name (as HTTP compares them, in any case) contradict. */
    private static void checkHeaders(List<Given> command) throws UsageException {
        Set<String> names = new java.util.HashSet<>();
        for (Given g : command) {
            if (g.option() == Option.OTLP_HEADER && g.value() != null && g.value().indexOf(':') > 0) {
                String name = g.value().substring(0, g.value().indexOf(':'));
                if (!names.add(name.toLowerCase(java.util.Locale.ROOT))) {
                    throw new UsageException("option " + g.shown() + ": header " + name + " given twice");
                }
            }
        }
    }

    /**
     * {@code -P} is {@code --group=process}: given with another kind, or {@code --group} given twice
     * with two kinds, the command line contradicts itself. The exporter's series have no group
     * labels: it takes threads or processes only.
     */
    private static void checkGroup(List<Given> command, Mode mode) throws UsageException {
        Given first = null;
        String kind = null;
        for (Given g : command) {
            String said = g.option() == Option.PROCESSES ? GroupKind.PROCESS.word()
                    : g.option() == Option.GROUP ? (String) g.parsed() : null;
            if (said == null) {
                continue;
            }
            if (kind != null && !kind.equals(said)) {
                throw new UsageException("options " + first.shown()
                        + (first.option() == Option.GROUP ? "=" + kind : "") + " and " + g.shown()
                        + (g.option() == Option.GROUP ? "=" + said : "") + " contradict each other");
            }
            first = first == null ? g : first;
            kind = said;
        }
        if (mode == Mode.EXPORTER && kind != null && GroupKind.of(kind).grouped()) {
            throw new UsageException("option --group=" + kind + " does not apply to " + Mode.EXPORTER.run + ":"
                    + " its series are per process; use --group=process or none");
        }
    }

    /** The options in {@code args}, in order, with their values unread. */
    static List<Given> tokens(String[] args) throws UsageException {
        List<Given> given = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                if (i + 1 < args.length) {
                    throw new UsageException("unexpected argument: " + args[i + 1]);
                }
                break;
            }
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                Option o = byPrefix(eq < 0 ? arg.substring(2) : arg.substring(2, eq), Option.values());
                String shown = "--".concat(o.spec.longName);
                if (!o.spec.kind.takesValue()) {
                    if (eq >= 0) {
                        throw new UsageException("option " + shown + " takes no value");
                    }
                    given.add(new Given(o, shown, null));
                } else if (eq >= 0) {
                    given.add(new Given(o, shown, arg.substring(eq + 1)));
                } else {
                    given.add(new Given(o, shown, separateValue(shown, args, ++i)));
                }
            } else if (arg.startsWith("-") && arg.length() > 1) {
                for (int k = 1; k < arg.length(); k++) {
                    Option o = byShortName(arg.charAt(k));
                    String shown = String.valueOf(new char[]{'-', o.spec.shortName});
                    if (!o.spec.kind.takesValue()) {
                        given.add(new Given(o, shown, null));
                    } else {
                        given.add(new Given(o, shown, k + 1 < arg.length() ? arg.substring(k + 1)
                                : separateValue(shown, args, ++i)));
                        break;
                    }
                }
            } else {
                throw new UsageException("unexpected argument: " + arg);
            }
        }
        return given;
    }

    /**
     * The value given after option {@code shown}, as the next argument: never an option itself
     * ({@code -u -n 1} is a missing user, not a user named "-n"), though a negative number is a
     * value (and then a bad one, with its own message).
     */
    private static String separateValue(String shown, String[] args, int at) throws UsageException {
        if (at >= args.length) {
            throw new UsageException("option " + shown + " needs a value");
        }
        String v = args[at];
        if (v.length() > 1 && v.charAt(0) == '-' && !(Character.isDigit(v.charAt(1)) || v.charAt(1) == '.')) {
            throw new UsageException("option " + shown + " needs a value, got option " + v);
        }
        return v;
    }

    /** The option of long name {@code name} exactly, whatever options begin with it; else the one it begins. */
    static Option byPrefix(String name, Option[] options) throws UsageException {
        List<Option> matches = new ArrayList<>();
        for (Option o : options) {
            if (o.spec.longName.equals(name)) {
                return o;
            }
            if (!name.isEmpty() && o.spec.longName.startsWith(name)) {
                matches.add(o);
            }
        }
        if (matches.isEmpty()) {
            throw new UsageException("no such option: --" + name);
        }
        if (matches.size() > 1) {
            List<String> names = new ArrayList<>();
            for (Option o : matches) {
                names.add("--" + o.spec.longName);
            }
            throw new UsageException("ambiguous option: --" + name + " (" + String.join(", ", names) + ")");
        }
        return matches.getFirst();
    }

    static Option byLongName(String name) {
        for (Option o : Option.values()) {
            if (o.spec.longName.equals(name)) {
                return o;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static Option byShortName(char c) throws UsageException {
        for (Option o : Option.values()) {
            if (o.spec.shortName == c) {
                return o;
            }
        }
        throw new UsageException("no such option: -" + c);
    }
}
