package org.jiotop.record;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A recording to read: {@link #info()} says what it holds, {@link #intervals()} gives its intervals
 * in the order written. Both stop at a torn or damaged record; what came before it is read.
 */
public final class Recording {
    private final Path file;
    private final SegmentStart first;
    private RecordingInfo info;

    private Recording(Path file, SegmentStart first) {
        this.file = file;
        this.first = first;
    }

    /** Opens {@code file}, checking that it is a recording this version reads. */
    public static Recording open(Path file) throws RecordingException {
        try (FrameReader r = FrameReader.open(file)) {
            byte[] body = r.next();
            SegmentStart first = null;
            if (body != null && (body[0] & 0xFF) == RecordFormat.SEGMENT) {
                try {
                    first = SegmentStart.read(new ByteSource(body, 1, body.length));
                } catch (ByteSource.Damage e) {
                    throw new RecordingException(file, "not a jiotop recording (" + e.getMessage() + ")");
                }
            }
            return new Recording(file, first);
        }
    }

    /** Its first segment (host, version, machine), null when the file holds none. */
    public SegmentStart firstSegment() {
        return first;
    }

    public Path file() {
        return file;
    }

    /** Host, version, time span: read through the whole file once, then kept. */
    public RecordingInfo info() throws RecordingException {
        if (info == null) {
            Intervals all = intervals();
            Instant first = null;
            Instant from = null;
            Instant last = null;
            int count = 0;
            while (all.hasNext()) {
                RecordedInterval i = all.next();
                if (first == null) {
                    first = i.time();
                    from = first.minusNanos(i.interval().durationNanos());
                }
                last = i.time();
                count++;
            }
            SegmentStart s = all.firstSegment;
            info = new RecordingInfo(s == null ? "" : s.host(), s == null ? "" : s.jiotopVersion(), first, last,
                    from, count, all.damage());
        }
        return info;
    }

    /** A fresh pass over the intervals; {@link Intervals#damage()} says afterwards whether the end was cut off. */
    public Intervals intervals() throws RecordingException {
        return new Intervals(FrameReader.open(file));
    }

    /** The intervals of one pass. Reading errors end the pass, said by {@link #damage()}. */
    public static final class Intervals implements Iterator<RecordedInterval>, AutoCloseable {
        private final FrameReader frames;
        private IntervalCodec.Decoder decoder;
        private SegmentStart firstSegment;
        private RecordedInterval next;
        private String damage;
        /** Its reader is closed: asking again, as a replay played past its end does, finds nothing more. */
        private boolean ended;

        private Intervals(FrameReader frames) {
            this.frames = frames;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !ended) {
                next = advance();
            }
            return next != null;
        }

        @Override
        public RecordedInterval next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            RecordedInterval out = next;
            next = null;
            return out;
        }

        /** Where the readable part ended short of the file's end, or null. */
        public String damage() {
            return damage != null ? damage : frames.damage();
        }

        private RecordedInterval advance() {
            try {
                for (byte[] body = frames.next(); body != null; body = frames.next()) {
                    ByteSource in = new ByteSource(body, 1, body.length);
                    int type = body[0] & 0xFF;
                    if (type == RecordFormat.SEGMENT) {
                        decoder = new IntervalCodec.Decoder(SegmentStart.read(in));
                        firstSegment = firstSegment == null ? decoder.start() : firstSegment;
                    } else if (decoder == null) {
                        throw new ByteSource.Damage("a record before the first segment");
                    } else if (type == RecordFormat.TASK) {
                        decoder.task(in);
                    } else if (type == RecordFormat.INTERVAL) {
                        return decoder.interval(in);
                    }
                    // Other types are left to later versions of the format: skipped.
                }
            } catch (ByteSource.Damage e) {
                damage = "ends in a record that does not parse (" + e.getMessage() + ") before byte "
                        + frames.validEnd();
            } catch (RecordingException e) {
                damage = e.reason();
            }
            close();
            return null;
        }

        @Override
        public void close() {
            ended = true;
            frames.close();
        }
    }
}
