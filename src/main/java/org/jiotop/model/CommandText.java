package org.jiotop.model;

/**
 * The COMMAND column: the command line with its arguments separated by spaces and a leading
 * absolute path cut to its file name; {@code [name]} for kernel threads (no command line); and,
 * for a thread whose name differs from its process's, that name in brackets after it. Every part is
 * escaped with {@link SafeText}.
 */
public final class CommandText {
    public static final String GONE = "{no such process}";

    private CommandText() {
    }

    /**
     * @param cmdline     the raw NUL-separated command line, or null when it could not be read
     * @param processName the process's raw name (comm)
     * @param threadName  the thread's raw name, or null in process mode
     * @param truncated   the command line was longer than what was read
     */
    public static String of(byte[] cmdline, byte[] processName, byte[] threadName, boolean truncated) {
        String base;
        if (cmdline == null) {
            return GONE;
        }
        int end = cmdline.length;
        while (end > 0 && cmdline[end - 1] == 0) {
            end--;
        }
        if (end == 0) {
            base = "[" + (processName == null ? "?" : SafeText.escape(processName)) + "]";
        } else {
            base = arguments(cmdline, end) + (truncated ? "..." : "");
        }
        if (threadName != null && processName != null && !java.util.Arrays.equals(threadName, processName)) {
            return base + " [" + SafeText.escape(threadName) + "]";
        }
        return base;
    }

    /**
     * The short form: the program's file name (argv[0] without its directory, unless argv[0] is a
     * rewritten title with spaces, such as {@code sshd: root@pts/0}), with the thread's own name
     * in brackets as in {@link #of}.
     */
    public static String shortOf(byte[] cmdline, byte[] processName, byte[] threadName) {
        if (cmdline == null) {
            return GONE;
        }
        int argv0End = 0;
        while (argv0End < cmdline.length && cmdline[argv0End] != 0) {
            argv0End++;
        }
        if (argv0End == 0) {
            return of(new byte[0], processName, threadName, false);
        }
        int from = 0;
        boolean title = false;
        for (int i = 0; i < argv0End; i++) {
            title |= cmdline[i] == ' ';
        }
        for (int i = 0; i < argv0End && !title; i++) {
            if (cmdline[i] == '/' && i + 1 < argv0End) {
                from = i + 1;
            }
        }
        String base = SafeText.escape(cmdline, from, argv0End);
        if (threadName != null && processName != null && !java.util.Arrays.equals(threadName, processName)) {
            return base + " [" + SafeText.escape(threadName) + "]";
        }
        return base;
    }

    private static String arguments(byte[] cmdline, int end) {
        int argv0End = 0;
        while (argv0End < end && cmdline[argv0End] != 0) {
            argv0End++;
        }
        int from = 0;
        if (cmdline[0] == '/') {
            for (int i = 0; i < argv0End; i++) {
                if (cmdline[i] == '/') {
                    from = i + 1;
                }
            }
        }
        StringBuilder out = new StringBuilder(end - from);
        int partStart = from;
        for (int i = from; i <= end; i++) {
            if (i == end || cmdline[i] == 0) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(SafeText.escape(cmdline, partStart, i));
                partStart = i + 1;
            }
        }
        return out.toString().strip();
    }
}
