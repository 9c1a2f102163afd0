package org.jiotop.record;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a recording's frames in order and stops at the first that does not hold (its length past
 * the file's end or out of range, its checksum wrong): everything before it is the readable part,
 * {@link #validEnd()} bytes long.
 */
final class FrameReader implements AutoCloseable {
    private final Path file;
    private final InputStream in;
    private long position;
    private long validEnd;
    private String damage;
    /** Where the frame that did not hold says it ends; -1 when its length is impossible. */
    private long damagedFrameEnd = -1;

    private FrameReader(Path file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    /** Opens {@code file} and checks its header; an empty file is refused like any non-recording. */
    static FrameReader open(Path file) throws RecordingException {
        if (Files.isDirectory(file)) {
            throw new RecordingException(file, "is a directory, not a jiotop recording");
        }
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new RecordingException(file, "no such file");
        } catch (IOException e) {
            throw new RecordingException(file, "cannot be read (" + RecordingException.reasonOf(e) + ")");
        }
        return checked(file, raw);
    }

    /**
     * Reads {@code channel}, open on {@code file}, from its start; closing the reader leaves the
     * channel open (closing another descriptor of the file would drop the channel's lock on it).
     */
    static FrameReader over(Path file, FileChannel channel) throws RecordingException {
        try {
            channel.position(0);
        } catch (IOException e) {
            throw new RecordingException(file, "cannot be read (" + RecordingException.reasonOf(e) + ")");
        }
        return checked(file, new InputStream() {
            private final InputStream in = Channels.newInputStream(channel);

            @Override
            public int read() throws IOException {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in.read(b, off, len);
            }
        });
    }

    private static FrameReader checked(Path file, InputStream raw) throws RecordingException {
        FrameReader r = new FrameReader(file, new BufferedInputStream(raw, 1 << 16));
        try {
            r.checkHeader();
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e instanceof RecordingException re ? re
                    : new RecordingException(file, "cannot be read (" + RecordingException.reasonOf(e) + ")");
        }
        return r;
    }

    private void checkHeader() throws IOException {
        byte[] head = in.readNBytes(RecordFormat.FILE_HEADER);
        if (head.length == 0) {
            throw new RecordingException(file, "is empty, not a jiotop recording");
        }
        if (head.length < RecordFormat.FILE_HEADER
                || !Arrays.equals(head, 0, RecordFormat.MAGIC.length,
                        RecordFormat.MAGIC, 0, RecordFormat.MAGIC.length)) {
            throw new RecordingException(file, "not a jiotop recording");
        }
        int version = head[RecordFormat.MAGIC.length] & 0xFF;
        if (version != RecordFormat.VERSION) {
            throw new RecordingException(file, "recording format version " + version + ", this jiotop reads version "
                    + RecordFormat.VERSION);
        }
        position = head.length;
        validEnd = position;
    }

    /** The next frame's body, or null at the end of the readable part. */
    byte[] next() throws RecordingException {
        if (damage != null) {
            return null;
        }
        try {
            byte[] head = in.readNBytes(RecordFormat.FRAME_HEADER);
            if (head.length == 0) {
                return null;
            }
            if (head.length < RecordFormat.FRAME_HEADER) {
                damagedFrameEnd = position + RecordFormat.FRAME_HEADER;
                return stop("a record cut short");
            }
            int length = u32(head, 0);
            int crc = u32(head, 4);
            if (length <= 0 || length > RecordFormat.MAX_BODY) {
                return stop("a record of impossible length");
            }
            damagedFrameEnd = position + RecordFormat.FRAME_HEADER + length;
            byte[] body = in.readNBytes(length);
            if (body.length < length) {
                return stop("a record cut short");
            }
            if (Frames.checksum(body, 0, length) != crc) {
                return stop("a record whose checksum does not match");
            }
            position += RecordFormat.FRAME_HEADER + length;
            validEnd = position;
            damagedFrameEnd = -1;
            return body;
        } catch (EOFException e) {
            return stop("a record cut short");
        } catch (IOException e) {
            throw new RecordingException(file, "cannot be read (" + RecordingException.reasonOf(e) + ")");
        }
    }

    /** Ends the readable part here, for the reason given. */
    private byte[] stop(String reason) {
        damage = "ends in " + reason + " at byte " + validEnd;
        return null;
    }

    long validEnd() {
        return validEnd;
    }

    /**
     * Where the frame that did not hold says it ends, -1 when its length is impossible or every
     * frame held: a frame that runs to or past the file's end is one a crash cut while writing it.
     */
    long damagedFrameEnd() {
        return damage == null ? -1 : damagedFrameEnd;
    }

    /** Null while every frame so far held. */
    String damage() {
        return damage;
    }

    private static int u32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // reading is over; nothing was written
        }
    }
}
