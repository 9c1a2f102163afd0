package org.jiotop.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A group's label values, in the order of the exporter's label names: one group is one series of
 * each counter.
 */
public record SeriesLabels(List<String> values) {
    private static final String OTHER = "other";

    public SeriesLabels {
        values = List.copyOf(values);
    }

    public static SeriesLabels of(String... values) {
        return new SeriesLabels(List.of(values));
    }

    /** The group past the cap: every label {@code other}, so that no label past the cap adds a series. */
    static SeriesLabels other(int labels) {
        return new SeriesLabels(Collections.nCopies(labels, OTHER));
    }

    /**
     * These labels of a real group, none of them {@code other}: a value that is {@code other}
     * followed by no or more underscores gets one more. So {@code other} in any label means the
     * series past the cap only (a program may be named so), and no two values become one.
     */
    SeriesLabels apartFromOther() {
        List<String> out = null;
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v.startsWith(OTHER) && v.chars().skip(OTHER.length()).allMatch(c -> c == '_')) {
                if (out == null) {
                    out = new ArrayList<>(values);
                }
                out.set(i, v + "_");
            }
        }
        return out == null ? this : new SeriesLabels(out);
    }

    String[] array() {
        return values.toArray(String[]::new);
    }
}
