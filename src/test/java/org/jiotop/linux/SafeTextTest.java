package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTest {
    private static String esc(String s) {
        return SafeText.escape(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plainAndUnicodeTextPassThrough() {
        assertThat(esc("python3 load.py 1500")).isEqualTo("python3 load.py 1500");
        assertThat(esc("café 日本 🚀")).isEqualTo("café 日本 🚀");
    }

    @Test
    void controlCharactersAreEscaped() {
        assertThat(esc("\u001b[31mred\u0007\n\t\u007f")).isEqualTo("\\x1b[31mred\\x07\\x0a\\x09\\x7f");
        assertThat(esc("a\u0085b\u009bc")).isEqualTo("a\\u0085b\\u009bc");
    }

    @Test
    void invisibleReorderingCharactersAreEscaped() {
        assertThat(esc("\u202ecod.exe\u200b\u2066")).isEqualTo("\\u202ecod.exe\\u200b\\u2066");
        assertThat(esc("a\u2028b")).isEqualTo("a\\u2028b");
    }

    @Test
    void invalidUtf8BecomesHexBytes() {
        byte[] bad = {'a', (byte) 0xff, (byte) 0xc3, 'b', (byte) 0xe2, (byte) 0x82, (byte) 0xc0, (byte) 0xaf,
                (byte) 0xed, (byte) 0xa0, (byte) 0x80, (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80};
        assertThat(SafeText.escape(bad))
                .isEqualTo("a\\xff\\xc3b\\xe2\\x82\\xc0\\xaf\\xed\\xa0\\x80\\xf4\\x90\\x80\\x80");
    }

    @Test
    void leadBytesNoUtf8SequenceStartsWithAreHexBytes() {
        // F8 to FF started the 5- and 6-byte forms of old; the low bits of F9 or FC would still make a code point.
        byte[] bad = {(byte) 0xf9, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0xfc, (byte) 0x8f, (byte) 0xbf,
                (byte) 0xbf, (byte) 0xfb, (byte) 0xbf, (byte) 0xbf, (byte) 0xbf, (byte) 0xbf};
        assertThat(SafeText.escape(bad)).isEqualTo("\\xf9\\x80\\x80\\x80\\xfc\\x8f\\xbf\\xbf\\xfb\\xbf\\xbf\\xbf\\xbf");
    }

    @Test
    void noOutputEverHoldsAControlCharacter() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[random.nextInt(40)];
            random.nextBytes(b);
            String s = SafeText.escape(b);
            s.codePoints().forEach(cp -> {
                assertThat(Character.isISOControl(cp)).as("code point %x in %s", cp, s).isFalse();
                assertThat(Character.getType(cp)).isNotEqualTo((int) Character.FORMAT);
            });
        }
    }
}
