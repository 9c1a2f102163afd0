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
    LIVE("live view", "the live view"),
    TEXT("batch text", "batch output (-b)"),
    JSON("JSON", "--format=json"),
    CSV("CSV", "--format=csv"),
    EXPORTER("exporter (--serve, --otlp)", "the exporter (--serve, --otlp)");

    static final Set<Mode> ALL = EnumSet.allOf(Mode.class);
    static final Set<Mode> BATCH = EnumSet.of(TEXT, JSON, CSV);
    static final Set<Mode> REPORTS = EnumSet.of(LIVE, TEXT, JSON, CSV);
    static final Set<Mode> TEXT_VIEWS = EnumSet.of(LIVE, TEXT);

    private final String name;
    /** How an error names a run of this mode: "option -c does not apply to batch output (-b)". */
    final String run;

    Mode(String name, String run) {
        this.name = name;
        this.run = run;
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
