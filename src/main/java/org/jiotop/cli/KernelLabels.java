package org.jiotop.cli;

import org.jiotop.linux.IoPrio;
import org.jiotop.linux.ProcFs;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.UserDb;
import org.jiotop.linux.CommandText;
import org.jiotop.model.Report;
import org.jiotop.model.Row;
import org.jiotop.linux.SafeText;
import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.TaskPriority;
import org.jiotop.model.TaskTracker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Labels rows from /proc and the kernel, only for the rows actually shown. The command line is
 * read afresh each time (a process may exec), but a task that has just exited (its command line
 * reads empty, as a zombie's does) keeps the last one seen. User names are cached per uid; a
 * process's PRIO (which asks all its threads) for five seconds. What is kept is bounded: a
 * command line by {@link CommandText#MAX_CHARS}, shared by the threads of its process, and the
 * remembered ones by {@link #SEEN_CHARS} in all.
 */
final class KernelLabels {
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

    KernelLabels(ProcFs proc, IoPrio ioprio, UserDb users) {
        this.proc = proc;
        this.ioprio = ioprio;
        this.users = users;
    }

    /** {@code rows} with their labels. */
    List<Row> label(List<Row> rows, boolean processes) {
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(r.labels() != null ? r : r.labelled(labels(r, processes)));
        }
        return out;
    }

    /** {@code report} with labels on its rows {@code from} (inclusive) to {@code to} that have none yet. */
    Report label(Report report, int from, int to) {
        List<Row> rows = report.rows();
        List<Row> out = null;
        for (int i = Math.max(0, from); i < Math.min(rows.size(), to); i++) {
            Row r = rows.get(i);
            if (r.labels() == null) {
                out = out != null ? out : new ArrayList<>(rows);
                out.set(i, r.labelled(labels(r, report.processes())));
            }
        }
        return out == null ? report : report.withRows(out);
    }

    TaskLabels labels(Row row, boolean processes) {
        if (row.activity().exited()) {
            return exitedLabels(row);
        }
        int tgid = row.tgid();
        byte[] cmdline = proc.cmdline(tgid);
        byte[] processName = proc.comm(tgid, tgid);
        byte[] threadName = !processes && row.id() != tgid ? proc.comm(tgid, row.id()) : null;
        ProcessCommand command = processCommand(tgid, cmdline, processName);
        String suffix = cmdline == null ? "" : CommandText.threadSuffix(processName, threadName);
        TaskSample task = row.activity().sample();
        if (cmdline != null && cmdline.length > 0) {
            remember(row.id(), new Seen(task, command, suffix));
        } else {
            Seen seen = commands.get(row.id());
            if (seen != null && TaskTracker.sameTask(seen.task, task)) {
                command = seen.command;
                suffix = seen.threadSuffix;
            }
        }
        return new TaskLabels(priority(row, processes), SafeText.escape(users.nameOf(row.uid())), command.command,
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
    private TaskLabels exitedLabels(Row row) {
        TaskSample task = row.activity().sample();
        Seen seen = commands.get(row.id());
        boolean known = seen != null && TaskTracker.sameTaskAsExit(seen.task, task);
        String user = SafeText.escape(users.nameOf(row.uid()));
        if (known) {
            return new TaskLabels(TaskPriority.EXITED, user, seen.command.command, seen.command.shortCommand,
                    seen.threadSuffix);
        }
        String name = SafeText.escape(row.activity().exitedName());
        return new TaskLabels(TaskPriority.EXITED, user, name, name);
    }

    private TaskPriority priority(Row row, boolean processes) {
        if (!processes) {
            return TaskPriority.of(ioprio.get(row.id()));
        }
        // A process's PRIO asks every one of its threads (thousands, for some servers): kept a while.
        TaskSample task = row.activity().sample();
        ProcessPriority known = processPriorities.get(row.id());
        long now = System.nanoTime();
        if (known != null && TaskTracker.sameTask(known.task, task) && now - known.readNanos < PROCESS_PRIORITY_TTL) {
            return known.priority;
        }
        TaskPriority p = TaskPriority.ofThreads(proc.tids(row.id()), ioprio::get);
        processPriorities.put(row.id(), new ProcessPriority(task, p, now));
        return p;
    }

    /** Forgets what is known of a process's priority, after jiotop itself changed it. */
    void priorityChanged(int pid) {
        processPriorities.remove(pid);
    }
}
