package org.jiotop.model;

import org.jiotop.linux.CommandText;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random command lines and names, with escape sequences, NULs, invalid UTF-8 and format
 * characters mixed in: the COMMAND text never holds a control or invisible format character and
 * never throws. Seeded, so a failure reproduces.
 */
class HostileInputFuzzTest {
    private static final byte[][] NASTY = {
            "\u001b[2J".getBytes(), "\u001b]0;title\u0007".getBytes(), {(byte) 0xe2, (byte) 0x80, (byte) 0xae},
            {(byte) 0xc2, (byte) 0x9b}, {(byte) 0xff}, {(byte) 0xf0, (byte) 0x9f}, {0}, {'\n'}, {'\r'}, {'/'}};

    private static byte[] hostile(SplittableRandom random, int max) {
        byte[] out = new byte[random.nextInt(max)];
        int i = 0;
        while (i < out.length) {
            if (random.nextInt(3) == 0) {
                byte[] n = NASTY[random.nextInt(NASTY.length)];
                for (int k = 0; k < n.length && i < out.length; k++) {
                    out[i++] = n[k];
                }
            } else {
                out[i++] = (byte) random.nextInt(256);
            }
        }
        return out;
    }

    private static void assertPrintable(String s) {
        s.codePoints().forEach(cp -> {
            assertThat(Character.isISOControl(cp)).as("U+%04X in %s", cp, s).isFalse();
            assertThat(Character.getType(cp)).as("U+%04X in %s", cp, s).isNotEqualTo((int) Character.FORMAT);
        });
    }

    @Test
    void commandTextIsAlwaysPrintable() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] cmdline = hostile(random, 80);
            byte[] name = hostile(random, 16);
            byte[] thread = random.nextBoolean() ? hostile(random, 16) : null;
            assertPrintable(CommandText.of(cmdline, name, thread, random.nextBoolean()));
            assertPrintable(CommandText.shortOf(cmdline, name, thread));
        }
    }

    @Test
    void hundredKilobyteArgumentsStayOneLine() {
        byte[] big = new byte[100 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        big[500] = '\n';
        big[600] = 0x1b;
        big[big.length - 50] = '\n';
        String text = CommandText.of(big, "a".getBytes(), null, false);
        // Cut to its start and end; the newlines and the ESC in both parts are escaped.
        assertThat(text).doesNotContain("\n").hasSize(CommandText.MAX_CHARS).contains("a\\x0aa", "a\\x1ba")
                .endsWith("\\x0a" + "a".repeat(49));
        assertPrintable(text);
    }
}
