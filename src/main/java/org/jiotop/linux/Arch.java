package org.jiotop.linux;

import java.util.Locale;

/**
 * The processor architectures whose system calls jiotop knows. Both are 64-bit and little-endian
 * with the same C type sizes and alignments (LP64), so every structure jiotop shares with the
 * kernel has one layout ({@link KernelLayouts}); what differs is the system-call numbers
 * ({@link Syscall}) and a few {@code open(2)} flags.
 */
public enum Arch {
    // O_DIRECTORY: asm-generic/fcntl.h gives 00200000; arm64's asm/fcntl.h redefines it as 040000
    // (and gives 0200000 to O_DIRECT instead, which /proc refuses).
    X86_64("x86_64", 0200000),
    AARCH64("aarch64", 040000);

    /** How a message names the supported architectures. */
    public static final String SUPPORTED = "x86_64 and aarch64";

    private static final Arch CURRENT = of(System.getProperty("os.arch"));

    private final String kernelName;
    private final int openDirectory;

    Arch(String kernelName, int openDirectory) {
        this.kernelName = kernelName;
        this.openDirectory = openDirectory;
    }

    /**
     * The architecture that {@code os.arch} value names (the JDK says {@code amd64} for x86_64),
     * or null for one whose system calls jiotop does not know.
     */
    public static Arch of(String osArch) {
        return switch (osArch == null ? "" : osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> X86_64;
            case "aarch64", "arm64" -> AARCH64;
            default -> null;
        };
    }

    /**
     * The architecture jiotop runs on. Making a system call anywhere else would run whatever call
     * has that number there, so this refuses: the entry point checks first and says so in words.
     */
    static Arch current() {
        if (CURRENT == null) {
            throw new IllegalStateException("unsupported architecture: " + System.getProperty("os.arch")
                    + " (" + SUPPORTED + " are supported)");
        }
        return CURRENT;
    }

    /** The name the kernel (uname -m) gives the architecture. */
    public String kernelName() {
        return kernelName;
    }

    /** {@code O_DIRECTORY} of {@code open(2)}. */
    int openDirectory() {
        return openDirectory;
    }
}
