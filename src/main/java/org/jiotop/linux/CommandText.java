package org.jiotop.linux;

import java.util.Arrays;

/**
 * The COMMAND column: the command line with its arguments separated by spaces and a leading
 * absolute path cut to its file name; {@code [name]} for kernel threads (no command line); and,
 * for a thread whose name differs from its process's, that name in brackets after it. Every part is
 * escaped with {@link SafeText}.
 *
 * <p>The text is bounded whatever the process put in its arguments (up to the 128 KiB read of
 * them, each byte of which may escape to four characters): a command line longer than
 * {@link #MAX_CHARS} characters keeps its start and its end, {@code ...} between, so that a JVM's
 * class path does not hide its main class. Only the bytes that can reach the result are escaped.
 */
public final class CommandText {
    public static final String GONE = "{no such process}";
    /** The longest command text, in characters, before the middle is cut out. */
    public static final int MAX_CHARS = 1024;
    public static final String CUT = "...";
    private static final int TAIL_CHARS = 256;
    private static final int HEAD_CHARS = MAX_CHARS - TAIL_CHARS - CUT.length();
    /** An escaped byte is at most 4 characters, and a character at least a quarter of a byte. */
    private static final int BYTES_PER_CHAR = 4;
    /** Program names (argv[0]) are shorter than this; a longer one is cut at its end. */
    private static final int MAX_PROGRAM_CHARS = 256;

    private CommandText() {
    }

    /**
     * @param cmdline     the raw NUL-separated command line, or null when it could not be read
     * @param processName the process's raw name (comm)
     * @param threadName  the thread's raw name, or null in process mode
     * @param truncated   the command line was longer than what was read
     */
    public static String of(byte[] cmdline, byte[] processName, byte[] threadName, boolean truncated) {
        return cmdline == null ? GONE : processCommand(cmdline, processName, truncated)
                + threadSuffix(processName, threadName);
    }

    /** The short form of {@link #shortProcessCommand} with the thread's suffix, as in {@link #of}. */
    public static String shortOf(byte[] cmdline, byte[] processName, byte[] threadName) {
        return cmdline == null ? GONE : shortProcessCommand(cmdline, processName)
                + threadSuffix(processName, threadName);
    }

    /** The process's part of {@link #of}: the same for every thread of the process. */
    public static String processCommand(byte[] cmdline, byte[] processName, boolean truncated) {
        int end = cmdline.length;
        while (end > 0 && cmdline[end - 1] == 0) {
            end--;
        }
        if (end == 0) {
            return kernelThread(processName);
        }
        int from = 0;
        if (cmdline[0] == '/') {
            for (int i = 0; i < end && cmdline[i] != 0; i++) {
                if (cmdline[i] == '/') {
                    from = i + 1;
                }
            }
        }
        if (truncated) {
            // The real end was never read: the start, and the mark that there was more.
            return cutAtEnd(arguments(cmdline, from, Math.min(end, from + HEAD_CHARS * BYTES_PER_CHAR)), HEAD_CHARS)
                    .strip() + CUT;
        }
        return bounded(cmdline, from, end, true);
    }

    /**
     * Bytes {@code [from, end)} of {@code b} escaped as {@link #arguments}, in at most
     * {@link #MAX_CHARS} characters: when longer, the start and the end with {@link #CUT} between.
     * With {@code strip}, the spaces at the ends of each part kept are dropped (those of separators
     * a cut left behind); without, the text keeps them (a cgroup path, whose spaces are its own).
     */
    static String bounded(byte[] b, int from, int end, boolean strip) {
        if (end - from <= MAX_CHARS * BYTES_PER_CHAR) {
            String whole = arguments(b, from, end);
            if (strip) {
                whole = whole.strip();
            }
            if (whole.length() <= MAX_CHARS) {
                return whole;
            }
        }
        String head = cutAtEnd(arguments(b, from, Math.min(end, from + HEAD_CHARS * BYTES_PER_CHAR)), HEAD_CHARS);
        int tailFrom = Math.max(from, end - TAIL_CHARS * BYTES_PER_CHAR);
        while (tailFrom < end && (b[tailFrom] & 0xc0) == 0x80) {
            tailFrom++; // not inside a UTF-8 sequence
        }
        String tail = arguments(b, tailFrom, end);
        int tailStart = tail.length() - TAIL_CHARS;
        if (Character.isLowSurrogate(tail.charAt(tailStart))) {
            tailStart++;
        }
        tail = tail.substring(tailStart);
        return strip ? head.strip() + CUT + tail.strip() : head + CUT + tail;
    }

    /**
     * The program's file name (argv[0] without its directory, unless argv[0] is a rewritten title
     * with spaces, such as {@code sshd: root@pts/0}): the process's part of the short form.
     */
    public static String shortProcessCommand(byte[] cmdline, byte[] processName) {
        int argv0End = 0;
        while (argv0End < cmdline.length && cmdline[argv0End] != 0) {
            argv0End++;
        }
        if (argv0End == 0) {
            return hasArguments(cmdline) ? programName(processName) : kernelThread(processName);
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
        int to = Math.min(argv0End, from + MAX_PROGRAM_CHARS * BYTES_PER_CHAR);
        String program = cutAtEnd(SafeText.escape(cmdline, from, to), MAX_PROGRAM_CHARS);
        return program.length() < argv0End - from && program.length() == MAX_PROGRAM_CHARS ? program + CUT : program;
    }

    /** {@code " [name]"} for a thread named otherwise than its process, else empty. */
    public static String threadSuffix(byte[] processName, byte[] threadName) {
        if (threadName != null && processName != null && !Arrays.equals(threadName, processName)) {
            return " [" + SafeText.escape(threadName) + "]";
        }
        return "";
    }

    /**
     * Whether a command line with an empty argv[0] holds anything else: a program that blanked its
     * name, or one started with "" as argv[0], is no kernel thread.
     */
    private static boolean hasArguments(byte[] cmdline) {
        for (byte c : cmdline) {
            if (c != 0) {
                return true;
            }
        }
        return false;
    }

    private static String programName(byte[] processName) {
        return processName == null ? "?" : SafeText.escape(processName);
    }

    private static String kernelThread(byte[] processName) {
        return "[" + programName(processName) + "]";
    }

    /** The arguments in {@code [from, to)}, each escaped, separated by one space. */
    private static String arguments(byte[] cmdline, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        int partStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || cmdline[i] == 0) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(SafeText.escape(cmdline, partStart, i));
                partStart = i + 1;
            }
        }
        return out.toString();
    }

    /** At most {@code chars} characters of {@code s}, never ending inside a surrogate pair. */
    private static String cutAtEnd(String s, int chars) {
        if (s.length() <= chars) {
            return s;
        }
        return s.substring(0, Character.isHighSurrogate(s.charAt(chars - 1)) ? chars - 1 : chars);
    }
}
