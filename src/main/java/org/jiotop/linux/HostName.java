package org.jiotop.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's name as the kernel has it (the UTS name), for a recording to say where it was made. */
public final class HostName {
    private HostName() {
    }

    public static String read() {
        try {
            byte[] b = Files.readAllBytes(Path.of("/proc/sys/kernel/hostname"));
            return SafeText.escape(new String(b, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return "?";
        }
    }
}
