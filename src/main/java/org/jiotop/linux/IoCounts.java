package org.jiotop.linux;

/**
 * I/O a cgroup's kernel counters hold: bytes and operations read, written and discarded (cgroup
 * v2 {@code rbytes}, {@code wbytes}, {@code rios}, {@code wios}, {@code dbytes}, {@code dios};
 * v1 {@code Read}, {@code Write} and {@code Discard} of {@code blkio.throttle.io_service_bytes}
 * and {@code io_serviced}).
 */
public record IoCounts(long readBytes, long writeBytes, long reads, long writes, long discardBytes, long discards) {
    public static final IoCounts ZERO = new IoCounts(0, 0, 0, 0, 0, 0);

    public IoCounts plus(IoCounts o) {
        return new IoCounts(readBytes + o.readBytes, writeBytes + o.writeBytes, reads + o.reads, writes + o.writes,
                discardBytes + o.discardBytes, discards + o.discards);
    }

    /** What was counted since {@code earlier}: each field at least zero (a cgroup made afresh counts from zero). */
    public IoCounts since(IoCounts earlier) {
        return new IoCounts(Math.max(0, readBytes - earlier.readBytes), Math.max(0, writeBytes - earlier.writeBytes),
                Math.max(0, reads - earlier.reads), Math.max(0, writes - earlier.writes),
                Math.max(0, discardBytes - earlier.discardBytes), Math.max(0, discards - earlier.discards));
    }
}
