package org.jiotop.cli;

import org.jiotop.linux.ProcFs;
import org.jiotop.linux.TaskExit;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.SafeText;
import org.jiotop.model.TaskActivity;
import org.jiotop.model.TaskTracker;
import org.jiotop.output.CommandNames;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The name of a process in the exporter's series: its {@code comm}, escaped and normalised
 * ({@link CommandNames}). A live process's name is read once and kept while the process lives; an exited
 * one is named by the kernel's exit report. So is a process that ended right after the scan that
 * sampled it (its name can no longer be read, and the tracker sets aside the report of a process
 * still listed): short-lived programs end that way often, a few in a hundred under churn.
 */
final class ExportNames {
    private record Named(TaskSample task, String name) {
    }

    private final ProcFs proc;
    /** Only processes of the latest interval, so this holds no more than the machine's processes. */
    private final Map<Integer, Named> names = new HashMap<>();
    /** Leaders' exit reports of the latest two samples, by PID: a report can come a scan before its process leaves. */
    private Map<Integer, TaskExit> reported = new HashMap<>();
    private Map<Integer, TaskExit> reportedBefore = new HashMap<>();

    ExportNames(ProcFs proc) {
        this.proc = proc;
    }

    /** The name of {@code a}, or null when it cannot be read (the process just ended). */
    String of(TaskActivity a) {
        String name = command(a);
        return name == null ? null : CommandNames.normalise(name);
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
            TaskExit exit = reported.getOrDefault(s.id(), reportedBefore.get(s.id()));
            // Not remembered: if no report names it now, the next look-up or a later report does.
            return exit != null && TaskTracker.sameTaskAsExit(s, exit.last()) ? SafeText.escape(exit.name()) : null;
        }
        String name = SafeText.escape(comm);
        names.put(s.id(), new Named(s, name));
        return name;
    }

    /** Takes note of the names in the latest sample's exit reports. */
    void reports(List<TaskExit> exits) {
        reportedBefore = reported;
        reported = new HashMap<>();
        for (TaskExit e : exits) {
            if (e.last().id() == e.last().tgid()) {
                reported.put(e.last().id(), e);
            }
        }
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
