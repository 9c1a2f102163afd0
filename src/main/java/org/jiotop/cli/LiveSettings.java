package org.jiotop.cli;

import org.jiotop.model.GraphSource;
import org.jiotop.model.ReportSettings.Figures;
import org.jiotop.output.Column;
import org.jiotop.view.LiveState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The live view's settings both ways: from the options it starts with, and back to options when
 * the user saves (key W), so that what is saved starts the next live view as this one is now.
 */
final class LiveSettings {
    private LiveSettings() {
    }

    /** The live view's state at start; colours also go off with a non-empty NO_COLOR. */
    static LiveState state(Options options, Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        LiveState state = new LiveState().configure(options.sortKey(), options.is(Option.ONLY),
                options.groupKind(), options.figures(), options.is(Option.FULL_COMMAND), options.hidden(),
                !options.is(Option.NO_COLOR) && (noColor == null || noColor.isEmpty()), options.is(Option.ASCII),
                !options.is(Option.NO_HELP),
                options.text(Option.FILTER) == null ? null : Pattern.compile(options.text(Option.FILTER)));
        if (options.is(Option.REVERSE)) {
            state.reverse();
        }
        return state.showDevices(options.is(Option.DEVICES)).show(options.shown())
                .graphSource(GraphSource.of(options.text(Option.GRAPH_SOURCE)));
    }

    /** Whether the filter in effect can be saved: the config file holds one option per line. */
    static boolean savableFilter(LiveState state) {
        return state.search() != null && state.search().pattern().indexOf('\n') < 0
                && state.search().pattern().indexOf('\r') < 0;
    }

    /** The columns hidden until asked for that {@code state} shows. */
    private static List<Column> shownOnRequest(LiveState state) {
        List<Column> shown = new ArrayList<>();
        for (Column c : Column.values()) {
            if (c.hiddenByDefault() && !state.hidden().contains(c)) {
                shown.add(c);
            }
        }
        return shown;
    }

    /**
     * {@code options} with what the keys of the live view changed in {@code state}. Colours are no
     * key's: {@code --no-color} is saved as given, never because NO_COLOR was set when saving.
     */
    static Options saved(Options options, LiveState state) {
        Options.Builder b = new Options.Builder();
        for (Option o : Option.values()) {
            if (o.spec.saved && o.spec.column == null) {
                b.set(o, options.get(o));
            }
        }
        b.set(Option.SORT_BY, state.sortKey())
                .set(Option.REVERSE, state.descending() != state.sortKey().descendingByDefault())
                .set(Option.ONLY, state.only())
                .set(Option.DEVICES, state.devices())
                .set(Option.GROUP, state.kind().word())
                .set(Option.ACCUMULATED, state.figures() == Figures.ACCUMULATED)
                .set(Option.ACCUM_BW, state.figures() == Figures.ACCUMULATED_BANDWIDTH)
                .set(Option.FULL_COMMAND, state.fullCommand())
                .set(Option.ASCII, state.ascii())
                .set(Option.NO_HELP, !state.keyHelp())
                .set(Option.FILTER, savableFilter(state) ? state.search().pattern() : null)
                .clear(Option.SHOW).set(Option.SHOW, shownOnRequest(state))
                .set(Option.GRAPH_SOURCE, state.graphSource().word());
        for (Option o : Option.values()) {
            if (o.spec.column != null) {
                b.set(o, state.hidden().contains(o.spec.column));
            }
        }
        return b.build();
    }
}
