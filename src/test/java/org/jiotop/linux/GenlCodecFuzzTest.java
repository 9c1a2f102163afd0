package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutation fuzzing of the reply decoder: captured and synthetic replies with random bytes flipped,
 * lengths rewritten and tails cut. The decoder must never throw and never report more replies
 * than could fit. Seeded, so a failure reproduces.
 */
class GenlCodecFuzzTest {
    static final int CASES = 50_000;

    @Test
    void mutatedRepliesNeverThrow() {
        TaskstatsLayout l = TaskstatsLayout.forVersion(16);
        List<byte[]> seeds = List.of(
                ReplyBytes.fixture("v16-pid-reply.hex"),
                ReplyBytes.fixture("v16-tgid-reply.hex"),
                ReplyBytes.fixture("esrch-reply.hex"),
                ReplyBytes.message(1, false, 5, ReplyBytes.struct(560, 15, TaskstatsLayout.forVersion(15),
                        1, 2, 3, 4, 5, 6, 7), 2),
                ReplyBytes.concat(ReplyBytes.error(3, 3), ReplyBytes.message(4, true, 9,
                        ReplyBytes.struct(432, 14, l, 1, 2, 3, 4, 5, 6, 7), 1)));
        SplittableRandom random = new SplittableRandom(20261126);
        List<NetlinkReply> out = new ArrayList<>();
        int decoded = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] b = seeds.get(random.nextInt(seeds.size())).clone();
            int edits = 1 + random.nextInt(6);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(b.length);
                switch (random.nextInt(4)) {
                    case 0 -> b[at] = (byte) random.nextInt(256);
                    case 1 -> b[at] ^= (byte) (1 << random.nextInt(8));
                    case 2 -> { // rewrite a 16-bit length-like field near an attribute header
                        int v = random.nextInt(3) == 0 ? 0 : random.nextInt(0x10000);
                        b[at & ~1] = (byte) v;
                        if ((at | 1) < b.length) {
                            b[at | 1] = (byte) (v >> 8);
                        }
                    }
                    default -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length + 1));
                }
                if (b.length == 0) {
                    break;
                }
            }
            out.clear();
            GenlCodec.decode(MemorySegment.ofArray(b), b.length, ReplyBytes.FAMILY, out);
            assertThat(out.size()).isLessThanOrEqualTo(b.length / GenlCodec.NLMSG_HDRLEN);
            for (NetlinkReply r : out) {
                if (r instanceof NetlinkReply.Stats) {
                    decoded++;
                }
            }
        }
        // The mutations must leave many replies decodable, or the fuzzing tests only the first check.
        assertThat(decoded).isGreaterThan(CASES / 10);
    }
}
