package org.jiotop.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --export-by}: which labels, in which order, and what it refuses. */
class ExportLabelTest {
    private static List<String> labels(String... args) throws UsageException {
        List<String> all = new java.util.ArrayList<>(List.of("--serve", "0"));
        all.addAll(List.of(args));
        Options o = OptionParser.parse(all.toArray(String[]::new));
        return ExportLabel.labelNames(ExportLabel.parse(o.text(Option.EXPORT_BY)));
    }

    @Test
    void theDefaultIsCommandAndUser() throws UsageException {
        assertThat(labels()).containsExactly("command", "user");
    }

    @Test
    void labelsComeInOneOrderWhateverOrderTheyAreGivenIn() throws UsageException {
        assertThat(labels("--export-by=pod,container,user,unit,command"))
                .containsExactly("command", "user", "unit", "namespace", "pod", "container");
        assertThat(labels("--export-by", "container")).containsExactly("container");
    }

    @Test
    void unknownRepeatedAndEmptyWordsAreRefused() {
        assertThatThrownBy(() -> labels("--export-by=user,host")).isInstanceOf(UsageException.class)
                .hasMessage("option --export-by: invalid value: 'host' (want command, user, unit, pod, container)");
        assertThatThrownBy(() -> labels("--export-by=user,user")).isInstanceOf(UsageException.class)
                .hasMessage("option --export-by: 'user' given twice");
        assertThatThrownBy(() -> labels("--export-by=")).isInstanceOf(UsageException.class);
    }
}
