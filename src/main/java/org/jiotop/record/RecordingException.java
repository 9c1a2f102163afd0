package org.jiotop.record;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
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

    /**
     * Why {@code e} failed, in words: the JDK's message of a file-system error is the path alone
     * (a recording another user keeps to themselves gave "cannot be read (/path)").
     */
    static String reasonOf(Exception e) {
        return switch (e) {
            case AccessDeniedException a -> "permission denied";
            case FileSystemException f when f.getReason() != null -> f.getReason();
            default -> String.valueOf(e.getMessage());
        };
    }
}
