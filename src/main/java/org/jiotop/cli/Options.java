package org.jiotop.cli;

import org.jiotop.model.GroupKind;
import org.jiotop.model.ReportSettings.Figures;
import org.jiotop.model.SortKey;
import org.jiotop.output.Column;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of a run: a value for every {@link Option}, its default unless given, read by
 * option rather than by position. {@code iterations} is -1 for "until interrupted"; the lists of
 * {@code -p} and {@code -u} are empty for "all".
 */
final class Options {
    private final Map<Option, Object> values;
    private final Set<Option> given;

    private Options(Map<Option, Object> values, Set<Option> given) {
        this.values = values;
        this.given = given;
    }

    /** Every option at its default. */
    static Options defaults() {
        return new Builder().build();
    }

    Object get(Option o) {
        return values.get(o);
    }

    boolean is(Option o) {
        return (Boolean) values.get(o);
    }

    /** A whole number (a range, or how often a counted option was given). */
    int number(Option o) {
        return (Integer) values.get(o);
    }

    /** The text of a regular expression, a choice or a pair; null when not given. */
    String text(Option o) {
        return (String) values.get(o);
    }

    double delaySeconds() {
        return (Double) values.get(Option.DELAY);
    }

    long iterations() {
        return (Long) values.get(Option.ITER);
    }

    @SuppressWarnings("unchecked")
    List<Integer> pids() {
        return (List<Integer>) values.get(Option.PID);
    }

    @SuppressWarnings("unchecked")
    List<String> users() {
        return (List<String>) values.get(Option.USER_NAME);
    }

    /** {@code NAME:FILE} of each {@code --otlp-header}, in the order given. */
    @SuppressWarnings("unchecked")
    List<String> otlpHeaders() {
        return (List<String>) values.get(Option.OTLP_HEADER);
    }

    SortKey sortKey() {
        return (SortKey) values.get(Option.SORT_BY);
    }

    /** Where the exporter listens, or null without {@code --serve}. */
    ListenAddress serve() {
        return (ListenAddress) values.get(Option.SERVE);
    }

    /** {@code -q} given 0 to 3 times (more count as 3). */
    int quiet() {
        return Math.min(3, number(Option.QUIET));
    }

    /** What the command line asks to run (the live view falls back to batch text where it cannot be drawn). */
    Mode mode() {
        return modeOf(values, given);
    }

    /**
     * {@code --serve} or {@code --otlp} runs the exporter; {@code -b}, {@code -t}, {@code -q} and
     * {@code --format} batch output.
     */
    private static Mode modeOf(Map<Option, Object> values, Set<Option> given) {
        if (given.contains(Option.SERVE) || given.contains(Option.OTLP)) {
            return Mode.EXPORTER;
        }
        Mode format = Mode.ofFormat((String) values.get(Option.FORMAT));
        if (format != Mode.TEXT) {
            return format;
        }
        return given.contains(Option.BATCH) || given.contains(Option.TIME) || given.contains(Option.QUIET)
                || given.contains(Option.FORMAT) ? Mode.TEXT : Mode.LIVE;
    }

    /** What a row stands for: {@code -P} is {@code --group=process}. */
    GroupKind groupKind() {
        return is(Option.PROCESSES) ? GroupKind.PROCESS : GroupKind.of(text(Option.GROUP));
    }

    Figures figures() {
        return is(Option.ACCUMULATED) ? Figures.ACCUMULATED
                : is(Option.ACCUM_BW) ? Figures.ACCUMULATED_BANDWIDTH : Figures.BANDWIDTH;
    }

    /** The columns batch text shows on request ({@code --show}). */
    @SuppressWarnings("unchecked")
    Set<Column> shown() {
        Set<Column> shown = EnumSet.noneOf(Column.class);
        shown.addAll((List<Column>) values.get(Option.SHOW));
        return shown;
    }

    /** The live view's columns to hide. */
    Set<Column> hidden() {
        Set<Column> hidden = EnumSet.noneOf(Column.class);
        for (Option o : Option.values()) {
            if (o.spec.column != null && is(o)) {
                hidden.add(o.spec.column);
            }
        }
        return hidden;
    }

    /** Settings made option by option: by the parser, and from the live view's state when it saves. */
    static final class Builder {
        private final Map<Option, Object> values = new EnumMap<>(Option.class);
        private final Set<Option> given = EnumSet.noneOf(Option.class);

        Builder() {
            for (Option o : Option.values()) {
                values.put(o, o.byDefault());
            }
        }

        /**
         * Gives {@code o} the value {@code v} (as {@link ValueKind#parse} makes it): a repeatable
         * option adds it, a counted one counts, an option that excludes another turns that one off.
         */
        Builder set(Option o, Object v) {
            Object now = values.get(o);
            if (o.spec.kind.repeatable()) {
                List<Object> more = new ArrayList<>((List<?>) now);
                if (v instanceof List<?> several) {
                    more.addAll(several);
                } else {
                    more.add(v);
                }
                v = List.copyOf(more);
            } else if (o.spec.kind == ValueKind.COUNTED) {
                v = (Integer) now + (Integer) v;
            }
            values.put(o, v);
            given.add(o);
            // -P and --group say one thing: the later one given wins (a config file's under the command line's).
            if (o == Option.GROUP) {
                values.put(Option.PROCESSES, false);
            } else if (o == Option.PROCESSES && Boolean.TRUE.equals(v)) {
                values.put(Option.GROUP, GroupKind.PROCESS.word());
            }
            if (Boolean.TRUE.equals(v)) {
                for (String excluded : o.spec.excludes) {
                    Option other = OptionParser.byLongName(excluded);
                    values.put(other, other.byDefault());
                    given.remove(other);
                }
            }
            return this;
        }

        /** Takes {@code o} back to its default, as if not given. */
        Builder clear(Option o) {
            values.put(o, o.byDefault());
            given.remove(o);
            return this;
        }

        /** As {@link #set}, unless that would change what runs: then nothing changes and false. */
        boolean setWithin(Mode mode, Option o, Object v) {
            Map<Option, Object> before = new EnumMap<>(values);
            Set<Option> givenBefore = EnumSet.copyOf(given);
            set(o, v);
            if (modeOf(values, given) != mode) {
                values.putAll(before);
                given.retainAll(givenBefore);
                return false;
            }
            return true;
        }

        Mode mode() {
            return modeOf(values, given);
        }

        /** Whether {@code o} was given, on the command line or in the config file. */
        boolean has(Option o) {
            return given.contains(o);
        }

        Options build() {
            return new Options(new EnumMap<>(values), given.isEmpty() ? Set.of() : EnumSet.copyOf(given));
        }
    }
}
