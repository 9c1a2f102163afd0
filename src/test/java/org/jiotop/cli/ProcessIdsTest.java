package org.jiotop.cli;

import org.jiotop.linux.ProcFs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessIdsTest {
    private static final ProcFs FIXTURE = new ProcFs(Path.of("src/test/resources/proc"));

    @Test
    void aThreadStandsForItsProcessOnceWithOneNote() {
        ProcessIds ids = ProcessIds.of(List.of(101, 100, 101, 999, 200), FIXTURE);
        assertThat(ids.ids()).containsExactly(100, 999, 200);
        assertThat(ids.notes()).containsExactly("-p 101 is a thread of process 100: showing process 100");
    }

    @Test
    void leadersAndUnknownIdsStayAsGiven() {
        ProcessIds ids = ProcessIds.of(List.of(300, 100, 4242), FIXTURE);
        assertThat(ids.ids()).containsExactly(300, 100, 4242);
        assertThat(ids.notes()).isEmpty();
    }
}
