package org.jiotop.view;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Random key bytes into the decoder and the key handler: no exception, and the state stays sane. */
class KeyFuzzTest {
    @Test
    void randomKeysNeverBreakTheView() {
        SplittableRandom random = new SplittableRandom(7);
        LiveState state = new LiveState();
        for (int i = 0; i < 50_000; i++) {
            int[] bytes = random.ints(1 + random.nextInt(8), 0, 128).toArray();
            int[] at = {1};
            Key key = KeyDecoder.decode(bytes[0], () -> at[0] < bytes.length ? bytes[at[0]++] : KeyDecoder.TIMEOUT);
            Command c = KeyHandler.handle(state, key, 20, i);
            assertThat(c).isNotNull();
            assertThat(state.scroll).isNotNegative();
        }
    }
}
