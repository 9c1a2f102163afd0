package org.jiotop.cli;

import org.jiotop.output.Column;

import java.util.List;
import java.util.Set;

/**
 * The facts of one option in the {@link Option} table, each set by name: {@code new
 * OptionSpec("delay", 'd').value("SEC", ValueKind.SECONDS).byDefault("1")...}. Set while the table
 * is built, read only after.
 */
final class OptionSpec {
    /** In a help or doc text, stands for the values it takes: {@code 1 to 10}. */
    static final String RANGE = "{range}";
    /** In a help or doc text, stands for its choices: {@code thread, process or user}, as code in the doc. */
    static final String CHOICES = "{choices}";

    final String longName;
    /** 0 when the option has no short name. */
    final char shortName;
    String valueName;
    ValueKind kind = ValueKind.FLAG;
    /** The default as --help shows it; null when there is none worth showing. */
    String defaultText;
    /** Whether {@link #defaultText} is a value to read ("1") or only words ("until interrupted"). */
    boolean defaultIsValue;
    /** As the table writes them: {@link #RANGE} and {@link #CHOICES} are filled in when asked, not on every start. */
    String helpText;
    String docText;
    boolean saved;
    /** Whether it says which tasks are rows or what they show: nothing, where the rows are devices. */
    boolean taskRows;
    Set<Mode> modes = Mode.ALL;
    String requires;
    List<String> excludes = List.of();
    Column column;
    long min;
    long max;
    List<String> choices = List.of();

    OptionSpec(String longName, char shortName) {
        this.longName = longName;
        this.shortName = shortName;
    }

    OptionSpec(String longName) {
        this(longName, '\0');
    }

    /** Takes a value named {@code name} in the help, read as {@code kind} says. */
    OptionSpec value(String name, ValueKind kind) {
        this.valueName = name;
        this.kind = kind;
        return this;
    }

    /** Given more than once it counts ({@code -qq}). */
    OptionSpec counted() {
        this.kind = ValueKind.COUNTED;
        return this;
    }

    /** A whole number from {@code min} to {@code max}. */
    OptionSpec range(long min, long max) {
        this.min = min;
        this.max = max;
        return this;
    }

    /** The words it takes, in the order the texts list them ({@link #CHOICES}) and completion offers them. */
    OptionSpec choices(List<String> choices) {
        this.choices = choices;
        return this;
    }

    /** The value when not given, read as if given: the help shows what the option would be given. */
    OptionSpec byDefault(String value) {
        this.defaultText = value;
        this.defaultIsValue = true;
        return this;
    }

    /** What not giving the option means, in words ("all", "until interrupted"). */
    OptionSpec unsetMeans(String words) {
        this.defaultText = words;
        this.defaultIsValue = false;
        return this;
    }

    /** One line (wrapped if long) for --help and shell completion. */
    OptionSpec help(String text) {
        this.helpText = text;
        return this;
    }

    /** The fuller text of the README's table and the man page (Markdown code spans allowed). */
    OptionSpec doc(String text) {
        this.docText = text;
        return this;
    }

    String help() {
        return filled(helpText, false);
    }

    String doc() {
        return filled(docText, true);
    }

    /** The range and choices of the table put in {@code text}, the choices as code in the doc. */
    private String filled(String text, boolean code) {
        String out = text.contains(RANGE) ? text.replace(RANGE, range()) : text;
        return out.contains(CHOICES) ? out.replace(CHOICES, listed(choices, code)) : out;
    }

    /** The values a number may have, as the texts and an error say them: {@code 1 to 10}. */
    String range() {
        return switch (kind) {
            case WHOLE -> min + " to " + max;
            case SECONDS -> ValueKind.MIN_DELAY + " to " + (long) ValueKind.MAX_DELAY;
            case SIZE -> TimeBound.SIZE_RANGE;
            default -> throw new IllegalStateException("--" + longName + " has no range");
        };
    }

    /** {@code a, b or c}. */
    static String listed(List<String> words, boolean code) {
        if (words.isEmpty()) {
            throw new IllegalStateException("no choices to list");
        }
        List<String> shown = code ? words.stream().map(w -> "`" + w + "`").toList() : words;
        return shown.size() == 1 ? shown.getFirst()
                : String.join(", ", shown.subList(0, shown.size() - 1)) + " or " + shown.getLast();
    }

    /** The live view writes it to its config file when the user saves (key W). */
    OptionSpec saved() {
        this.saved = true;
        return this;
    }

    /** It chooses or shapes the task rows: with {@code --format=csv --devices} there are none. */
    OptionSpec taskRows() {
        this.taskRows = true;
        return this;
    }

    /** The modes it applies to; given on the command line for another mode, it is an error. */
    OptionSpec in(Set<Mode> modes) {
        this.modes = modes;
        return this;
    }

    /** Means nothing without the option of long name {@code other}. */
    OptionSpec requires(String other) {
        this.requires = other;
        return this;
    }

    /** Cannot be given with the options of long names {@code others}; from the config file, the later one wins. */
    OptionSpec excludes(String... others) {
        this.excludes = List.of(others);
        return this;
    }

    /** Hides the live view's column {@code column}. */
    OptionSpec hides(Column column) {
        this.column = column;
        return this;
    }
}
