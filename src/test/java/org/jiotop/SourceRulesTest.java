package org.jiotop;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the sources: small files of short lines, and packages that depend only on the
 * layers below them (kernel, then model, then what renders a report; the command line wires them).
 */
class SourceRulesTest {
    private static final Path MAIN = Path.of("src/main/java/org/jiotop");
    private static final int MAX_LINES = 400;
    private static final int MAX_COLUMNS = 120;
    /** The packages each package may name; the command line ({@code cli}) may name any. */
    private static final Map<String, Set<String>> MAY_USE = Map.of(
            "linux", Set.of(),
            "model", Set.of("linux"),
            "output", Set.of("linux", "model"),
            "view", Set.of("linux", "model", "output"),
            "record", Set.of("linux", "model"),
            "http", Set.of());
    private static final Pattern NAMED = Pattern.compile("\\borg\\.jiotop\\.([a-z]+)\\.");
    /** A constant given a number: {@code static final int MSG_TRUNC = 0x20;}. */
    private static final Pattern NUMBER_CONSTANT = Pattern.compile(
            "static final (?:int|long|short|byte) ([A-Z][A-Z0-9_]*) = -?(?:0x[0-9a-fA-F]+|[0-9][0-9_]*)L?;");
    /** Each socket's own batch size, not the kernel's: the same names may differ. */
    private static final Set<String> OWN_CHOICES = Set.of("SLOTS", "SLOT_SIZE");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void filesAreShortAndSoAreTheirLines() throws IOException {
        List<String> over = new ArrayList<>();
        for (Path f : sources()) {
            List<String> lines = Files.readAllLines(f);
            if (lines.size() > MAX_LINES) {
                over.add(f + ": " + lines.size() + " lines");
            }
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).length() > MAX_COLUMNS) {
                    over.add(f + ":" + (i + 1) + ": " + lines.get(i).length() + " columns");
                }
            }
        }
        assertThat(sources()).hasSizeGreaterThan(100);
        assertThat(over).isEmpty();
    }

    @Test
    void eachPackageNamesOnlyTheLayersBelowIt() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path f : sources()) {
            String own = MAIN.relativize(f).getName(0).toString();
            Set<String> allowed = MAY_USE.get(own);
            if (allowed == null) {
                continue;
            }
            Matcher m = NAMED.matcher(Files.readString(f));
            while (m.find()) {
                if (!m.group(1).equals(own) && !allowed.contains(m.group(1))) {
                    wrong.add(f + " names org.jiotop." + m.group(1));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aKernelConstantIsGivenItsNumberInOneFile() throws IOException {
        Map<String, List<Path>> declared = new java.util.TreeMap<>();
        for (Path f : sources()) {
            if (MAIN.relativize(f).getName(0).toString().equals("linux")) {
                Matcher m = NUMBER_CONSTANT.matcher(Files.readString(f));
                while (m.find()) {
                    declared.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(f.getFileName());
                }
            }
        }
        declared.keySet().removeAll(OWN_CHOICES);
        declared.values().removeIf(files -> files.size() == 1);
        assertThat(declared).isEmpty();
    }
}
