package org.jiotop.cli;

import org.jiotop.linux.HostName;
import org.jiotop.linux.Visibility;
import org.jiotop.model.Interval;
import org.jiotop.output.Version;
import org.jiotop.record.RecordingException;
import org.jiotop.record.RecordingWriter;
import org.jiotop.record.SegmentStart;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code --record}: appends each interval the monitor completes, its tasks labelled as the
 * views label them. A file that cannot be written stops the recording, said once on stderr, not the
 * monitoring.
 */
final class Recorder implements AutoCloseable {
    private final RecordingWriter writer;
    private final RowLabels labels;
    /** Who owns each process, recorded so that a replay can group by it. */
    private final GroupLabels owners;
    private final PrintStream err;
    /** Whether the views show idle tasks: then their labels are recorded as the views show them. */
    private final boolean idleLabels;
    private boolean failed;

    private Recorder(RecordingWriter writer, RowLabels labels, GroupLabels owners, boolean idleLabels,
                     PrintStream err) {
        this.writer = writer;
        this.labels = labels;
        this.owners = owners;
        this.idleLabels = idleLabels;
        this.err = err;
    }

    /** The recorder {@code --record} asks for, or null without it. */
    static Recorder open(Options options, int pidMax, boolean processes, boolean idleShown, RowLabels labels,
                         GroupLabels owners, PrintStream err)
            throws RecordingException {
        String file = options.text(Option.RECORD);
        if (file == null) {
            return null;
        }
        Long max = (Long) options.get(Option.RECORD_MAX);
        SegmentStart start = new SegmentStart(Version.NUMBER, HostName.read(), pidMax,
                processes, System.currentTimeMillis(), System.nanoTime());
        return new Recorder(RecordingWriter.open(Path.of(file), max == null ? 0 : max, start), labels, owners,
                idleShown, err);
    }

    /** The owners it records, for the views to label groups by: each process's cgroup is read once. */
    GroupLabels owners() {
        return owners;
    }

    void append(Interval interval, Instant time, Visibility seen, boolean processes) {
        if (failed) {
            return;
        }
        labels.nextInterval();
        try {
            writer.append(interval, time, seen, processes, a -> labels.of(a, processes),
                    owners.ownersOf(interval.tasks()), idleLabels);
        } catch (RecordingException e) {
            failed = true;
            err.println("jiotop: recording stopped: " + e.getMessage());
        }
    }

    /** Whether writing or closing the recording failed (and was said on stderr). */
    boolean failed() {
        return failed;
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (RecordingException e) {
            failed = true;
            err.println("jiotop: " + e.getMessage());
        }
    }
}
