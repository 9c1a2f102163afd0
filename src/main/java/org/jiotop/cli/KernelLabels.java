package org.jiotop.cli;

import org.jiotop.linux.IoPrio;
import org.jiotop.linux.ProcFs;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.UserDb;
import org.jiotop.model.CommandText;
import org.jiotop.model.LabelSource;
import org.jiotop.model.PriorityText;
import org.jiotop.model.Row;
import org.jiotop.model.SafeText;
import org.jiotop.model.TaskLabels;
import org.jiotop.model.TaskTracker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Labels rows from /proc and the kernel, only for the rows actually shown. The command line is
 * read afresh each time (a process may exec), but a task that has just exited (its command line
 * reads empty, as a zombie's does) keeps the last one seen. User names are cached per uid; a
 * process's PRIO (which asks all its threads) for five seconds.
 */
final class KernelLabels implements LabelSource {
    private static final int REMEMBERED_COMMANDS = 16_384;
    private static final String EXITED_PRIORITY = "-";
    private static final long PROCESS_PRIORITY_TTL = 5_000_000_000L;

    private record ProcessPriority(TaskSample task, String text, long readNanos) {
    }

    private final Map<Integer, ProcessPriority> processPriorities = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, ProcessPriority> eldest) {
            return size() > REMEMBERED_COMMANDS;
        }
    };

    private record Seen(TaskSample task, String command, String shortCommand) {
    }

    /** Last non-empty command line per task, least recently used first. */
    private final Map<Integer, Seen> commands = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Seen> eldest) {
            return size() > REMEMBERED_COMMANDS;
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

    @Override
    public TaskLabels labels(Row row, boolean processes) {
        if (row.activity().exited()) {
            return exitedLabels(row);
        }
        int tgid = row.tgid();
        byte[] cmdline = proc.cmdline(tgid);
        byte[] processName = proc.comm(tgid, tgid);
        byte[] threadName = !processes && row.id() != tgid ? proc.comm(tgid, row.id()) : null;
        boolean cut = cmdline != null && cmdline.length >= ProcFs.MAX_CMDLINE;
        String command = CommandText.of(cmdline, processName, threadName, cut);
        String shortCommand = CommandText.shortOf(cmdline, processName, threadName);
        TaskSample task = row.activity().sample();
        if (cmdline != null && cmdline.length > 0) {
            commands.put(row.id(), new Seen(task, command, shortCommand));
        } else {
            Seen seen = commands.get(row.id());
            if (seen != null && TaskTracker.sameTask(seen.task, task)) {
                command = seen.command;
                shortCommand = seen.shortCommand;
            }
        }
        return new TaskLabels(priority(row, processes), SafeText.escape(users.nameOf(row.uid())), command,
                shortCommand);
    }

    /** An exited task: its command line as last seen alive, else the name from the exit report. */
    private TaskLabels exitedLabels(Row row) {
        TaskSample task = row.activity().sample();
        Seen seen = commands.get(row.id());
        boolean known = seen != null && TaskTracker.sameTaskAsExit(seen.task, task);
        String name = SafeText.escape(row.activity().exitedName());
        return new TaskLabels(EXITED_PRIORITY, SafeText.escape(users.nameOf(row.uid())),
                known ? seen.command : name, known ? seen.shortCommand : name);
    }

    private String priority(Row row, boolean processes) {
        if (!processes) {
            return PriorityText.of(ioprio.get(row.id()));
        }
        // A process's PRIO asks every one of its threads (thousands, for some servers): kept a while.
        TaskSample task = row.activity().sample();
        ProcessPriority known = processPriorities.get(row.id());
        long now = System.nanoTime();
        if (known != null && TaskTracker.sameTask(known.task, task) && now - known.readNanos < PROCESS_PRIORITY_TTL) {
            return known.text;
        }
        String text = PriorityText.ofThreads(proc.tids(row.id()), ioprio::get);
        processPriorities.put(row.id(), new ProcessPriority(task, text, now));
        return text;
    }

    /** Forgets what is known of a process's priority, after jiotop itself changed it. */
    void priorityChanged(int pid) {
        processPriorities.remove(pid);
    }
}
