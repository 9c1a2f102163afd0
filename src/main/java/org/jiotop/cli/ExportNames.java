package org.jiotop.cli;

import org.jiotop.linux.ProcFs;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.UserDb;
import org.jiotop.model.SafeText;
import org.jiotop.model.TaskActivity;
import org.jiotop.model.TaskTracker;
import org.jiotop.output.MetricsExport;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labels of a process in the exporter's series: its name ({@code comm}, escaped) and its
 * user's name. A live process's name is read once and kept while the process lives; an exited
 * one is named by the kernel's exit report.
 */
final class ExportNames {
    private record Named(TaskSample task, String name) {
    }

    private final ProcFs proc;
    private final UserDb users;
    /** Only processes of the latest interval, so this holds no more than the machine's processes. */
    private final Map<Integer, Named> names = new HashMap<>();

    ExportNames(ProcFs proc, UserDb users) {
        this.proc = proc;
        this.users = users;
    }

    /** The labels of {@code a}, or null when its name cannot be read (the process just ended). */
    MetricsExport.Names of(TaskActivity a) {
        String command = command(a);
        return command == null ? null
                : new MetricsExport.Names(command, SafeText.escape(users.nameOf(a.sample().uid())));
    }

    private String command(TaskActivity a) {
        TaskSample s = a.sample();
        if (a.exited()) {
            return SafeText.escape(a.exitedName());
        }
        Named known = names.get(s.id());
        if (known != null && TaskTracker.sameTask(known.task, s)) {
            return known.name;
        }
        byte[] comm = proc.comm(s.id(), s.id());
        if (comm == null) {
            // Not remembered: the exit report, or the next look-up, gives the name.
            return null;
        }
        String name = SafeText.escape(comm);
        names.put(s.id(), new Named(s, name));
        return name;
    }

    /** Forgets the processes that are not among {@code tasks} (or exited in their interval). */
    void keepOnly(List<TaskActivity> tasks) {
        Set<Integer> alive = new HashSet<>();
        for (TaskActivity a : tasks) {
            if (!a.exited()) {
                alive.add(a.sample().id());
            }
        }
        names.keySet().retainAll(alive);
    }
}
