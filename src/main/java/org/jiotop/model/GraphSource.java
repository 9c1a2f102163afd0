package org.jiotop.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a history graph draws: read and written bytes together, or one of them (iotop-c's R+W, R, W). */
public enum GraphSource {
    BOTH("R+W"), READ("R"), WRITE("W");

    /** Its name in the graph's title. */
    public final String label;

    GraphSource(String label) {
        this.label = label;
    }

    /** Its word as an option value: {@code both}, {@code read}, {@code write}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The words of all, in order. */
    public static List<String> words() {
        return Arrays.stream(values()).map(GraphSource::word).toList();
    }

    /** The source named {@code word}. */
    public static GraphSource of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }

    /** The source the cycling key goes to from this one. */
    public GraphSource next() {
        GraphSource[] all = values();
        return all[(ordinal() + 1) % all.length];
    }

    double of(double read, double write) {
        return switch (this) {
            case BOTH -> read + write;
            case READ -> read;
            case WRITE -> write;
        };
    }
}
