package org.jiotop.record;

import org.jiotop.linux.CgroupLabels;
import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.Visibility;
import org.jiotop.model.Interval;
import org.jiotop.model.TaskActivity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                String what = Files.isDirectory(file) ? "is a directory" : "is not a regular file";
                throw new RecordingException(file, what + " (not appending to it)");
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            // Two writers would interleave their records: the second is refused while the first runs.
            if (!locked()) {
                channel.close();
                throw new RecordingException(file, "is being recorded to by another jiotop");
            }
            long keep = channel.size() > 0 ? readablePart() : 0;
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
            throw new RecordingException(file, "cannot be written (" + reason(e) + ")");
        }
    }

    /**
     * How many bytes of the existing file are whole records, to append after. What follows them may
     * only be the record a crash cut short (or the zeros a file system leaves where a write was
     * lost): damage with readable records after it is refused rather than cut off with them.
     */
    private long readablePart() throws IOException {
        try (FrameReader r = FrameReader.over(file, channel)) {
            while (r.next() != null) {
                // skipping to the end of the readable part
            }
            long size = channel.size();
            if (r.damage() == null || r.damagedFrameEnd() >= size || zerosFrom(r.validEnd())) {
                return r.validEnd();
            }
            throw new RecordingException(file, "is damaged at byte " + r.validEnd() + ", with "
                    + (size - r.validEnd()) + " bytes after the damage");
        } catch (RecordingException e) {
            channel.close();
            throw new RecordingException(file, e.getMessage().substring(file.toString().length() + 2)
                    + " (not appending to it)");
        }
    }

    /** Whether the file holds only zero bytes from {@code from} to its end. */
    private boolean zerosFrom(long from) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        for (long at = from; at < channel.size(); at += b.limit()) {
            b.clear();
            if (channel.read(b, at) <= 0) {
                return false;
            }
            b.flip();
            while (b.hasRemaining()) {
                if (b.get() != 0) {
                    return false;
                }
            }
        }
        return true;
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
        if (processes != start.processes() || encoder.full()) {
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
            throw new RecordingException(file, "cannot be written (" + reason(e) + ")");
        }
    }

    /** Whether this process now holds the file's lock, which another writer (here or elsewhere) would. */
    private boolean locked() throws IOException {
        try {
            return channel.tryLock() != null;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    /** What went wrong, not the path the JDK's message often is. */
    private static String reason(IOException e) {
        return e instanceof NoSuchFileException ? "no such directory" : RecordingException.reasonOf(e);
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
