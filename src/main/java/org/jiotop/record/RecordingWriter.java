package org.jiotop.record;

import org.jiotop.linux.CgroupLabels;
import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.Visibility;
import org.jiotop.model.Interval;
import org.jiotop.model.TaskActivity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Function;

/**
 * Appends intervals to a recording, one write each, so that a crash loses at most the interval being
 * written. Opening a file that ends in a torn record cuts that record off and appends after the
 * readable part; each run starts a segment of its own. With a size limit, a file that would grow past
 * it is renamed to FILE.1 (replacing the older one) and a new file started.
 */
public final class RecordingWriter implements AutoCloseable {
    private final Path file;
    private final long maxBytes;
    private SegmentStart start;
    private final Frames frames = new Frames();
    private FileChannel channel;
    private IntervalCodec.Encoder encoder;
    /** Whether the current file holds an interval yet: a file is never rotated before its first. */
    private boolean holdsInterval;

    private RecordingWriter(Path file, long maxBytes, SegmentStart start) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.start = start;
    }

    /** Opens {@code file} to append a segment to; {@code maxBytes} 0 for no limit. */
    public static RecordingWriter open(Path file, long maxBytes, SegmentStart start) throws RecordingException {
        RecordingWriter w = new RecordingWriter(file, maxBytes, start);
        w.openFile();
        return w;
    }

    private void openFile() throws RecordingException {
        long keep = 0;
        try {
            if (Files.exists(file) && (!Files.isRegularFile(file) || Files.size(file) > 0)) {
                keep = readablePart();
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.truncate(keep);
            channel.position(keep);
            if (keep == 0) {
                ByteBuffer head = ByteBuffer.allocate(RecordFormat.FILE_HEADER);
                head.put(RecordFormat.MAGIC).put((byte) RecordFormat.VERSION).flip();
                write(head);
            }
            encoder = new IntervalCodec.Encoder(start);
            holdsInterval = false;
            frames.clear();
            start.write(frames.begin());
            frames.end();
            write(ByteBuffer.wrap(frames.array(), 0, frames.size()));
        } catch (RecordingException e) {
            throw e;
        } catch (IOException e) {
            throw new RecordingException(file, "cannot be written (" + e.getMessage() + ")");
        }
    }

    /** How many bytes of the existing file are whole records, to append after. */
    private long readablePart() throws RecordingException {
        try (FrameReader r = FrameReader.open(file)) {
            while (r.next() != null) {
                // skipping to the end of the readable part
            }
            return r.validEnd();
        } catch (RecordingException e) {
            throw new RecordingException(file, e.getMessage().substring(file.toString().length() + 2)
                    + " (not appending to it)");
        }
    }

    /**
     * Appends {@code interval}, sampled at {@code time} from the counters {@code seen} says, each task
     * labelled by {@code labels}; its rows are processes or threads as {@code processes} says (a
     * change starts a segment). An idle task is labelled when first seen, and again each interval
     * only with {@code idleLabels}.
     */
    public void append(Interval interval, Instant time, Visibility seen, boolean processes,
                       Function<TaskActivity, TaskLabels> labels, boolean idleLabels) throws RecordingException {
        append(interval, time, seen, processes, labels, a -> null, idleLabels);
    }

    /** {@link #append}, each process with the owner {@code owners} tells from its cgroup (null for none). */
    public void append(Interval interval, Instant time, Visibility seen, boolean processes,
                       Function<TaskActivity, TaskLabels> labels, Function<TaskActivity, CgroupLabels> owners,
                       boolean idleLabels) throws RecordingException {
        frames.clear();
        if (processes != start.processes()) {
            start = new SegmentStart(start.jiotopVersion(), start.host(), start.pidMax(), processes,
                    time.toEpochMilli(), interval.startNanos());
            encoder = new IntervalCodec.Encoder(start);
            start.write(frames.begin());
            frames.end();
        }
        encoder.encode(interval, time, seen, labels, owners, idleLabels, frames);
        try {
            if (maxBytes > 0 && holdsInterval && channel.position() + frames.size() > maxBytes) {
                rotate();
                frames.clear();
                encoder.encode(interval, time, seen, labels, owners, idleLabels, frames);
            }
            write(ByteBuffer.wrap(frames.array(), 0, frames.size()));
            holdsInterval = true;
        } catch (RecordingException e) {
            throw e;
        } catch (IOException e) {
            throw new RecordingException(file, "cannot be written (" + e.getMessage() + ")");
        }
    }

    private void rotate() throws IOException {
        channel.close();
        Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        openFile();
    }

    private void write(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    @Override
    public void close() throws RecordingException {
        try {
            channel.close();
        } catch (IOException e) {
            throw new RecordingException(file, "cannot be closed (" + e.getMessage() + ")");
        }
    }
}
