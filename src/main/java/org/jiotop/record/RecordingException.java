package org.jiotop.record;

import java.io.IOException;
import java.nio.file.Path;

/** A recording that cannot be read or written, said in one line that names the file. */
public final class RecordingException extends IOException {
    public RecordingException(Path file, String reason) {
        super(file + ": " + reason);
    }
}
