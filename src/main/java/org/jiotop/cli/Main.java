package org.jiotop.cli;

import org.jiotop.linux.Errno;
import org.jiotop.linux.ExitListener;
import org.jiotop.linux.IoPrio;
import org.jiotop.linux.KernelException;
import org.jiotop.linux.ProcFs;
import org.jiotop.linux.TaskScanner;
import org.jiotop.linux.TaskstatsSocket;
import org.jiotop.linux.UserDb;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
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
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        int status = run(args, out, System.err, ProcFs.system());
        out.flush();
        System.exit(status);
    }

    static int run(String[] args, PrintStream out, PrintStream err, ProcFs proc) {
        Options options;
        try {
            options = OptionParser.parse(args);
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
        UserDb users = new UserDb();
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
        if (!options.batch()) {
            err.println("jiotop: the live view is not available in this version; running in batch mode (-b)");
        }
        try (TaskstatsSocket taskstats = TaskstatsSocket.open();
             ExitListener exits = ExitListener.start(ExitListener.possibleCpus(Path.of("/sys")),
                     options.exitBufferKiB() * 1024)) {
            TaskScanner scanner = new TaskScanner(proc, taskstats, exits);
            KernelLabels labels = new KernelLabels(proc, new IoPrio(), users);
            return new BatchRunner(options, uids, proc, scanner, labels).run(out, err);
        } catch (KernelException e) {
            err.println("jiotop: " + explain(e));
            return EXIT_CANNOT_RUN;
        }
    }

    /** A user name, or a number taken as a uid (as python iotop does). */
    private static OptionalInt resolveUser(UserDb users, String user) {
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
