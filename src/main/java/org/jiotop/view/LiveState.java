package org.jiotop.view;

import org.jiotop.model.DeviceRates;
import org.jiotop.model.GraphSource;
import org.jiotop.model.GroupKind;
import org.jiotop.model.IoHistory;
import org.jiotop.model.Report;
import org.jiotop.model.ReportSettings.Figures;
import org.jiotop.model.Row;
import org.jiotop.model.SortKey;
import org.jiotop.output.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.EnumSet;
import java.util.regex.Pattern;

/** Everything the live view's keys change. Mutable; used by the view's single thread only. */
public final class LiveState {
    SortKey sortKey = SortKey.IO;
    boolean descending = true;
    boolean only;
    GroupKind kind = GroupKind.THREAD;
    /** The group whose processes are shown instead of the groups (Enter), or null. */
    String openGroup;
    /** The labels of the group rows of the report on screen, in order (for Enter). */
    List<String> groupRows = List.of();
    Figures figures = Figures.BANDWIDTH;
    boolean fullCommand;
    final Set<Column> hidden = hiddenByDefault();
    boolean color = true;
    boolean ascii;
    boolean keyHelp = true;
    int scroll;
    /** The width of the last frame: the help screen's lines wrap to it, and its scrolling goes by them. */
    int width = 80;
    Dialog dialog;
    Pattern search;
    Integer filterUid;
    String filterUser;
    Integer filterPid;
    String message;
    long messageUntilNanos;
    /** Whether the kernel collected delay figures for the report on screen. */
    boolean delayAccounting = true;
    /** Showing a recording: what is said of its figures is said of when it was made. */
    boolean replaying;
    /** Whether the device panel is shown (key d), and its figures: null until an interval is measured. */
    boolean devices;
    List<DeviceRates> deviceRows;
    /** Whether swap-in delay has a source: counters read from /proc have none. */
    boolean swapinKnown = true;
    GraphSource graphSource = GraphSource.BOTH;
    /** The past intervals the graphs draw, added to as reports come. */
    final IoHistory history = new IoHistory();

    public LiveState() {
    }

    public SortKey sortKey() {
        return sortKey;
    }

    public boolean descending() {
        return descending;
    }

    public boolean only() {
        return only;
    }

    public boolean processes() {
        return kind.processes();
    }

    public GroupKind kind() {
        return kind;
    }

    public String openGroup() {
        return openGroup;
    }

    /** Empties the graphs' history: the next interval drawn is not the one after the last. */
    public void forgetHistory() {
        history.clear();
    }

    /** Adds {@code report}'s interval to the graphs' history, once however often it is drawn. */
    public void record(Report report) {
        history.add(report);
    }

    public GraphSource graphSource() {
        return graphSource;
    }

    /**
     * Keeps the labels of the group rows of the report about to be drawn: Enter opens one of them.
     * A recording holds threads or processes, as it was made, whatever p and g chose: the kind of
     * row follows it, so that the keys' help, ionice's prompt and what W saves say what is shown.
     */
    public void listed(Report report) {
        if (replaying && report != null && report.kind().processes() != kind.processes()) {
            kind = report.kind();
            openGroup = null;
        }
        if (report == null || !report.kind().grouped()) {
            groupRows = List.of();
            return;
        }
        List<String> labels = new ArrayList<>(report.rows().size());
        for (Row r : report.rows()) {
            labels.add(r.group().label());
        }
        groupRows = labels;
    }

    public Figures figures() {
        return figures;
    }

    public boolean fullCommand() {
        return fullCommand;
    }

    /** The first row on screen, as the last frame drew it or a key moved it since. */
    public int scroll() {
        return scroll;
    }

    /** Keeps what a frame drew: its scroll position, within the rows there were, and its width. */
    public void drawn(LiveScreen.Frame frame) {
        scroll = frame.scroll();
        width = frame.width();
    }

    /** Whether the kernel collects delay figures now: without them, SWAPIN and IO can't be shown or sorted by. */
    public void delayAccounting(boolean on) {
        delayAccounting = on;
    }

    /** The view shows a recording, not the running kernel. */
    public void replaying() {
        replaying = true;
    }

    /** Whether SWAPIN can be shown and sorted by (not when the counters come from /proc). */
    public void swapinKnown(boolean known) {
        swapinKnown = known;
    }

    public Set<Column> hidden() {
        return Set.copyOf(hidden);
    }

    public boolean color() {
        return color;
    }

    public boolean ascii() {
        return ascii;
    }

    public boolean keyHelp() {
        return keyHelp;
    }

    public Pattern search() {
        return search;
    }

    public Integer filterUid() {
        return filterUid;
    }

    public Integer filterPid() {
        return filterPid;
    }

    public Dialog dialog() {
        return dialog;
    }

    /** Applies the command-line settings. */
    public LiveState configure(SortKey key, boolean only, GroupKind kind, Figures figures, boolean fullCommand,
                               Set<Column> hidden, boolean color, boolean ascii, boolean keyHelp, Pattern search) {
        this.sortKey = key;
        this.descending = key.descendingByDefault();
        this.only = only;
        this.kind = kind;
        this.figures = figures;
        this.fullCommand = fullCommand;
        this.hidden.addAll(hidden);
        this.color = color;
        this.ascii = ascii;
        this.keyHelp = keyHelp;
        this.search = search;
        return this;
    }

    /** Turns the sort order around. */
    public void reverse() {
        descending = !descending;
    }

    /** Shows {@code text} for a few seconds (an error, a confirmation). */
    public void tell(String text, long nowNanos) {
        message = text;
        messageUntilNanos = nowNanos + 3_000_000_000L;
    }

    public void filterByUser(int uid, String name) {
        filterUid = uid;
        filterUser = name;
        filterPid = null;
    }

    /** The message to show now, or null once it has expired. */
    String message(long nowNanos) {
        return message != null && nowNanos < messageUntilNanos ? message : null;
    }

    /** The sort key in effect: SWAPIN and IO fall back to DISK WRITE without delay accounting. */
    SortKey effectiveSort() {
        boolean unknown = !delayAccounting && sortKey.needsDelayAccounting()
                || !swapinKnown && sortKey == SortKey.SWAPIN;
        return unknown ? SortKey.WRITE : sortKey;
    }

    /** The text the filter prompt opens with: the filter in effect, as it was typed. */
    String filterText() {
        if (openGroup != null) {
            return openGroup;
        }
        if (filterPid != null) {
            return Integer.toString(filterPid);
        }
        return filterUser != null ? filterUser : "";
    }

    /** The columns on screen, in order. */
    List<Column> visibleColumns() {
        List<Column> shown = new ArrayList<>();
        for (Column c : Column.values()) {
            if (shows(c)) {
                shown.add(c);
            }
        }
        return shown;
    }

    /** The columns on screen that rows can be sorted by, in order. */
    List<Column> sortableColumns() {
        List<Column> sortable = new ArrayList<>();
        for (Column c : visibleColumns()) {
            if (c.sortable()) {
                sortable.add(c);
            }
        }
        return sortable;
    }

    private static Set<Column> hiddenByDefault() {
        Set<Column> hidden = EnumSet.noneOf(Column.class);
        for (Column c : Column.values()) {
            if (c.hiddenByDefault()) {
                hidden.add(c);
            }
        }
        return hidden;
    }

    /** Whether the view shows column {@code c} now. */
    public boolean shows(Column c) {
        if (hidden.contains(c)) {
            return false;
        }
        return (delayAccounting || !c.needsDelayAccounting()) && (swapinKnown || c != Column.SWAPIN);
    }

    public boolean devices() {
        return devices;
    }

    /** Shows {@code columns} from the start, hidden by default or not ({@code --show}). */
    public LiveState show(Set<Column> columns) {
        hidden.removeAll(columns);
        return this;
    }

    /** Draws the graphs of {@code source} from the start ({@code --graph-source}). */
    public LiveState graphSource(GraphSource source) {
        graphSource = source;
        return this;
    }

    /** Shows the device panel from the start ({@code --devices}). */
    public LiveState showDevices(boolean on) {
        devices = on;
        return this;
    }

    /** The devices of the latest interval, for the panel; null while the first is being measured. */
    public void devicesMeasured(List<DeviceRates> rows) {
        deviceRows = rows;
    }
}
