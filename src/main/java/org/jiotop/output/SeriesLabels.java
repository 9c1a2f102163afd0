package org.jiotop.output;

import java.util.Collections;
import java.util.List;

/**
 * A group's label values, in the order of the exporter's label names: one group is one series of
 * each counter.
 */
public record SeriesLabels(List<String> values) {
    public SeriesLabels {
        values = List.copyOf(values);
    }

    public static SeriesLabels of(String... values) {
        return new SeriesLabels(List.of(values));
    }

    /** The group past the cap: every label {@code other}, so that no label past the cap adds a series. */
    static SeriesLabels other(int labels) {
        return new SeriesLabels(Collections.nCopies(labels, "other"));
    }

    String[] array() {
        return values.toArray(String[]::new);
    }
}
