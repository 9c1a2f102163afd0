package org.jiotop.linux;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The system-call table and the open(2) flags, against the kernel's own headers. */
class SyscallTableTest {
    private static final Pattern DEFINE = Pattern.compile("^#define\\s+(\\w+)\\s+(\\w+)", Pattern.MULTILINE);

    /** The first header of {@code candidates} that is installed, or null. */
    private static Path installed(String... candidates) {
        for (String c : candidates) {
            if (Files.isRegularFile(Path.of(c))) {
                return Path.of(c);
            }
        }
        return null;
    }

    /** Every {@code #define NAME VALUE} of a header, the value resolved through other such names. */
    private static Map<String, Long> defines(Path header) throws IOException {
        Map<String, String> raw = new HashMap<>();
        Matcher m = DEFINE.matcher(Files.readString(header));
        while (m.find()) {
            raw.putIfAbsent(m.group(1), m.group(2));
        }
        Map<String, Long> values = new HashMap<>();
        for (String name : raw.keySet()) {
            String v = raw.get(name);
            for (int depth = 0; depth < 4 && raw.containsKey(v); depth++) {
                v = raw.get(v);
            }
            if (v.matches("0[0-7]*")) {
                values.put(name, Long.parseLong(v, 8));
            } else if (v.matches("[1-9][0-9]*")) {
                values.put(name, Long.parseLong(v));
            }
        }
        return values;
    }

    private static void assertNumbers(Arch arch, Path header) throws IOException {
        assumeTrue(header != null, "the kernel's " + arch.kernelName() + " system-call header is not installed");
        Map<String, Long> numbers = defines(header);
        for (Syscall call : Syscall.values()) {
            assertThat(call.on(arch)).as(call + " on " + arch + " in " + header)
                    .isEqualTo(numbers.get("__NR_" + call.name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    @Test
    void x86_64NumbersAreTheKernels() throws IOException {
        assertNumbers(Arch.X86_64, installed("/usr/include/x86_64-linux-gnu/asm/unistd_64.h",
                "/usr/include/asm/unistd_64.h"));
    }

    @Test
    void aarch64NumbersAreTheKernels() throws IOException {
        // arm64's asm/unistd.h is the generic table.
        assertNumbers(Arch.AARCH64, installed("/usr/include/asm-generic/unistd.h"));
    }

    @Test
    void openDirectoryFlagIsTheKernels() throws IOException {
        Path generic = installed("/usr/include/asm-generic/fcntl.h");
        assumeTrue(generic != null, "asm-generic/fcntl.h is not installed");
        Map<Arch, List<String>> own = Map.of(
                Arch.X86_64, List.of("/usr/include/x86_64-linux-gnu/asm/fcntl.h", "/usr/include/asm/fcntl.h"),
                Arch.AARCH64, List.of("/usr/include/aarch64-linux-gnu/asm/fcntl.h"));
        int checked = 0;
        for (Map.Entry<Arch, List<String>> e : own.entrySet()) {
            Path header = installed(e.getValue().toArray(String[]::new));
            if (header == null) {
                continue;
            }
            // An architecture's header defines its own value first, then includes the generic one.
            Long value = defines(header).getOrDefault("O_DIRECTORY", defines(generic).get("O_DIRECTORY"));
            assertThat((long) e.getKey().openDirectory()).as(e.getKey() + " in " + header).isEqualTo(value);
            checked++;
        }
        assumeTrue(checked > 0, "no architecture's asm/fcntl.h is installed");
    }

    @Test
    void openFlagsAndPathMaxAreTheKernels() throws IOException {
        Path generic = installed("/usr/include/asm-generic/fcntl.h");
        Path limits = installed("/usr/include/linux/limits.h");
        assumeTrue(generic != null && limits != null, "asm-generic/fcntl.h and linux/limits.h");
        Map<String, Long> flags = defines(generic);
        assertThat((long) Libc.O_NONBLOCK).isEqualTo(flags.get("O_NONBLOCK"));
        assertThat((long) Libc.O_CLOEXEC).isEqualTo(flags.get("O_CLOEXEC"));
        assertThat((long) Libc.PATH_MAX).isEqualTo(defines(limits).get("PATH_MAX"));
        // Libc's flags are the same on both: no architecture's header redefines them.
        for (String own : List.of("/usr/include/x86_64-linux-gnu/asm/fcntl.h", "/usr/include/asm/fcntl.h",
                "/usr/include/aarch64-linux-gnu/asm/fcntl.h")) {
            Path header = installed(own);
            if (header != null) {
                assertThat(defines(header)).as(own).doesNotContainKeys("O_NONBLOCK", "O_CLOEXEC");
            }
        }
    }

    @Test
    void osArchNamesMapToArchitectures() {
        assertThat(Arch.of("amd64")).isEqualTo(Arch.X86_64);
        assertThat(Arch.of("x86_64")).isEqualTo(Arch.X86_64);
        assertThat(Arch.of("aarch64")).isEqualTo(Arch.AARCH64);
        assertThat(Arch.of("riscv64")).isNull();
        assertThat(Arch.of("x86")).isNull();
        assertThat(Arch.of(null)).isNull();
    }

    @Test
    void thisMachineIsSupportedAndItsNumbersAreInUse() {
        Arch here = Arch.of(System.getProperty("os.arch"));
        assertThat(here).isNotNull();
        for (Syscall call : Syscall.values()) {
            assertThat(call.number).as(call.name()).isEqualTo(call.on(here));
        }
    }
}
