package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ProcParsersTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static ProcessIo io(String s) {
        byte[] t = b(s);
        return ProcParsers.parseIo(t, t.length);
    }

    @Test
    void statFieldsAreCountedFromTheLastParenthesis() {
        byte[] t = b("42 (a) b (c) d) R 7 42 42 0 -1 4194560 1 2 3 4 5 6 7 8 20 0 1 0 9876 0 0\n");
        assertThat(ProcParsers.parseStatField(t, t.length, 4)).isEqualTo(7);
        assertThat(ProcParsers.parseStatField(t, t.length, 22)).isEqualTo(9876);
        assertThat(ProcParsers.parseStatField(t, t.length, 42)).isEqualTo(-1);
        assertThat(ProcParsers.parseStatField(t, t.length, 8)).isEqualTo(-1); // tty_pgrp -1 is no count
        byte[] cut = b("42 (no end");
        assertThat(ProcParsers.parseStatField(cut, cut.length, 4)).isEqualTo(-1);
    }

    @Test
    void statusUidIsTheRealOne() {
        byte[] t = b("Name:\tx\nUid:\t1000\t0\t0\t0\nGid:\t5\n");
        assertThat(ProcParsers.parseStatusUid(t, t.length)).isEqualTo(1000);
        byte[] none = b("Name:\tx\n");
        assertThat(ProcParsers.parseStatusUid(none, none.length)).isEqualTo(-1);
    }

    @Test
    void ioNeedsAllThreeCounters() {
        assertThat(io("read_bytes: 1\nwrite_bytes: 2\ncancelled_write_bytes: 3")).isEqualTo(new ProcessIo(1, 2, 3));
        assertThat(io("read_bytes: 1\nwrite_bytes: 2\n")).isNull();
        assertThat(io("read_bytes: -1\nwrite_bytes: 2\ncancelled_write_bytes: 3\n")).isNull();
        assertThat(io("read_bytes: 99999999999999999999\nwrite_bytes: 2\ncancelled_write_bytes: 3\n")).isNull();
        assertThat(io("xread_bytes: 1\nwrite_bytes: 2\ncancelled_write_bytes: 3\n")).isNull();
        assertThat(io("")).isNull();
    }

    /** The counters in field order; a missing logical line leaves the chars 0 and the call counts unknown. */
    @Test
    void ioIntoAnArrayHoldsTheFieldsInOrderAndLeavesItAsItWasWhenRefused() {
        long[] into = new long[ProcParsers.IO_COUNTERS];
        byte[] full = b("rchar: 11\nwchar: 12\nsyscr: 13\nsyscw: 14\nread_bytes: 1\nwrite_bytes: 2\n"
                + "cancelled_write_bytes: 3\n");
        assertThat(ProcParsers.parseIo(full, full.length, into)).isTrue();
        assertThat(into).containsExactly(1, 2, 3, 11, 12, 13, 14);
        assertThat(ProcParsers.ioOf(into)).isEqualTo(new ProcessIo(1, 2, 3, new LogicalIo(11, 12, 13, 14)));
        byte[] bytesOnly = b("read_bytes: 4\nwrite_bytes: 5\ncancelled_write_bytes: 6\nsyscr: 7\n");
        assertThat(ProcParsers.parseIo(bytesOnly, bytesOnly.length, into)).isTrue();
        assertThat(into).containsExactly(4, 5, 6, 0, 0, LogicalIo.UNKNOWN_CALLS, LogicalIo.UNKNOWN_CALLS);
        assertThat(ProcParsers.ioOf(into)).isEqualTo(new ProcessIo(4, 5, 6));
        byte[] refused = b("read_bytes: 8\nwrite_bytes: 9\n");
        assertThat(ProcParsers.parseIo(refused, refused.length, into)).isFalse();
        assertThat(into).as("untouched").containsExactly(4, 5, 6, 0, 0, LogicalIo.UNKNOWN_CALLS, LogicalIo.UNKNOWN_CALLS);
    }

    @Test
    void keysMustStartALine() {
        // "pgpgin" inside another line (or a longer key) is not the counter.
        byte[] t = b("xpgpgin 5\npgpgout 6\npgpgin 7\n");
        assertThat(ProcParsers.parseVmstat(t, t.length)).isEqualTo(new VmCounters(7, 6));
    }

    @Test
    void stateIsTheLetterAfterItsKey() {
        byte[] zombie = b("Name:\tdd\nUmask:\t0022\nState:\tZ (zombie)\nTgid:\t7\n");
        assertThat(ProcParsers.parseStatusState(zombie, zombie.length)).isEqualTo('Z');
        byte[] dead = b("State: X (dead)");
        assertThat(ProcParsers.parseStatusState(dead, dead.length)).isEqualTo('X');
        byte[] none = b("XState:\tR\nState:\t\n");
        assertThat(ProcParsers.parseStatusState(none, none.length)).isEqualTo((char) 0);
    }

    @Test
    void ids() {
        assertThat(ProcParsers.parseId("1234")).isEqualTo(1234);
        assertThat(ProcParsers.parseId("self")).isEqualTo(-1);
        assertThat(ProcParsers.parseId("")).isEqualTo(-1);
        assertThat(ProcParsers.parseId("99999999999")).isEqualTo(-1);
        assertThat(ProcParsers.parseId("2147483648")).isEqualTo(-1);
    }

    @Test
    void randomBytesNeverThrowAndNeverGiveNegativeCounters() {
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "read_bytes:write_bytes:cancelled_write_bytes:pgpgin pgpgout Tgid:State:XZ0123456789 \t\n-x";
        for (int i = 0; i < 20_000; i++) {
            byte[] t = new byte[random.nextInt(200)];
            for (int k = 0; k < t.length; k++) {
                t[k] = random.nextInt(4) == 0 ? (byte) random.nextInt(256)
                        : (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
            ProcessIo io = ProcParsers.parseIo(t, t.length);
            if (io != null) {
                assertThat(io.readBytes()).isNotNegative();
                assertThat(io.writeBytes()).isNotNegative();
            }
            VmCounters vm = ProcParsers.parseVmstat(t, t.length);
            if (vm != null) {
                assertThat(vm.pagedInKiB()).isNotNegative();
            }
            assertThat(ProcParsers.parseStatusTgid(t, t.length)).isGreaterThanOrEqualTo(-1);
            char state = ProcParsers.parseStatusState(t, t.length);
            assertThat(state == 0 || (state >= 'A' && state <= 'Z')).isTrue();
            assertThat(ProcParsers.parseNumberFile(t, t.length)).isGreaterThanOrEqualTo(-1);
        }
    }

    @Test
    void directoryEntryNamesAreIdsOnlyWhenAllDigitsAndInRange() {
        for (String[] c : new String[][]{{"4242", "4242"}, {"1", "1"}, {"2147483647", "2147483647"},
                {"2147483648", "-1"}, {"99999999999", "-1"}, {"", "-1"}, {"12a", "-1"}, {"self", "-1"},
                {"-5", "-1"}}) {
            byte[] name = (c[0] + "\0garbage").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(ProcParsers.parseId(name, 0, name.length)).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
            assertThat(ProcParsers.parseId(c[0])).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
        }
    }
}
