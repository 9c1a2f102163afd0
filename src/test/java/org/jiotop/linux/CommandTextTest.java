package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CommandTextTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void absoluteArgv0IsCutToItsFileName() {
        assertThat(CommandText.of(b("/usr/bin/python3\0load.py\0001500\0"), b("python3"), null, false))
                .isEqualTo("python3 load.py 1500");
        assertThat(CommandText.of(b("sshd: root@pts/0\0\0"), b("sshd"), null, false)).isEqualTo("sshd: root@pts/0");
    }

    @Test
    void threadWithItsOwnNameGetsItInBrackets() {
        byte[] cmd = b("/usr/bin/python3\0load.py\0001500\0");
        assertThat(CommandText.of(cmd, b("python3"), b("rdthread"), false)).isEqualTo("python3 load.py 1500 [rdthread]");
        assertThat(CommandText.of(cmd, b("python3"), b("python3"), false)).isEqualTo("python3 load.py 1500");
    }

    @Test
    void kernelThreadsAndVanishedTasks() {
        assertThat(CommandText.of(new byte[0], b("kworker/0:1"), null, false)).isEqualTo("[kworker/0:1]");
        assertThat(CommandText.of(null, null, null, false)).isEqualTo(CommandText.GONE);
    }

    @Test
    void anEmptyArgv0BeforeArgumentsIsNoKernelThread() {
        byte[] cmd = b("\0-c\0import time\0");
        assertThat(CommandText.shortOf(cmd, b("python3"), null)).isEqualTo("python3");
        assertThat(CommandText.of(cmd, b("python3"), null, false)).isEqualTo("-c import time");
        assertThat(CommandText.shortOf(b("\0\0\0"), b("kthreadd"), null)).isEqualTo("[kthreadd]");
    }

    @Test
    void hostileBytesAreEscapedAndCutLinesMarked() {
        byte[] cmd = {0x1b, ']', '0', ';', 'x', 0x07, 'e', 0, (byte) 0xff, 0};
        assertThat(CommandText.of(cmd, b("e"), b("e\u001b[2J"), true)).isEqualTo("\\x1b]0;x\\x07e \\xff... [e\\x1b[2J]");
    }

    @Test
    void longCommandLinesKeepTheirStartAndEndWithinTheBound() {
        String classPath = "/opt/lib/a.jar:".repeat(2000);
        byte[] cmd = b("/usr/bin/java\0-cp\0" + classPath + "\0org.example.Main\0--port=9\0");
        String text = CommandText.of(cmd, b("java"), b("worker-1"), false);
        assertThat(text).startsWith("java -cp /opt/lib/a.jar:").endsWith("org.example.Main --port=9 [worker-1]")
                .contains(CommandText.CUT);
        assertThat(CommandText.processCommand(cmd, b("java"), false)).hasSize(CommandText.MAX_CHARS);
    }

    @Test
    void escapedBytesAreBoundedToo() {
        byte[] ff = new byte[128 * 1024];
        java.util.Arrays.fill(ff, (byte) 0xff);
        ff[0] = 'x';
        String text = CommandText.processCommand(ff, b("x"), false);
        assertThat(text).hasSizeLessThanOrEqualTo(CommandText.MAX_CHARS).startsWith("x\\xff").endsWith("\\xff");
        assertThat(CommandText.shortProcessCommand(ff, b("x"))).hasSizeLessThanOrEqualTo(256 + CommandText.CUT.length());
        // Read to the limit: the true end was never seen, so only the start and the mark.
        assertThat(CommandText.processCommand(ff, b("x"), true)).endsWith("\\xff" + CommandText.CUT)
                .hasSizeLessThanOrEqualTo(CommandText.MAX_CHARS);
    }

    @Test
    void cutsNeverSplitACharacter() {
        String wide = "\u6f22\u5b57".repeat(2000) + "\ud83d\ude00".repeat(300);
        String text = CommandText.processCommand(b("app\0" + wide + "\0"), b("app"), false);
        assertThat(text).hasSizeLessThanOrEqualTo(CommandText.MAX_CHARS);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(Character.isLowSurrogate(text.charAt(i + 1))).as("pair at %d", i).isTrue();
            } else if (Character.isLowSurrogate(c)) {
                assertThat(Character.isHighSurrogate(text.charAt(i - 1))).as("pair at %d", i).isTrue();
            }
        }
        assertThat(text).startsWith("app \u6f22").endsWith("\ud83d\ude00");
    }

    @Test
    void shortCommandLinesAreWhole() {
        String args = "x".repeat(CommandText.MAX_CHARS - 4);
        assertThat(CommandText.of(b("/bin/sh\0" + args + "\0"), b("sh"), null, false)).isEqualTo("sh " + args);
    }
}
