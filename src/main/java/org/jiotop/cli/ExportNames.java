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
 * ({@link CommandNames}). A live process's name is read in each interval it is asked about (those
 * it did I/O in), not once for its life: a process that execs takes the new program's name, and a
 * container's entrypoint script that does some I/O and then execs its server must not lend the
 * server its name for good. An exited one is named by the kernel's exit report. So is a process
 * that ended right after the scan that sampled it (its name can no longer be read, and the tracker
 * sets aside the report of a process still listed): short-lived programs end that way often, a
 * few in a hundred under churn; without a report, the name it last had is used.
 */
final class ExportNames {
    private record Named(TaskSample task, String name, long interval) {
    }

    private final ProcFs proc;
    /** Only processes of the latest interval, so this holds no more than the machine's processes. */
    private final Map<Integer, Named> names = new HashMap<>();
    /** Leaders' exit reports of the latest two samples, by PID: a report can come a scan before its process leaves. */
    private Map<Integer, TaskExit> reported = new HashMap<>();
    private Map<Integer, TaskExit> reportedBefore = new HashMap<>();
    /** Counts {@link #keepOnly} calls: a name read in this interval is not read again in it. */
    private long interval;

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
        if (known != null && !TaskTracker.sameTask(known.task, s)) {
            known = null;
        }
        if (known != null && known.interval == interval) {
            return known.name;
        }
        byte[] comm = proc.comm(s.id(), s.id());
        if (comm == null) {
            TaskExit exit = reported.getOrDefault(s.id(), reportedBefore.get(s.id()));
            if (exit != null && TaskTracker.sameTaskAsExit(s, exit.last())) {
                return SafeText.escape(exit.name());
            }
            // No report yet: the name it had; never named, the next look-up or a later report names it.
            return known == null ? null : known.name;
        }
        String name = SafeText.escape(comm);
        names.put(s.id(), new Named(s, name, interval));
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
        interval++;
    }
}
