package org.jiotop.linux;


import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Labels tasks from /proc and the kernel, for the rows the wiring asks about: those shown, and
 * all of them only when a text filter or a text sort needs them. The command line is
 * read afresh each time (a process may exec), but a task that has just exited (its command line
 * reads empty, as a zombie's does) keeps the last one seen. User names are cached per uid; a
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
    }

    private record Seen(TaskSample task, ProcessCommand command, String threadSuffix) {
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
        byte[] cmdline = proc.cmdline(tgid);
        byte[] processName = proc.comm(tgid, tgid);
        byte[] threadName = !processes && task.id() != tgid ? proc.comm(tgid, task.id()) : null;
        ProcessCommand command = processCommand(tgid, cmdline, processName);
        String suffix = cmdline == null ? "" : CommandText.threadSuffix(processName, threadName);
        if (cmdline != null && cmdline.length > 0) {
            remember(task.id(), new Seen(task, command, suffix));
        } else {
            Seen seen = commands.get(task.id());
            if (seen != null && seen.task.taskId().sameTask(task.taskId())) {
                command = seen.command;
                suffix = seen.threadSuffix;
            }
        }
        return new TaskLabels(priority(task, processes), SafeText.escape(users.nameOf(task.uid())), command.command,
                command.shortCommand, suffix);
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

    /** An exited task: its command line as last seen alive, else the name from the exit report. */
    private TaskLabels exitedLabels(TaskSample task, byte[] exitedName) {
        Seen seen = commands.get(task.id());
        boolean known = seen != null && seen.task.taskId().endedAs(task.taskId());
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
        if (known != null && known.task.taskId().sameTask(task.taskId()) && now - known.readNanos < PROCESS_PRIORITY_TTL) {
            return known.priority;
        }
        TaskPriority p = TaskPriority.ofThreads(proc.tids(task.id()), ioprio::get);
        processPriorities.put(task.id(), new ProcessPriority(task, p, now));
        return p;
    }

    /** Forgets what is known of a process's priority, after jiotop itself changed it. */
    public void priorityChanged(int pid) {
        processPriorities.remove(pid);
    }
}
