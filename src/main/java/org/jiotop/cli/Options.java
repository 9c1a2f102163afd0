package org.jiotop.cli;

import java.util.List;

/**
 * The parsed command line. {@code iterations} is -1 for "until interrupted"; {@code delaySeconds}
 * is the interval between reports; {@code pids} and {@code users} are empty for "all".
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
        boolean noHelp) {
}
