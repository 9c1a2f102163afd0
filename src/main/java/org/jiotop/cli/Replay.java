package org.jiotop.cli;

import org.jiotop.linux.CgroupLabels;
import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.TaskSample;
import org.jiotop.model.Interval;
import org.jiotop.model.TaskActivity;
import org.jiotop.record.RecordedInterval;
import org.jiotop.record.Recording;
import org.jiotop.record.RecordingException;
import org.jiotop.record.RecordingInfo;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code --replay}: the intervals of a recording between {@code --since} and {@code --until}, those
 * of the tasks {@code -p} names, in the order recorded; and the labels and owners they were recorded
 * with.
 */
final class Replay implements RowLabels.Source, GroupLabels.Owners {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Recording recording;
    private final Instant since;
    private final Instant until;
    private final Set<Integer> ids;
    private Recording.Intervals pass;
    private RecordedInterval current;
    /** The window's first interval when {@link #holdsNone} read it ahead, for {@link #next} to give. */
    private RecordedInterval ahead;
    /** The position of {@code current} in the window, -1 before the first. */
    private int index = -1;

    private Replay(Recording recording, Instant since, Instant until, Set<Integer> ids) {
        this.recording = recording;
        this.since = since;
        this.until = until;
        this.ids = ids;
    }

    /** The replay {@code --replay} asks for, or null without it. */
    static Replay open(Options options) throws RecordingException, UsageException {
        String file = options.text(Option.REPLAY);
        if (file == null) {
            return null;
        }
        Instant now = Instant.now();
        Instant since = bound(options, Option.SINCE, now);
        Instant until = bound(options, Option.UNTIL, now);
        // Relative times are only moments once "now" is known: checked here, not with the options.
        if (since != null && until != null && until.isBefore(since)) {
            throw new UsageException("option --until: " + options.text(Option.UNTIL) + " is before --since "
                    + options.text(Option.SINCE));
        }
        return new Replay(Recording.open(Path.of(file)), since, until, Set.copyOf(options.pids()));
    }

    private static Instant bound(Options options, Option o, Instant now) {
        String text = options.text(o);
        return text == null ? null : TimeBound.parse(text, now);
    }

    Recording recording() {
        return recording;
    }

    /** The next interval in the window, or null after the last (or where the file's readable part ends). */
    RecordedInterval next() throws RecordingException {
        if (ahead != null) {
            current = ahead;
            ahead = null;
            index++;
            return current;
        }
        if (pass == null) {
            pass = recording.intervals();
        }
        while (pass.hasNext()) {
            RecordedInterval r = pass.next();
            if (until != null && r.time().isAfter(until)) {
                break;
            }
            if (since == null || !r.time().isBefore(since)) {
                current = ids.isEmpty() ? r : chosen(r);
                index++;
                return current;
            }
        }
        return null;
    }

    /** Whether the window holds no interval at all; one read ahead is the next {@link #next} gives. */
    boolean holdsNone() throws RecordingException {
        if (index >= 0 || ahead != null) {
            return false;
        }
        ahead = next();
        current = null;
        index = -1;
        return ahead == null;
    }

    /** What the window holds none of: the recording, or the part of it between {@code --since} and {@code --until}. */
    String nothingToShow() throws RecordingException {
        RecordingInfo info = recording.info();
        if (info.intervals() == 0 || since == null && until == null) {
            return "holds no interval";
        }
        return "holds no interval " + (since == null ? "" : "from " + stamp(since) + " ")
                + (until == null ? "" : "up to " + stamp(until) + " ") + "(its intervals run from "
                + stamp(info.measuredFrom()) + " to " + stamp(info.end()) + ")";
    }

    private static String stamp(Instant time) {
        return STAMP.format(LocalDateTime.ofInstant(time, ZoneId.systemDefault()));
    }

    /**
     * The interval at {@code target} in the window (the last when past it), read again from the start
     * when it lies behind: a segment's rows are deltas of what came before them.
     */
    RecordedInterval seek(int target) throws RecordingException {
        int want = Math.max(0, target);
        if (want <= index) {
            restart();
        }
        while (index < want && next() != null) {
            // reading forward to it
        }
        return current;
    }

    /** The first interval sampled at or after {@code time}, else the last. */
    RecordedInterval seek(Instant time) throws RecordingException {
        if (current != null && !current.time().isBefore(time)) {
            restart();
        }
        while ((current == null || current.time().isBefore(time)) && next() != null) {
            // reading forward to it
        }
        return current;
    }

    int index() {
        return index;
    }

    private void restart() {
        if (pass != null) {
            pass.close();
        }
        pass = null;
        current = null;
        ahead = null;
        index = -1;
    }

    /** Why the file's readable part ended early, once the pass reached it; null if it did not. */
    String damage() {
        return pass == null ? null : pass.damage();
    }

    private RecordedInterval chosen(RecordedInterval r) {
        List<TaskActivity> kept = new ArrayList<>();
        for (TaskActivity a : r.interval().tasks()) {
            if (ids.contains(a.sample().id())) {
                kept.add(a);
            }
        }
        Interval i = r.interval();
        return new RecordedInterval(r.time(), r.segment(), new Interval(i.startNanos(), i.endNanos(), kept,
                i.pagedInKiB(), i.pagedOutKiB(), i.delayAccounting(), i.lostExitReports()), r.labels(), r.owners(),
                r.visibility());
    }

    @Override
    public TaskLabels labels(TaskSample task, byte[] exitedName, boolean processes) {
        return current.labelsOf(task);
    }

    @Override
    public CgroupLabels ownerOf(TaskSample task) {
        return current.ownerOf(task);
    }
}
