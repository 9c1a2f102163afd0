package org.jiotop.output;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The version is the pom's, and written nowhere else among the sources and scripts. */
class VersionTest {
    private static String pomVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>jiotop</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).as("the pom's version").isTrue();
        return m.group(1);
    }

    @Test
    void theVersionIsThePoms() throws IOException {
        assertThat(Version.NUMBER).isEqualTo(pomVersion()).matches("[0-9]+(\\.[0-9]+)*(-[A-Za-z0-9.]+)?");
    }

    @Test
    void noSourceOrScriptWritesItAgain() throws IOException {
        Pattern written = Pattern.compile("(?<![0-9.])" + Pattern.quote(pomVersion()) + "(?![0-9])");
        List<String> found = new ArrayList<>();
        for (String root : List.of("src/main", "scripts", "jiotop")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (written.matcher(Files.readString(f)).find()) {
                        found.add(f.toString());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
