package org.jiotop.linux;

/**
 * An I/O scheduling priority: a class (real-time, best-effort, idle) and a level 0..7 (0 is the
 * highest). {@link #UNKNOWN} stands for a priority that could not be read.
 */
public record IoPriority(int ioClass, int level) {
    public static final int CLASS_NONE = 0;
    public static final int CLASS_RT = 1;
    public static final int CLASS_BE = 2;
    public static final int CLASS_IDLE = 3;
    public static final IoPriority UNKNOWN = new IoPriority(-1, 0);

    /** Decodes the kernel's {@code class << 13 | data} form. */
    public static IoPriority fromKernel(int value) {
        return new IoPriority((value >> 13) & 0x7, value & 0x1fff);
    }

    public int toKernel() {
        return ioClass << 13 | level;
    }

    // Written out: a record's generated equals and hashCode link through invokedynamic on first
    // use, about 20 ms of interpreted CPU, which the first process row of a refresh would pay.
    @Override
    public boolean equals(Object o) {
        return o instanceof IoPriority p && p.ioClass == ioClass && p.level == level;
    }

    @Override
    public int hashCode() {
        return 31 * ioClass + level;
    }
}
