package org.jiotop.cli;

import org.jiotop.linux.Arch;
import org.jiotop.linux.Errno;
import org.jiotop.linux.ExitListener;
import org.jiotop.linux.IoPrio;
import org.jiotop.linux.KernelException;
import org.jiotop.linux.KernelLabels;
import org.jiotop.linux.ProcFs;
import org.jiotop.linux.TaskScanner;
import org.jiotop.linux.TaskstatsSocket;
import org.jiotop.linux.UserDb;
import org.jiotop.model.ReportSettings.Figures;
import org.jiotop.model.SortKey;
import org.jiotop.output.SizeStyle;
import org.jiotop.view.LiveState;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/** Entry point: parses the options, checks what jiotop needs, and runs the chosen mode. */
public final class Main {
    static final int EXIT_OK = 0;
    static final int EXIT_CANNOT_RUN = 1;
    static final int EXIT_USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        Stdout out = Stdout.open();
        int status = out.finish(run(args, out, System.err, ProcFs.system(), System.getenv(), Terminals.SYSTEM),
                System.err);
        System.err.flush();
        // Not System.exit: it logs the exit through System.Logger, whose first look-up (a service
        // scan of the class path and java.util.logging's set-up) costs every run ~20 ms of CPU. All
        // is closed and flushed by now; jiotop's one shutdown hook is for an exit by signal.
        Runtime.getRuntime().halt(status);
    }

    static int run(String[] args, PrintStream out, PrintStream err, ProcFs proc) {
        return run(args, out, err, proc, Map.of(), Terminals.NONE);
    }

    static int run(String[] args, PrintStream out, PrintStream err, ProcFs proc, Map<String, String> env,
                   Terminals terminals) {
        return run(args, out, err, proc, env, terminals, System.getProperty("os.arch"));
    }

    /** As above, on the architecture that {@code osArch} (a value of {@code os.arch}) names. */
    static int run(String[] args, PrintStream out, PrintStream err, ProcFs proc, Map<String, String> env,
                   Terminals terminals, String osArch) {
        Options options;
        ConfigFile config = ConfigFile.locate(env);
        try {
            options = OptionParser.parse(args);
            // The saved settings belong to the live view, which a terminal that cannot move its cursor
            // does not get; --help, --version and --serve need not look the terminal's type up.
            boolean live = !options.batch() && terminals.interactive() && (options.serve() != null
                    || options.help() || options.version() || terminals.type().refusal() == null);
            if (live || options.useConfig()) {
                List<String> saved = savedSettings(config, err);
                for (int line = 0; line < saved.size(); line++) {
                    try {
                        OptionParser.parse(List.of(saved.get(line)), new String[0]);
                    } catch (UsageException e) {
                        // Not the line itself: the file may be a link to one the user could not read.
                        err.println("jiotop: " + config.path() + ": option " + (line + 1)
                                + " is not valid (give it on the command line to see why)");
                        return EXIT_USAGE;
                    }
                }
                options = OptionParser.parse(saved, args);
            }
        } catch (UsageException e) {
            err.println("jiotop: " + e.getMessage() + " (see jiotop --help)");
            return EXIT_USAGE;
        }
        if (options.help()) {
            out.print(Help.text());
            return EXIT_OK;
        }
        if (options.version()) {
            out.println(Help.VERSION);
            return EXIT_OK;
        }
        if (Arch.of(osArch) == null) {
            err.println("jiotop: unsupported architecture: " + osArch + " (" + Arch.SUPPORTED + " are supported)");
            return EXIT_CANNOT_RUN;
        }
        UserDb users = UserDb.system();
        Set<Integer> uids = new HashSet<>();
        for (String user : options.users()) {
            OptionalInt uid = resolveUser(users, user);
            if (uid.isEmpty()) {
                err.println("jiotop: unknown user: " + user);
                return EXIT_CANNOT_RUN;
            }
            uids.add(uid.getAsInt());
        }
        if (options.iterations() == 0) {
            return EXIT_OK;
        }
        boolean onTerminal = !options.batch() && options.serve() == null && terminals.interactive();
        String refusal = onTerminal ? terminals.type().refusal() : null;
        boolean live = onTerminal && refusal == null;
        if (!options.batch() && !live && options.serve() == null) {
            err.println("jiotop: " + (refusal != null ? refusal : "not on a terminal")
                    + ", so printing batch output (-b)");
        }
        try (TaskstatsSocket taskstats = TaskstatsSocket.open();
             ExitListener exits = ExitListener.start(ExitListener.possibleCpus(Path.of("/sys")),
                     options.exitBufferKiB() * 1024);
             TaskScanner scanner = new TaskScanner(proc, taskstats, exits)) {
            IoPrio ioprio = new IoPrio();
            RowLabels labels = new RowLabels(new KernelLabels(proc, ioprio, users));
            Monitor monitor = new Monitor(scanner, options);
            if (options.serve() != null) {
                return new ExporterRunner(options, uids, proc, monitor, users).run(err);
            }
            if (!live) {
                BatchRunner batch = new BatchRunner(options, uids, proc, monitor, labels);
                if ("1".equals(env.get("JIOTOP_STARTUP_REPORT"))) {
                    batch.reportStartup(err);
                }
                return batch.run(out, err);
            }
            LiveState state = new LiveState().configure(
                    options.sort() != null ? options.sort() : SortKey.IO, options.only(), options.processes(),
                    figures(options), options.fullCommand(), options.hidden(),
                    !options.noColor() && (env.get("NO_COLOR") == null || env.get("NO_COLOR").isEmpty()),
                    options.ascii(), !options.noHelp(), options.filter() == null ? null : Pattern.compile(options.filter()));
            if (options.reverse()) {
                state.reverse();
            }
            try (var terminal = terminals.open()) {
                return new LiveRunner(options, uids, proc, monitor, labels, ioprio, users, config, state)
                        .run(terminal, err);
            }
        } catch (KernelException e) {
            err.println("jiotop: " + explain(e));
            return EXIT_CANNOT_RUN;
        } catch (IOException e) {
            err.println("jiotop: " + (options.serve() != null ? "" : "terminal: ") + e.getMessage());
            return EXIT_CANNOT_RUN;
        }
    }

    /** The config file's options; none, with a warning, when it exists but cannot be read. */
    private static List<String> savedSettings(ConfigFile config, PrintStream err) {
        try {
            return config.read();
        } catch (IOException e) {
            err.println("jiotop: ignoring " + e.getMessage());
            return List.of();
        }
    }

    static SizeStyle sizeStyle(Options options) {
        return new SizeStyle(options.kilobytes(), options.si() ? 1000 : 1024, options.threshold());
    }

    static Figures figures(Options options) {
        return options.accumulated() ? Figures.ACCUMULATED
                : options.accumulatedBandwidth() ? Figures.ACCUMULATED_BANDWIDTH : Figures.BANDWIDTH;
    }

    /** A user name, or a number taken as a uid (as python iotop does). */
    static OptionalInt resolveUser(UserDb users, String user) {
        OptionalInt byName = users.uidOf(user);
        if (byName.isPresent()) {
            return byName;
        }
        try {
            long uid = Long.parseLong(user);
            return uid >= 0 && uid <= 0xffffffffL ? OptionalInt.of((int) uid) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    static String explain(KernelException e) {
        return switch (e.errno()) {
            case Errno.EPERM -> "reading I/O statistics needs root or the CAP_NET_ADMIN capability"
                    + " (taskstats: operation not permitted)";
            case Errno.ENOENT -> "the kernel offers no taskstats interface here (a kernel without"
                    + " CONFIG_TASKSTATS, or a container without the host's network namespace)";
            default -> e.getMessage();
        };
    }
}
