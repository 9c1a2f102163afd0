package org.jiotop.cli;

import org.jline.utils.InfoCmp;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTypeTest {
    private static final Map<String, String> KNOWN = Map.of(
            "only-relative", "only-relative|moves up but has no cup,\n\tcuu1=\\E[A, clear=\\E[H\\E[2J,\n");

    private static TerminalType choose(String term) {
        return TerminalType.choose(term, type -> KNOWN.getOrDefault(type, InfoCmp.getDefaultInfoCmp(type)));
    }

    @Test
    void aTerminalThatCannotMoveItsCursorHasNoLiveView() {
        assertThat(choose("dumb").refusal()).isEqualTo("the terminal (TERM=dumb) cannot move its cursor");
        assertThat(choose("dumb-color").refusal()).isNotNull();
    }

    @Test
    void knownTypesAreDrawnForAsThemselves() {
        assertThat(choose("xterm-256color")).isEqualTo(new TerminalType("xterm-256color", null));
        assertThat(choose("screen")).isEqualTo(new TerminalType("screen", null));
        assertThat(choose("only-relative")).isEqualTo(new TerminalType("only-relative", null));
    }

    @Test
    void anUnknownOrMissingTypeFallsBackQuietly() {
        assertThat(choose("xterm-nonexistent")).isEqualTo(new TerminalType(TerminalType.FALLBACK, null));
        assertThat(choose(null)).isEqualTo(new TerminalType(TerminalType.FALLBACK, null));
        assertThat(choose(" ")).isEqualTo(new TerminalType(TerminalType.FALLBACK, null));
    }

    @Test
    void aHostileTypeIsEscapedInTheMessage() {
        TerminalType t = TerminalType.choose("dumb\u001b[31m", type -> InfoCmp.getDefaultInfoCmp("dumb"));
        assertThat(t.refusal()).isEqualTo("the terminal (TERM=dumb\\x1b[31m) cannot move its cursor");
    }
}
