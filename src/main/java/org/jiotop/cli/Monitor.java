package org.jiotop.cli;

import org.jiotop.linux.CgroupIoReader;
import org.jiotop.linux.KernelException;
import org.jiotop.linux.Scan;
import org.jiotop.linux.TaskExit;
import org.jiotop.linux.Sampler;
import org.jiotop.linux.UserDb;
import org.jiotop.linux.Visibility;
import org.jiotop.model.GroupKind;
import org.jiotop.model.Groups;
import org.jiotop.model.Row;
import org.jiotop.model.Interval;
import org.jiotop.model.Report;
import org.jiotop.model.ReportBuilder;
import org.jiotop.model.ReportSettings;
import org.jiotop.model.RowFilter;
import org.jiotop.model.SortKey;
import org.jiotop.model.TaskTracker;
import org.jiotop.record.RecordedInterval;
import org.jiotop.record.RecordingException;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Samples the kernel for one mode (threads or processes) and keeps the latest interval, from which
 * reports are built as often as the view needs without sampling again: of threads, of processes,
 * or of groups of processes ({@link Grouping}), all kinds of group from one process sampling.
 */
final class Monitor {
    private final Sampler scanner;
    private final int[] onlyThreads;
    private final int[] onlyProcesses;
    private final int keepExited;
    private final boolean keepExitedWithIo;
    private boolean processes;
    private TaskTracker tracker;
    private Interval latest;
    private List<TaskExit> exits = List.of();
    /** What the scan that ended the latest interval could see. */
    private Visibility seen = Visibility.TASKSTATS;
    private boolean delayAccounting = true;
    private final UserDb users;
    private GroupLabels groupLabels;
    private GroupDevices devices;
    /** The groups {@code -u} named by label, of the kind given on the command line; empty for all. */
    private final GroupKind chosenKind;
    private final Set<String> chosenGroups;
    private Instant sampledAt;
    private Recorder recorder;
    private Replay replay;

    /** {@code processIds}: the IDs of {@code -p} as processes (see {@link ProcessIds}). */
    Monitor(Sampler scanner, Options options, int[] processIds, UserDb users) {
        this(scanner, options, processIds, users, Set.of());
    }

    /** {@code groups}: labels that {@code -u} gave for groups of the kind {@code --group} names. */
    Monitor(Sampler scanner, Options options, int[] processIds, UserDb users, Set<String> groups) {
        this.scanner = scanner;
        this.chosenKind = options.groupKind();
        this.chosenGroups = groups;
        this.onlyThreads = options.pids().isEmpty() ? null
                : options.pids().stream().mapToInt(Integer::intValue).toArray();
        this.onlyProcesses = options.pids().isEmpty() ? null : processIds;
        this.keepExited = options.number(Option.KEEP_EXITED);
        this.keepExitedWithIo = options.figures() != ReportSettings.Figures.BANDWIDTH;
        // The exporter counts whole processes, exited threads included.
        this.processes = options.groupKind().processes() || options.mode() == Mode.EXPORTER;
        this.users = users;
        this.tracker = new TaskTracker(keepExited, keepExitedWithIo);
    }

    /** Appends every interval completed from now on to {@code to}. */
    Monitor recordTo(Recorder to) {
        this.recorder = to;
        if (to != null) {
            // One reading of each process's cgroup: the groups shown are those recorded.
            groupLabels = to.owners();
        }
        return this;
    }

    /** Takes its intervals from {@code from} instead of the kernel. */
    Monitor replay(Replay from) {
        this.replay = from;
        this.groupLabels = new GroupLabels(users, from);
        return this;
    }

    boolean replaying() {
        return replay != null;
    }

    /** When the latest interval's sample was taken: now, or as recorded. */
    Instant sampledAt() {
        return sampledAt;
    }

    /**
     * Takes a sample; true when it completed an interval (every sample but the first of a mode).
     * Replaying, each call takes the next recorded interval: false after the last.
     */
    boolean sample() throws KernelException {
        if (replay != null) {
            return replayed();
        }
        Scan scan = processes ? scanner.processes(onlyProcesses) : scanner.threads(onlyThreads);
        delayAccounting = scan.delayAccounting();
        exits = scan.exits();
        Interval interval = tracker.advance(scan);
        sampledAt = Instant.now();
        if (interval != null) {
            latest = interval;
            seen = scanner.visibility();
            if (recorder != null) {
                recorder.append(interval, sampledAt, seen, processes);
            }
        }
        return interval != null;
    }

    private boolean replayed() {
        RecordedInterval r;
        try {
            r = replay.next();
        } catch (RecordingException e) {
            r = null; // the pass ends where the file cannot be read; the caller tells why from the replay
        }
        return show(r);
    }

    /** Makes {@code r}, an interval the replay moved to, the latest; false when there is none. */
    boolean show(RecordedInterval r) {
        if (r == null) {
            return false;
        }
        latest = r.interval();
        processes = r.processes();
        delayAccounting = latest.delayAccounting();
        sampledAt = r.time();
        seen = r.visibility();
        return true;
    }

    /** Whether the latest interval is of processes (a replayed one: as it was recorded). */
    boolean processes() {
        return processes;
    }

    /** Switches between threads and processes: the next interval is measured from scratch. */
    void setProcesses(boolean on) {
        if (on != processes && replay == null) {
            processes = on;
            tracker = new TaskTracker(keepExited, keepExitedWithIo);
            latest = null;
        }
    }

    /** The kernel's exit reports taken by the latest sample, as they came. */
    List<TaskExit> exits() {
        return exits;
    }

    boolean delayAccounting() {
        return delayAccounting;
    }

    /** Where the counters come from (known before the first interval), and what the latest sample could not read. */
    Visibility visibility() {
        return replay != null ? seen : scanner.visibility();
    }

    /**
     * The latest interval as a report, or null while the first interval is being measured. Its rows
     * have labels only where filtering or sorting needed them; the caller labels the rows it shows.
     */
    Report report(ReportSettings.Figures figures, boolean onlyActive, Set<Integer> uids, Integer pid,
                  Pattern search, boolean fullCommand, SortKey key, boolean descending, RowLabels labels) {
        return report(figures, onlyActive, uids, pid, search, fullCommand, key, descending, labels, Grouping.NONE);
    }

    /** As above, of the groups {@code grouping} asks for (or the processes of one) when sampling processes. */
    Report report(ReportSettings.Figures figures, boolean onlyActive, Set<Integer> uids, Integer pid,
                  Pattern search, boolean fullCommand, SortKey key, boolean descending, RowLabels labels,
                  Grouping grouping) {
        if (latest == null) {
            return null;
        }
        Report report = build(figures, onlyActive, uids, pid, search, fullCommand, key, descending, labels, grouping);
        return seen.procfs() ? report.withVisibility(seen) : report;
    }

    private Report build(ReportSettings.Figures figures, boolean onlyActive, Set<Integer> uids, Integer pid,
                         Pattern search, boolean fullCommand, SortKey key, boolean descending, RowLabels labels,
                         Grouping grouping) {
        SortKey effective = !latest.delayAccounting() && key.needsDelayAccounting() ? SortKey.WRITE : key;
        boolean order = effective == key ? descending : effective.descendingByDefault();
        if (processes && grouping.kind().grouped()) {
            return groups(new ReportSettings(true, onlyActive, figures, uids, new RowFilter(pid, null), effective,
                    order, fullCommand), search, labels, grouping);
        }
        ReportSettings settings = new ReportSettings(processes, onlyActive, figures, uids, new RowFilter(pid, search),
                effective, order, fullCommand);
        if (settings.filtersByLabel()) {
            return ReportBuilder.build(latest, settings, labels.label(ReportBuilder.monitoredRows(latest, settings),
                    processes));
        }
        return sortedByLabels(ReportBuilder.build(latest, settings), settings, labels);
    }

    /**
     * {@code report}, built from numbers, in order: for a text sort its rows (those kept after -o) are
     * labelled first.
     */
    private static Report sortedByLabels(Report report, ReportSettings settings, RowLabels labels) {
        return settings.sortsByLabel()
                ? ReportBuilder.sorted(labels.label(report, 0, report.rows().size()), settings) : report;
    }

    /**
     * The groups of the processes {@code each} keeps, those whose label {@code search} matches; or,
     * for {@link Grouping#member}, that group's processes (the search chose the group, not them).
     */
    private Report groups(ReportSettings each, Pattern search, RowLabels labels, Grouping grouping) {
        List<Row> processRows = ReportBuilder.monitoredRows(latest, each);
        groupLabels = groupLabels != null ? groupLabels : new GroupLabels(users, Path.of("/proc"));
        GroupLabels.Labelled owners = groupLabels.of(processRows, grouping.kind());
        if (grouping.member() != null) {
            return sortedByLabels(ReportBuilder.build(latest, each, Groups.members(processRows, owners.labels(),
                    grouping.member())), each, labels);
        }
        List<Row> rows = Groups.sum(processRows, owners.labels());
        if (!chosenGroups.isEmpty() && grouping.kind() == chosenKind) {
            rows.removeIf(r -> !chosenGroups.contains(r.group().label()));
        }
        // A recording keeps no cgroup counters.
        if (grouping.devices() && grouping.kind().byCgroup() && replay == null) {
            devices = devices != null ? devices : new GroupDevices(CgroupIoReader.system());
            rows = devices.attach(rows, owners.cgroups(), latest.startNanos(), latest.endNanos(),
                    latest.durationNanos() / 1e9);
        }
        ReportSettings settings = new ReportSettings(true, each.onlyActive(), each.figures(), Set.of(),
                new RowFilter(null, search), each.sortKey(), each.descending(), each.fullCommand());
        return ReportBuilder.build(latest, settings, labels.label(rows, true)).withKind(grouping.kind());
    }
}
