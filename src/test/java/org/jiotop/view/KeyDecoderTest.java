package org.jiotop.view;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;

import static org.assertj.core.api.Assertions.assertThat;

class KeyDecoderTest {
    private static Key decode(String bytes) {
        Deque<Integer> rest = new ArrayDeque<>();
        bytes.chars().forEach(rest::add);
        int first = rest.poll();
        return KeyDecoder.decode(first, () -> rest.isEmpty() ? KeyDecoder.TIMEOUT : rest.poll());
    }

    @Test
    void arrowsInBothCursorModes() {
        assertThat(decode("\u001b[A").kind()).isEqualTo(Key.Kind.UP);
        assertThat(decode("\u001b[B").kind()).isEqualTo(Key.Kind.DOWN);
        assertThat(decode("\u001bOC").kind()).isEqualTo(Key.Kind.RIGHT);
        assertThat(decode("\u001bOD").kind()).isEqualTo(Key.Kind.LEFT);
        assertThat(decode("\u001b[1;5C").kind()).isEqualTo(Key.Kind.RIGHT);
    }

    @Test
    void pagingAndHomeEnd() {
        assertThat(decode("\u001b[5~").kind()).isEqualTo(Key.Kind.PAGE_UP);
        assertThat(decode("\u001b[6~").kind()).isEqualTo(Key.Kind.PAGE_DOWN);
        assertThat(decode("\u001b[H").kind()).isEqualTo(Key.Kind.HOME);
        assertThat(decode("\u001b[1~").kind()).isEqualTo(Key.Kind.HOME);
        assertThat(decode("\u001bOF").kind()).isEqualTo(Key.Kind.END);
        assertThat(decode("\u001b[4~").kind()).isEqualTo(Key.Kind.END);
    }

    @Test
    void plainKeysEscapeAndUnknownSequences() {
        assertThat(decode("q")).isEqualTo(Key.ch('q'));
        assertThat(decode("\r").kind()).isEqualTo(Key.Kind.ENTER);
        assertThat(decode("\u007f").kind()).isEqualTo(Key.Kind.BACKSPACE);
        assertThat(decode("\u001b").kind()).isEqualTo(Key.Kind.ESCAPE);
        assertThat(decode("\u001bx").kind()).isEqualTo(Key.Kind.UNKNOWN);
        assertThat(decode("\u001b[99~").kind()).isEqualTo(Key.Kind.UNKNOWN);
        assertThat(decode("\u001b[").kind()).isEqualTo(Key.Kind.UNKNOWN);
        assertThat(decode("\u0003").is(Key.CTRL_C)).isTrue();
    }
}
