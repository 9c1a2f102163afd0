package org.jiotop.linux;

/**
 * Every system call jiotop makes, with its number on each architecture, from the kernel's headers:
 * {@code asm/unistd_64.h} for x86_64 and {@code asm-generic/unistd.h} (which arm64 uses) for
 * aarch64. A test reads both headers where they are installed. The calls are the ones both
 * architectures have: aarch64 has no {@code open} or {@code poll}, so jiotop uses {@code openat}
 * and {@code ppoll} everywhere. The enum's names are the headers' names in capitals.
 */
enum Syscall {
    READ(0, 63),
    PREAD64(17, 67),
    OPENAT(257, 56),
    CLOSE(3, 57),
    GETDENTS64(217, 61),
    PPOLL(271, 73),
    SOCKET(41, 198),
    BIND(49, 200),
    GETSOCKNAME(51, 204),
    SETSOCKOPT(54, 208),
    SENDTO(44, 206),
    RECVFROM(45, 207),
    RECVMMSG(299, 243),
    GETPRIORITY(140, 141),
    SCHED_GETSCHEDULER(145, 120),
    IOPRIO_SET(251, 30),
    IOPRIO_GET(252, 31),
    GETTID(186, 178),
    TGKILL(234, 131),
    GETPGID(121, 155),
    IOCTL(16, 29),
    CLOCK_GETTIME(228, 113),
    PRLIMIT64(302, 261);

    private final long x86_64;
    private final long aarch64;
    /** The number on the machine jiotop runs on. */
    final long number;

    Syscall(long x86_64, long aarch64) {
        this.x86_64 = x86_64;
        this.aarch64 = aarch64;
        this.number = on(Arch.current());
    }

    /** The call's number on {@code arch}. */
    long on(Arch arch) {
        return switch (arch) {
            case X86_64 -> x86_64;
            case AARCH64 -> aarch64;
        };
    }
}
