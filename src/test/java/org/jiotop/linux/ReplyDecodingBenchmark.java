package org.jiotop.linux;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decoding one receive buffer of 64 taskstats replies (what one recv() returns under a batched
 * query): into the reusable columns the scanner uses, and into one record per reply as the exit
 * listener does. Run with bench/jmh.sh; the launcher's JVM flags (C1 only) are used by default.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"})
public class ReplyDecodingBenchmark {
    private static final int REPLIES = 64;

    private MemorySegment segment;
    private byte[] bytes;
    private int length;
    private final TaskCounters counters = new TaskCounters();
    private final Columns columns = new Columns();

    /** Puts reply {@code seq} into row {@code seq}, as TaskstatsSocket's sink does. */
    private final class Columns implements GenlCodec.Sink {
        @Override
        public void stats(int seq, boolean tgid, int id, byte[] buf, int struct, int len, TaskstatsLayout l) {
            counters.set(seq, id, buf, struct, l, 0);
        }

        @Override
        public void error(int seq, int errno) {
        }

        @Override
        public void malformed(int seq, String why) {
        }
    }

    @Setup
    public void setUp() {
        TaskstatsLayout layout = TaskstatsLayout.forVersion(16);
        byte[][] messages = new byte[REPLIES][];
        for (int i = 0; i < REPLIES; i++) {
            byte[] struct = ReplyBytes.struct(432, 16, layout, 1000, 5_000_000L + i, 0, 0, 4096L * i, 8192L * i, 0);
            messages[i] = ReplyBytes.message(i, false, 1000 + i, struct, 1);
        }
        byte[] datagram = ReplyBytes.concat(messages);
        segment = MemorySegment.ofArray(datagram);
        bytes = datagram;
        length = datagram.length;
        counters.reset(REPLIES);
    }

    @Benchmark
    public long intoColumns() {
        GenlCodec.decode(bytes, 0, length, ReplyBytes.FAMILY, columns);
        return counters.writeBytes(REPLIES - 1);
    }

    @Benchmark
    public void intoRecords(Blackhole hole) {
        List<NetlinkReply> out = new ArrayList<>(REPLIES);
        GenlCodec.decode(segment, length, ReplyBytes.FAMILY, out);
        hole.consume(out);
    }
}
