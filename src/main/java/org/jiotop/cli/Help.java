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
                  -b, --batch           non-interactive mode
                  -n NUM, --iter=NUM    number of reports (refreshes) before ending [until interrupted]
                  -d SEC, --delay=SEC   seconds between reports, fractions allowed [1]
                  -p PID, --pid=PID     threads to monitor, or whole processes with -P; repeatable [all]
                  -u USER, --user=USER  users (name or uid) to monitor; repeatable [all]
                  -P, --processes       one row per process, with the I/O of all its threads
                  -a, --accumulated     show I/O accumulated since first seen instead of bandwidth
                  -A, --accum-bw        show I/O accumulated since first seen, per second
                  -k, --kilobytes       use kilobytes instead of a human friendly unit
                  --si                  units of 1000 bytes instead of 1024
                  --threshold=N         switch to the next unit at N times it, 1 to 10 [2]
                  -t, --time            add a timestamp on each line (implies --batch)
                  -q, --quiet           suppress some lines of header (implies --batch):
                                        -q titles once, -qq no titles, -qqq no summary either
                  --filter=REGEX        only tasks whose TID or command line matches REGEX
                                        (command lines are cut to 1,024 characters)
                  --keep-exited=N       reports an exited task stays listed after exiting [3];
                                        with -a or -A, tasks that did I/O stay for good
                  --exit-buffer=KIB     socket buffer for the kernel's exit reports [8192]
                  --format=FORMAT       batch output: text, json (JSON Lines) or csv [text]
                  --serve [ADDR:]PORT   serve Prometheus metrics on ADDR:PORT [ADDR 127.0.0.1]
                  --export-pids         with --serve: also one series per process
                  --export-pids-max=N   with --export-pids: at most N processes [500]
                  --serve-auth=USER:FILE   with --serve: basic auth, the password in FILE
                  --serve-tls=KEYSTORE:FILE  with --serve: HTTPS, PKCS#12 key store, password in FILE
                  --use-config          apply the live view's saved settings in batch mode too
                Live view only:
                  -c, --fullcmdline     full command lines instead of program names
                  -1 ... -9             hide a column: 1 TID, 2 PRIO, 3 USER, 4 READ, 5 WRITE,
                                        6 SWAPIN, 7 IO, 9 COMMAND (also --hide-pid, --hide-prio,
                                        --hide-user, --hide-read, --hide-write, --hide-swapin,
                                        --hide-io, --hide-command)
                  --sort=COLUMN         tid, prio, user, read, write, swapin, io or command [io]
                  --reverse             the other sort order
                  --no-color            no colours (also when NO_COLOR is set and not empty)
                  --ascii               ASCII sort markers instead of \u25bd and \u25b3
                  --no-help             hide the key help at the bottom

                Without -b on a terminal, jiotop shows a live view (h or ? there lists the keys);
                its settings saved with W live in $XDG_CONFIG_HOME/jiotop/config
                (or ~/.config/jiotop/config) and apply to batch mode only with --use-config.
                The first report comes after one full interval, so every figure is a real rate.
                Tasks that exit are accounted from the kernel's exit reports and marked <exited>.
                Needs root or the CAP_NET_ADMIN capability (the kernel's taskstats interface).
                Exit status: 0 done, 1 cannot run (privileges, kernel, unknown user) or cannot
                write the output (a full disk), 2 bad option.
                """;
    }
}
