package org.jiotop.cli;

import org.jiotop.linux.Arch;
import org.jiotop.linux.Errno;
import org.jiotop.linux.IoPrio;
import org.jiotop.linux.KernelException;
import org.jiotop.linux.KernelLabels;
import org.jiotop.linux.ProcFs;
import org.jiotop.linux.Sampler;
import org.jiotop.linux.UserDb;
import org.jiotop.output.SizeStyle;
import org.jiotop.record.RecordingException;
import org.jiotop.view.LiveState;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** Entry point: parses the options, checks what jiotop needs, and runs the chosen mode. */
public final class Main {
    static final int EXIT_OK = 0;
    static final int EXIT_CANNOT_RUN = 1;
    static final int EXIT_USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        // Named for ps and top (and jiotop's own rows) instead of "main"; the launcher names the process.
        Thread.currentThread().setName("jiotop");
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
        if (args.length > 0 && args[0].equals(ReportCommand.NAME)) {
            return ReportCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        Options options;
        boolean live;
        String refusal;
        ConfigFile config = ConfigFile.locate(env);
        try {
            options = OptionParser.parse(args);
            if (options.is(Option.HELP)) {
                out.print(Help.text());
                return EXIT_OK;
            }
            if (options.is(Option.VERSION)) {
                out.println(Help.VERSION);
                return EXIT_OK;
            }
            // Only the live view looks the terminal's type up: batch output and the exporter need not.
            boolean onTerminal = options.mode() == Mode.LIVE && terminals.interactive();
            refusal = onTerminal ? terminals.type().refusal() : null;
            live = onTerminal && refusal == null;
            // The saved settings belong to the live view, which a terminal that cannot move its
            // cursor does not get.
            if (live || options.is(Option.USE_CONFIG)) {
                List<String> saved = savedSettings(config, err);
                for (int line = 0; line < saved.size(); line++) {
                    try {
                        OptionParser.checkConfigLine(saved.get(line));
                    } catch (UsageException e) {
                        // Not the line itself: the file may be a link to one the user could not read.
                        err.println("jiotop: " + config.path() + ": line " + config.lineOf(line)
                                + " is not a valid option (give it on the command line to see why)");
                        return EXIT_USAGE;
                    }
                }
                options = OptionParser.parse(saved, args);
            }
        } catch (UsageException e) {
            err.println("jiotop: " + e.getMessage() + " (see jiotop --help)");
            return EXIT_USAGE;
        }
        if (Arch.of(osArch) == null) {
            err.println("jiotop: unsupported architecture: " + osArch + " (" + Arch.SUPPORTED + " are supported)");
            return EXIT_CANNOT_RUN;
        }
        UserDb users = UserDb.system();
        Set<Integer> uids = new HashSet<>();
        Set<String> groups = new HashSet<>();
        for (String user : options.users()) {
            OptionalInt uid = resolveUser(users, user);
            if (uid.isPresent()) {
                uids.add(uid.getAsInt());
            } else if (options.groupKind().byCgroup()) {
                groups.add(user); // not a user: the label of a group of the kind shown
            } else {
                err.println("jiotop: unknown user: " + user);
                return EXIT_CANNOT_RUN;
            }
        }
        if (options.iterations() == 0) {
            return EXIT_OK;
        }
        boolean exporter = options.mode() == Mode.EXPORTER;
        String batchNote = options.mode() == Mode.LIVE && !live
                ? "jiotop: " + (refusal != null ? refusal : "not on a terminal") + ", so printing batch output (-b)"
                : null;
        if (options.text(Option.REPLAY) != null) {
            return Replays.run(options, uids, groups, users, batchNote, new Replays.Io(out, err, proc, env, terminals,
                    config));
        }
        if (batchNote != null) {
            err.println(batchNote);
        }
        ProcessIds processIds = ProcessIds.of(options.pids(), proc);
        Recorder recorder = null;
        int status;
        if (options.groupKind().processes() || exporter) {
            for (String note : processIds.notes()) {
                err.println("jiotop: " + note);
            }
        }
        try (Sampler scanner = CounterSource.open(options, proc)) {
            IoPrio ioprio = new IoPrio();
            RowLabels labels = new RowLabels(new KernelLabels(proc, ioprio, users), users);
            Monitor monitor = new Monitor(scanner, options, processIds.ids(), users, groups);
            recorder = Recorder.open(options, proc.pidMax(), options.groupKind().processes() || exporter,
                    !exporter && !options.is(Option.ONLY), labels, new GroupLabels(users, Path.of("/proc")), err);
            monitor.recordTo(recorder);
            if (exporter) {
                status = new ExporterRunner(options, uids, proc, monitor, users).run(err);
            } else if (!live) {
                BatchRunner batch = new BatchRunner(options, uids, proc, monitor, labels);
                if ("1".equals(env.get("JIOTOP_STARTUP_REPORT"))) {
                    batch.reportStartup(err);
                }
                status = batch.run(out, err);
            } else {
                LiveState state = LiveSettings.state(options, env);
                if (options.groupKind().processes()) {
                    // Said on stderr too, which the screen then covers.
                    for (String note : processIds.notes()) {
                        state.tell(note, System.nanoTime());
                    }
                }
                try (var terminal = terminals.open()) {
                    status = new LiveRunner(options, uids, proc, monitor, labels, ioprio, users, config, state)
                            .run(terminal, err);
                }
            }
        } catch (KernelException e) {
            err.println("jiotop: " + explain(e));
            return EXIT_CANNOT_RUN;
        } catch (RecordingException e) {
            err.println("jiotop: " + e.getMessage());
            return EXIT_CANNOT_RUN;
        } catch (IOException e) {
            err.println("jiotop: " + (exporter ? "" : "terminal: ") + e.getMessage());
            return EXIT_CANNOT_RUN;
        } finally {
            if (recorder != null) {
                recorder.close();
            }
        }
        // The views went on after a recording failed (said when it did), but what was asked for was not all done.
        return status == EXIT_OK && recorder != null && recorder.failed() ? EXIT_CANNOT_RUN : status;
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
        return new SizeStyle(options.is(Option.KILOBYTES), options.is(Option.SI) ? 1000 : 1024,
                options.number(Option.THRESHOLD));
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
