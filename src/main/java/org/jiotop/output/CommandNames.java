package org.jiotop.output;

/**
 * Program names as the exporter labels them. Some names change while the program runs or name a
 * thing of the moment rather than a program, and each would otherwise become a series of its own:
 * <ul>
 * <li>{@code kworker/…} is {@code kworker}: the suffix tells the CPU, the pool and the work item
 * being run, and changes all the time ({@code kworker/u8:1-events_unbound});</li>
 * <li>a kernel thread's per-CPU or per-interrupt suffix, a {@code /} followed by a digit, is
 * dropped ({@code ksoftirqd/3}, {@code migration/0}, {@code irq/45-nvme0q1}); a suffix naming a
 * device stays ({@code jbd2/sda1-8});</li>
 * <li>{@code memfd:…} is {@code memfd:}: a program run from an anonymous memory file is named
 * after the file, a name its runner picks afresh each time.</li>
 * </ul>
 */
public final class CommandNames {
    private CommandNames() {
    }

    public static String normalise(String name) {
        if (name.startsWith("kworker/")) {
            return "kworker";
        }
        if (name.startsWith("memfd:")) {
            return "memfd:";
        }
        int slash = name.indexOf('/');
        if (slash > 0 && slash + 1 < name.length() && Character.isDigit(name.charAt(slash + 1))) {
            return name.substring(0, slash);
        }
        return name;
    }
}
