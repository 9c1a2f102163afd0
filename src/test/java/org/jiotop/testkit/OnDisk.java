package org.jiotop.testkit;

import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Temporary directories under target/ for {@code @TempDir(factory = OnDisk.class)}: writers that
 * use O_DIRECT need a real disk, and /tmp may be tmpfs, which refuses it.
 */
public final class OnDisk implements TempDirFactory {
    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext extension) throws Exception {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e-scratch")).toAbsolutePath(),
                "test-");
    }
}
