package org.jiotop.record;

import java.io.IOException;
import java.nio.file.Path;

/** A recording that cannot be read or written, said in one line that names the file. */
public final class RecordingException extends IOException {
    private final String reason;

    public RecordingException(Path file, String reason) {
        super(file + ": " + reason);
        this.reason = reason;
    }

    /** What went wrong, without the file's name: for a line that names the file already. */
    public String reason() {
        return reason;
    }
}
