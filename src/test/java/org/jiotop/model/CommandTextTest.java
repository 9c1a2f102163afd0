package org.jiotop.model;

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
    void hostileBytesAreEscapedAndCutLinesMarked() {
        byte[] cmd = {0x1b, ']', '0', ';', 'x', 0x07, 'e', 0, (byte) 0xff, 0};
        assertThat(CommandText.of(cmd, b("e"), b("e\u001b[2J"), true)).isEqualTo("\\x1b]0;x\\x07e \\xff... [e\\x1b[2J]");
    }
}
