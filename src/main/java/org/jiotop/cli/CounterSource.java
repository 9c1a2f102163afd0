package org.jiotop.cli;

import org.jiotop.linux.Errno;
import org.jiotop.linux.ExitListener;
import org.jiotop.linux.KernelException;
import org.jiotop.linux.ProcFs;
import org.jiotop.linux.ProcfsScanner;
import org.jiotop.linux.Sampler;
import org.jiotop.linux.TaskCounters;
import org.jiotop.linux.TaskScanner;
import org.jiotop.linux.TaskstatsSocket;
import org.jiotop.linux.Visibility;

import java.nio.file.Path;

/**
 * The source of the counters, chosen once at start: taskstats with its exit reports where the
 * kernel permits them (root, or CAP_NET_ADMIN), else /proc ({@code --procfs} asks for it as root
 * too), and where the kernel offers no taskstats at all (a kernel without it, a network namespace
 * without it) or none of its exit reports (it takes listeners only from the initial PID and user
 * namespaces: a container's root gets EINVAL). Asking taskstats about jiotop itself tells which:
 * the family look-up is open to everyone, its commands are not.
 */
final class CounterSource {
    private CounterSource() {
    }

    /**
     * The sampler to use, which owns what it opened.
     *
     * @throws KernelException the kernel's refusal of taskstats when not even /proc can be read,
     *                         or any other failure of taskstats
     */
    static Sampler open(Options options, ProcFs proc) throws KernelException {
        return open(options, proc, CounterSource::taskstats);
    }

    /** Taskstats as {@code taskstats} opens it, or /proc: a seam for the kernels this one is not. */
    static Sampler open(Options options, ProcFs proc, Opener taskstats) throws KernelException {
        KernelException refused = null;
        Visibility.Why why = Visibility.Why.ASKED;
        if (!options.is(Option.PROCFS)) {
            try {
                return taskstats.open(options, proc);
            } catch (KernelException e) {
                why = switch (e.errno()) {
                    case Errno.EPERM -> Visibility.Why.REFUSED;
                    case Errno.ENOENT, Errno.EINVAL -> Visibility.Why.ABSENT;
                    default -> throw e;
                };
                refused = e;
            }
        }
        if (proc.selfPid() < 0) {
            throw refused != null ? refused : new KernelException("cannot read /proc", 0);
        }
        return new ProcfsScanner(proc, why);
    }

    /** Opens the taskstats sampler. */
    @FunctionalInterface
    interface Opener {
        Sampler open(Options options, ProcFs proc) throws KernelException;
    }

    private static Sampler taskstats(Options options, ProcFs proc) throws KernelException {
        TaskstatsSocket taskstats = TaskstatsSocket.open();
        ExitListener exits = null;
        try {
            int self = proc.selfPid();
            if (self > 0) {
                taskstats.query(new int[]{self}, 1, false, new TaskCounters());
            }
            exits = ExitListener.start(ExitListener.possibleCpus(Path.of("/sys")),
                    options.number(Option.EXIT_BUFFER) * 1024);
            return TaskScanner.owning(proc, taskstats, exits);
        } catch (KernelException | RuntimeException e) {
            taskstats.close();
            if (exits != null) {
                exits.close();
            }
            throw e;
        }
    }
}
