package org.jiotop.linux;


import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Labels tasks from /proc and the kernel, for the rows the wiring asks about: those shown, and
 * all of them only when a text filter or a text sort needs them. The command line is read afresh
 * for each report (a process may exec, and then its sample changes too) unless all the threads
 * asked about are idle (see {@link Kept}), but a task that has just exited (its command line reads
 * empty, as a zombie's does) keeps the last one seen. User names are cached per uid; a
 * process's PRIO (which asks all its threads) for five seconds. What is kept is bounded: a
 * command line by {@link CommandText#MAX_CHARS}, shared by the threads of its process, and the
 * remembered ones by {@link #SEEN_CHARS} in all.
 */
public final class KernelLabels {
    private static final int REMEMBERED_COMMANDS = 16_384;
    /**
     * What the remembered command lines may hold, in characters (two bytes each at most): an
     * exited task's row shows the command line it was last seen with, for as many tasks as fit.
     */
    private static final long SEEN_CHARS = 2L << 20;
    private static final int SHARED_PROCESSES = 256;
    private static final long PROCESS_PRIORITY_TTL = 5_000_000_000L;

    private record ProcessPriority(TaskSample task, TaskPriority priority, long readNanos) {
    }

    private final Map<Integer, ProcessPriority> processPriorities = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, ProcessPriority> eldest) {
            return size() > REMEMBERED_COMMANDS;
        }
    };

    /** A process's command in both forms; the threads of a process share one instance. */
    private record ProcessCommand(String command, String shortCommand) {
        static final ProcessCommand GONE = new ProcessCommand(CommandText.GONE, CommandText.GONE);

        /**
         * The record's own equals, written out: the generated one links its method handles on its
         * first call, which every run makes (~9 ms of a one-shot's CPU, BENCHMARKS.md).
         */
        @Override
        public boolean equals(Object o) {
            return o instanceof ProcessCommand other && command.equals(other.command)
                    && shortCommand.equals(other.shortCommand);
        }

        @Override
        public int hashCode() {
            return 31 * command.hashCode() + shortCommand.hashCode();
        }
    }

    /** {@code name}: the task's own name ({@code comm}) then, null when unknown. */
    private record Seen(TaskSample task, ProcessCommand command, String threadSuffix, byte[] name) {
        /** Characters held, counting a command shared by several threads once for each. */
        int chars() {
            return command.command.length() + command.shortCommand.length() + threadSuffix.length();
        }
    }

    /** Last non-empty command line per task, least recently used first, within {@link #SEEN_CHARS}. */
    private final Map<Integer, Seen> commands = new LinkedHashMap<>(256, 0.75f, true);
    private long commandsChars;
    /** The last command built per process, so that its threads' rows share it. */
    private final Map<Integer, ProcessCommand> lastByProcess = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, ProcessCommand> eldest) {
            return size() > SHARED_PROCESSES;
        }
    };
    /**
     * A process's command line and name as read. {@code gone}: no command line could be read;
     * {@code named}: it has one (a kernel thread's is empty). The command line itself is not kept:
     * a report of a thousand processes with long ones would hold 128 KiB each.
     */
    private record ProcessRead(boolean gone, boolean named, byte[] processName, ProcessCommand command) {
    }

    /** A reading of a process, and when: in which report, and its time. */
    private record RecentRead(ProcessRead read, long report, long readNanos) {
    }

    /**
     * The processes read in the last {@link #KEEP_NANOS} x 2, oldest reading first. The threads'
     * rows of a process share one reading per report instead of one each (5,000 reads of one
     * command line, for a process of 5,000 threads), idle threads' rows one for some seconds.
     */
    private final Map<Integer, RecentRead> recentReads = new LinkedHashMap<>();
    /**
     * An idle thread's labels, kept: its name and PRIO cost a file read and three system calls,
     * which at ten thousand threads shown each refresh cost more than sampling them. Read again
     * once the thread's sample changes (it did I/O, or its user changed), its process's command is
     * seen to change (read for another of its threads), jiotop itself changes a priority, or some
     * seconds have passed (a name, command line or priority set by another program while the
     * thread stays idle shows that much later).
     */
    private static final class Kept {
        final TaskSample task;
        final ProcessCommand command;
        final TaskLabels labels;
        final long readNanos;
        final long generation;
        long report;

        Kept(TaskSample task, ProcessCommand command, TaskLabels labels, long readNanos, long generation, long report) {
            this.task = task;
            this.command = command;
            this.labels = labels;
            this.readNanos = readNanos;
            this.generation = generation;
            this.report = report;
        }
    }

    private static final long KEEP_NANOS = 5_000_000_000L;
    /** Labels of threads not shown in the last reports are dropped: by then most have ended. */
    private static final int KEPT_REPORTS = 3;
    private final Map<Integer, Kept> keptLabels = new LinkedHashMap<>(1024, 0.75f, true);
    private long priorityGeneration;
    private long report;
    private final ProcFs proc;
    private final IoPrio ioprio;
    private final UserDb users;

    public KernelLabels(ProcFs proc, IoPrio ioprio, UserDb users) {
        this.proc = proc;
        this.ioprio = ioprio;
        this.users = users;
    }

    /**
     * The labels of a task (a process, in process mode), alive or, with {@code exitedName} from its
     * exit report, ended.
     */
    public TaskLabels labels(TaskSample task, byte[] exitedName, boolean processes) {
        if (exitedName != null) {
            return exitedLabels(task, exitedName);
        }
        int tgid = task.tgid();
        long now = System.nanoTime();
        Kept kept = processes ? null : keptLabels.get(task.id());
        boolean idle = kept != null && kept.task == task && kept.generation == priorityGeneration;
        if (idle && now - kept.readNanos < keepNanos(task.id())) {
            // Its process is not read for it: only compared when read for this report anyway.
            ProcessRead fresh = readThisReport(tgid);
            if (fresh == null || kept.command == fresh.command || kept.command.equals(fresh.command)) {
                kept.report = report;
                return kept.labels;
            }
        }
        ProcessRead read = processRead(tgid, idle, now);
        byte[] threadName = !processes && task.id() != tgid ? proc.comm(tgid, task.id()) : null;
        ProcessCommand command = read.command;
        String suffix = read.gone ? "" : CommandText.threadSuffix(read.processName, threadName);
        if (read.named) {
            Seen seen = commands.get(task.id());
            byte[] name = threadName != null ? threadName : read.processName;
            if (seen == null || seen.task != task || seen.command != command || !seen.threadSuffix.equals(suffix)
                    || !Arrays.equals(seen.name, name)) {
                remember(task.id(), new Seen(task, command, suffix, name));
            }
        } else {
            Seen seen = commands.get(task.id());
            if (seen != null && seen.task.taskId().sameTask(task.taskId())) {
                command = seen.command;
                suffix = seen.threadSuffix;
            }
        }
        TaskLabels labels = new TaskLabels(priority(task, processes), SafeText.escape(users.nameOf(task.uid())),
                command.command, command.shortCommand, suffix);
        if (!processes && read.named) {
            keptLabels.put(task.id(), new Kept(task, read.command, labels, now, priorityGeneration, report));
        }
        return labels;
    }

    /**
     * Process {@code tgid} as read for this report, or for an {@code idle} thread (whose labels
     * are only due again by age) as read in the last seconds, when no thread of it needed a
     * fresh reading since: an idle process's command line is then read every 5 to 10 s rather
     * than for every report, as its threads' names are.
     */
    private ProcessRead processRead(int tgid, boolean idle, long now) {
        RecentRead recent = recentReads.get(tgid);
        if (recent != null && (recent.report == report || idle && now - recent.readNanos < keepNanos(tgid))) {
            return recent.read;
        }
        byte[] cmdline = proc.cmdline(tgid);
        byte[] processName = proc.comm(tgid, tgid);
        ProcessRead read = new ProcessRead(cmdline == null, cmdline != null && cmdline.length > 0, processName,
                processCommand(tgid, cmdline, processName));
        recentReads.remove(tgid);
        recentReads.put(tgid, new RecentRead(read, report, now));
        return read;
    }

    /** Process {@code tgid} as read for the report being labelled, or null. */
    private ProcessRead readThisReport(int tgid) {
        RecentRead recent = recentReads.get(tgid);
        return recent != null && recent.report == report ? recent.read : null;
    }

    /** How long thread {@code id}'s labels are kept while it stays idle: spread over 5 to 10 s by ID. */
    private static long keepNanos(int id) {
        return KEEP_NANOS + (id & 1023) * (KEEP_NANOS / 1024);
    }

    private ProcessCommand processCommand(int tgid, byte[] cmdline, byte[] processName) {
        if (cmdline == null) {
            return ProcessCommand.GONE;
        }
        boolean cut = cmdline.length >= ProcFs.MAX_CMDLINE;
        ProcessCommand built = new ProcessCommand(CommandText.processCommand(cmdline, processName, cut),
                CommandText.shortProcessCommand(cmdline, processName));
        ProcessCommand last = lastByProcess.get(tgid);
        if (built.equals(last)) {
            return last;
        }
        lastByProcess.put(tgid, built);
        return built;
    }

    private void remember(int tid, Seen seen) {
        Seen replaced = commands.put(tid, seen);
        commandsChars += seen.chars() - (replaced == null ? 0 : replaced.chars());
        for (var eldest = commands.values().iterator();
             eldest.hasNext() && (commandsChars > SEEN_CHARS || commands.size() > REMEMBERED_COMMANDS); ) {
            commandsChars -= eldest.next().chars();
            eldest.remove();
        }
    }

    /**
     * An exited task: its command line as last seen alive, else the name from the exit report. A
     * name in the report other than the one seen says the task ran another program (or renamed
     * itself) since: the command line seen is not what ended.
     */
    private TaskLabels exitedLabels(TaskSample task, byte[] exitedName) {
        Seen seen = commands.get(task.id());
        boolean known = seen != null && seen.task.taskId().endedAs(task.taskId())
                && (seen.name == null || Arrays.equals(seen.name, exitedName));
        String user = SafeText.escape(users.nameOf(task.uid()));
        if (known) {
            return new TaskLabels(TaskPriority.EXITED, user, seen.command.command, seen.command.shortCommand,
                    seen.threadSuffix);
        }
        String name = SafeText.escape(exitedName);
        return new TaskLabels(TaskPriority.EXITED, user, name, name);
    }

    private TaskPriority priority(TaskSample task, boolean processes) {
        if (!processes) {
            return TaskPriority.of(ioprio.get(task.id()));
        }
        // A process's PRIO asks every one of its threads (thousands, for some servers): kept a while.
        ProcessPriority known = processPriorities.get(task.id());
        long now = System.nanoTime();
        if (known != null && known.task.taskId().sameTask(task.taskId())
                && now - known.readNanos < PROCESS_PRIORITY_TTL) {
            return known.priority;
        }
        TaskPriority p = TaskPriority.ofThreads(proc.tids(task.id()), ioprio::get);
        processPriorities.put(task.id(), new ProcessPriority(task, p, now));
        return p;
    }

    /**
     * Starts labelling another report (or the same one drawn again): a process is read anew, once,
     * for the first of its threads that needs a fresh reading.
     */
    public void nextReport() {
        report++;
        long now = System.nanoTime();
        for (var eldest = recentReads.values().iterator(); eldest.hasNext(); ) {
            if (now - eldest.next().readNanos < 2 * KEEP_NANOS) {
                break;
            }
            eldest.remove();
        }
        for (var eldest = keptLabels.values().iterator(); eldest.hasNext(); ) {
            if (report - eldest.next().report <= KEPT_REPORTS) {
                break;
            }
            eldest.remove();
        }
    }

    /** Forgets what is known of a process's priority, after jiotop itself changed it. */
    public void priorityChanged(int pid) {
        processPriorities.remove(pid);
        priorityGeneration++;
    }
}
