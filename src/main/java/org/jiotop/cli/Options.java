package org.jiotop.cli;

import org.jiotop.model.SortKey;

import java.util.List;
import java.util.Set;

/**
 * The parsed command line. {@code iterations} is -1 for "until interrupted"; {@code delaySeconds}
 * is the interval between reports; {@code pids} and {@code users} are empty for "all";
 * {@code keepExited} is how many reports an exited task stays listed after the one it exited in;
 * {@code exitBufferKiB} sizes the socket buffer for the kernel's exit reports; {@code hidden}
 * holds the numbers (1..9) of the live view's hidden columns; {@code filter} is a regular
 * expression over TID and command line, or null; {@code sort} the live view's sort column (null:
 * the default) and {@code reverse} whether to turn its order around; {@code format} is text, json
 * or csv; {@code serve} the exporter's [ADDR:]PORT, or null.
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
        boolean accumulatedBandwidth,
        boolean kilobytes,
        boolean time,
        int quiet,
        boolean noHelp,
        int keepExited,
        int exitBufferKiB,
        boolean fullCommand,
        Set<Integer> hidden,
        boolean si,
        int threshold,
        boolean noColor,
        boolean ascii,
        String filter,
        boolean useConfig,
        SortKey sort,
        boolean reverse,
        String format,
        String serve,
        boolean exportPids,
        int exportPidsMax,
        String serveAuth,
        String serveTls) {
}
