package org.jiotop.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name as the kernel has it (no resolver is asked, which could hang on DNS). */
public final class HostName {
    private HostName() {
    }

    public static String read() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            return name.isEmpty() ? "localhost" : SafeText.escape(name);
        } catch (IOException e) {
            return "localhost";
        }
    }
}
