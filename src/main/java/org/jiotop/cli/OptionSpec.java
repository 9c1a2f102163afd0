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
    final String longName;
    /** 0 when the option has no short name. */
    final char shortName;
    String valueName;
    ValueKind kind = ValueKind.FLAG;
    /** The default as --help shows it; null when there is none worth showing. */
    String defaultText;
    /** Whether {@link #defaultText} is a value to read ("1") or only words ("until interrupted"). */
    boolean defaultIsValue;
    String help;
    String description;
    boolean saved;
    /** Whether it says which tasks are rows or what they show: nothing, where the rows are devices. */
    boolean taskRows;
    Set<Mode> modes = Mode.ALL;
    String requires;
    String excludes;
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
        this.help = text;
        return this;
    }

    /** The fuller text of the README's table and the man page (Markdown code spans allowed). */
    OptionSpec doc(String text) {
        this.description = text;
        return this;
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

    /** Cannot be given with the option of long name {@code other}; from the config file, the later one wins. */
    OptionSpec excludes(String other) {
        this.excludes = other;
        return this;
    }

    /** Hides the live view's column {@code column}. */
    OptionSpec hides(Column column) {
        this.column = column;
        return this;
    }
}
