package org.jiotop.cli;

import org.jiotop.model.GroupKind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the exporter's series can be per ({@code --export-by}), in the order their labels appear
 * whatever order they are given in, so that a series is written the same way by every exporter of
 * a fleet. A pod is two labels, as kubelet names it: its namespace and its name.
 */
enum ExportLabel {
    COMMAND(null, "command"),
    USER(GroupKind.USER, "user"),
    UNIT(GroupKind.UNIT, "unit"),
    POD(GroupKind.POD, "namespace", "pod"),
    CONTAINER(GroupKind.CONTAINER, "container");

    /** The grouping kind whose label this is; null for the command, which is no group kind. */
    final GroupKind kind;
    final List<String> labelNames;

    ExportLabel(GroupKind kind, String... labelNames) {
        this.kind = kind;
        this.labelNames = List.of(labelNames);
    }

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> words() {
        List<String> out = new ArrayList<>();
        for (ExportLabel l : values()) {
            out.add(l.word());
        }
        return out;
    }

    /** The labels {@code --export-by}'s value names. */
    static Set<ExportLabel> parse(String words) {
        Set<ExportLabel> out = EnumSet.noneOf(ExportLabel.class);
        for (String w : words.split(",")) {
            out.add(valueOf(w.toUpperCase(Locale.ROOT)));
        }
        return out;
    }

    /** The label names of {@code labels}, in series order. */
    static List<String> labelNames(Set<ExportLabel> labels) {
        List<String> out = new ArrayList<>();
        for (ExportLabel l : labels) {
            out.addAll(l.labelNames);
        }
        return out;
    }
}
