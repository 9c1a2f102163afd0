package org.jiotop.cli;

/** The text of {@code --help} and {@code --version}. */
final class Help {
    static final String VERSION = "jiotop 0.1.0";

    private Help() {
    }

    static String text() {
        return """
                Usage: jiotop [OPTIONS]

                DISK READ and DISK WRITE are the block I/O bandwidth used during the sampling
                period. SWAPIN and IO are the percentages of time the thread spent respectively
                while swapping in and waiting on I/O more generally. PRIO is the I/O priority
                at which the thread is running (set using the ionice command).

                Options:
                  --version             show the version and exit
                  -h, --help            show this help and exit
                  -o, --only            only show processes or threads actually doing I/O
                  -b, --batch           non-interactive mode (the only mode in this version)
                  -n NUM, --iter=NUM    number of reports before ending [until interrupted]
                  -d SEC, --delay=SEC   seconds between reports, fractions allowed [1]
                  -p PID, --pid=PID     threads to monitor, or whole processes with -P; repeatable [all]
                  -u USER, --user=USER  users (name or uid) to monitor; repeatable [all]
                  -P, --processes       one row per process, with the I/O of all its threads
                  -a, --accumulated     show I/O accumulated since first seen instead of bandwidth
                  -k, --kilobytes       use kilobytes instead of a human friendly unit
                  -t, --time            add a timestamp on each line (implies --batch)
                  -q, --quiet           suppress some lines of header (implies --batch):
                                        -q titles once, -qq no titles, -qqq no summary either
                  --no-help             accepted for compatibility (the live view's key help)
                  --keep-exited=N       reports an exited task stays listed after exiting [3];
                                        with -a, tasks that did I/O stay for good
                  --exit-buffer=KIB     socket buffer for the kernel's exit reports [8192]

                The first report comes after one full interval, so every figure is a real rate.
                Tasks that exit are accounted from the kernel's exit reports and marked <exited>.
                Needs root or the CAP_NET_ADMIN capability (the kernel's taskstats interface).
                Exit status: 0 done, 1 cannot run (privileges, kernel, unknown user), 2 bad option.
                """;
    }
}
