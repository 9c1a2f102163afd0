package org.jiotop.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Reads a file a user names for jiotop (the saved settings, a password file, a key store): only
 * a regular file (a FIFO would block the read, a device such as /dev/zero never ends) and only up
 * to a small limit. Errors name the file and the reason, never its content: the file may be a link to one
 * the user could not read themselves.
 */
final class SmallFile {
    /** Far above any settings, password or key store file, far below what would weigh on the heap. */
    static final int LIMIT = 64 * 1024;

    private SmallFile() {
    }

    /** The file's text (UTF-8); {@link NoSuchFileException} when it does not exist. */
    static String read(Path path) throws IOException {
        byte[] bytes = bytes(path);
        String text = new String(bytes, StandardCharsets.UTF_8);
        Arrays.fill(bytes, (byte) 0);
        return text;
    }

    /** The file's bytes (a key store); {@link NoSuchFileException} when it does not exist. */
    static byte[] bytes(Path path) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(path + ": " + reason(e), e);
        }
        if (!attributes.isRegularFile()) {
            throw new IOException(path + ": not a regular file");
        }
        if (attributes.size() > LIMIT) {
            throw new IOException(path + ": larger than " + LIMIT / 1024 + " KiB");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(LIMIT + 1);
        } catch (IOException e) {
            throw new IOException(path + ": " + reason(e), e);
        }
        if (bytes.length > LIMIT) {
            Arrays.fill(bytes, (byte) 0);
            throw new IOException(path + ": larger than " + LIMIT / 1024 + " KiB");
        }
        return bytes;
    }

    /** What went wrong, without any text the JDK may have quoted from the file. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
