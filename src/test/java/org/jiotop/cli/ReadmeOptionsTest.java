package org.jiotop.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** README's table of options is the option table's, row for row. */
class ReadmeOptionsTest {
    /** The Markdown table of every option, in the table's order. */
    static List<String> table() {
        List<String> rows = new ArrayList<>();
        rows.add("| option | applies to | saved by `W` | meaning |");
        rows.add("|---|---|---|---|");
        for (Option o : Option.values()) {
            String value = o.spec.valueName == null ? "" : o.spec.valueName;
            String names = "`--" + o.spec.longName + (value.isEmpty() ? "" : "=" + value) + "`";
            if (o.spec.shortName != 0) {
                names = "`-" + o.spec.shortName + (value.isEmpty() ? "" : " " + value) + "`, " + names;
            }
            String where = Mode.describe(o.spec.modes);
            rows.add("| " + names + " | " + (where == null ? "all" : where) + " | " + (o.spec.saved ? "yes" : "") + " | "
                    + o.spec.doc() + (o.spec.defaultText == null ? "" : " [" + o.spec.defaultText + "]") + " |");
        }
        return rows;
    }

    /** The table under README's "## Options": from its header row to the first line that is not a row. */
    private static List<String> readme() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int at = lines.indexOf("## Options");
        assertThat(at).as("README has an Options section").isNotNegative();
        while (!lines.get(at).startsWith("|")) {
            at++;
        }
        List<String> rows = new ArrayList<>();
        while (at < lines.size() && lines.get(at).startsWith("|")) {
            rows.add(lines.get(at++));
        }
        return rows;
    }

    @Test
    void readmeListsEveryOptionAsTheTableSaysIt() throws Exception {
        assertThat(readme()).as("README.md's options, to be replaced by:%n%s", String.join("\n", table()))
                .containsExactlyElementsOf(table());
    }

    @Test
    void theTableIsNotEmptyAndNamesTheOptionsPeopleUse() {
        assertThat(String.join("\n", table())).contains("| `-d SEC`, `--delay=SEC` | all | yes | ",
                "| `--serve=[ADDR:]PORT` | exporter (--serve, --otlp) |", "| `-b`, `--batch` | batch output |",
                "| `-c`, `--fullcmdline` | live view and batch output | yes |");
    }
}
