package org.jiotop.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The texts of an option name its range and choices as the table has them. */
class OptionSpecTest {
    @Test
    void theRangeAndTheChoicesAreFilledInTheChoicesAsCodeInTheDoc() {
        OptionSpec n = new OptionSpec("n").value("N", ValueKind.WHOLE).range(3, 7).help("at most N, {range}")
                .doc("N, {range}");
        assertThat(n.help()).isEqualTo("at most N, 3 to 7");
        assertThat(n.doc()).isEqualTo("N, 3 to 7");
        OptionSpec c = new OptionSpec("c").value("C", ValueKind.CHOICE).choices(List.of("a", "b", "c"))
                .help("one of {choices}").doc("one of {choices}");
        assertThat(c.help()).isEqualTo("one of a, b or c");
        assertThat(c.doc()).isEqualTo("one of `a`, `b` or `c`");
        assertThat(Option.DELAY.spec.doc()).endsWith(", 0.01 to 86400");
        assertThat(Option.THRESHOLD.spec.help()).isEqualTo("switch to the next unit at N times it, 1 to 10");
    }

    @Test
    void aPlaceholderWithNothingToFillItIsAnError() {
        assertThatThrownBy(() -> new OptionSpec("x").help("{range}").help()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new OptionSpec("x").help("{choices}").help())
                .isInstanceOf(IllegalStateException.class);
    }

    /** A range or a run of choices written by hand would stay behind when the table's changes. */
    @Test
    void noTextOfTheTableWritesARangeOrAListOfChoicesByHand() {
        for (Option o : Option.values()) {
            OptionSpec s = o.spec;
            for (String text : List.of(s.helpText, s.docText)) {
                if (s.kind == ValueKind.WHOLE || s.kind == ValueKind.SECONDS) {
                    assertThat(text).as("--" + s.longName).doesNotContain(s.range());
                }
                for (int i = 0; i + 1 < s.choices.size(); i++) {
                    String a = s.choices.get(i);
                    String b = s.choices.get(i + 1);
                    assertThat(text).as("--" + s.longName).doesNotContain(a + ", " + b, "`" + a + "`, `" + b + "`");
                }
            }
            assertThat(s.help() + s.doc()).as("--" + s.longName).doesNotContain("{", "}");
        }
    }
}
