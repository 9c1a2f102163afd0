package org.jiotop.cli;

import java.util.List;

/**
 * The parsed command line. {@code iterations} is -1 for "until interrupted"; {@code delaySeconds}
 * is the interval between reports; {@code pids} and {@code users} are empty for "all";
 * {@code keepExited} is how many reports an exited task stays listed after the one it exited in;
 * {@code exitBufferKiB} sizes the socket buffer for the kernel's exit reports.
 */
record Options(
        boolean help,
        boolean version,
        boolean only,
        boolean batch,
        long iterations,
        double delaySeconds,
        List<Integer> pids,
        List<String> users,
        boolean processes,
        boolean accumulated,
        boolean kilobytes,
        boolean time,
        int quiet,
        boolean noHelp,
        int keepExited,
        int exitBufferKiB) {
}
