package org.jiotop.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a run does; each option applies to some of these. The command line chooses one: the
 * exporter with {@code --serve} or {@code --otlp}, batch output with {@code -b} or an option
 * implying it, else the live view (which falls back to batch text where it cannot be drawn).
 */
enum Mode {
    LIVE("live view", "the live view", null),
    TEXT("batch text", "batch output (-b)", "text"),
    JSON("JSON", null, "json"),
    CSV("CSV", null, "csv"),
    EXPORTER("exporter (--serve, --otlp)", "the exporter (--serve, --otlp)", null);

    static final Set<Mode> ALL = EnumSet.allOf(Mode.class);
    static final Set<Mode> BATCH = EnumSet.of(TEXT, JSON, CSV);
    static final Set<Mode> REPORTS = EnumSet.of(LIVE, TEXT, JSON, CSV);
    static final Set<Mode> TEXT_VIEWS = EnumSet.of(LIVE, TEXT);

    private final String name;
    /** How an error names a run of this mode: "option -c does not apply to batch output (-b)". */
    final String run;
    /** Its word in {@code --format}; null for the modes that are no batch format. */
    final String format;

    Mode(String name, String run, String format) {
        this.name = name;
        // A format other than iotop's text is asked for by its word alone.
        this.run = run != null ? run : "--format=".concat(format);
        this.format = format;
    }

    /** The words {@code --format} takes, its default (iotop's text) first. */
    static List<String> formats() {
        List<String> words = new ArrayList<>();
        for (Mode m : values()) {
            if (m.format != null) {
                words.add(m.format);
            }
        }
        return words;
    }

    /** The batch format {@code word} names, one of {@link #formats()}. */
    static Mode ofFormat(String word) {
        for (Mode m : values()) {
            if (word.equals(m.format)) {
                return m;
            }
        }
        throw new IllegalArgumentException(word);
    }

    /**
     * Where a set of modes is, as the help and the README say it: "live view and batch output" (the
     * three batch formats together are "batch output"); null for all of them.
     */
    static String describe(Set<Mode> modes) {
        if (modes.containsAll(ALL)) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (Mode m : modes) {
            if (modes.containsAll(BATCH) && BATCH.contains(m)) {
                if (m == TEXT) {
                    names.add("batch output");
                }
            } else {
                names.add(m.name);
            }
        }
        return String.join(" and ", names);
    }
}
