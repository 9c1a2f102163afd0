package org.jiotop.cli;

import org.jiotop.linux.IoPrio;
import org.jiotop.linux.IoPriority;
import org.jiotop.linux.ProcFs;
import org.jiotop.linux.UserDb;
import org.jiotop.model.CommandText;
import org.jiotop.model.LabelSource;
import org.jiotop.model.PriorityText;
import org.jiotop.model.Row;
import org.jiotop.model.SafeText;
import org.jiotop.model.TaskLabels;

import java.util.ArrayList;
import java.util.List;

/**
 * Labels rows from /proc and the kernel, only for the rows actually shown. The command line is
 * read afresh each time (a process may exec); user names are cached per uid.
 */
final class KernelLabels implements LabelSource {
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
        int tgid = row.tgid();
        byte[] cmdline = proc.cmdline(tgid);
        byte[] processName = proc.comm(tgid, tgid);
        byte[] threadName = !processes && row.id() != tgid ? proc.comm(tgid, row.id()) : null;
        boolean cut = cmdline != null && cmdline.length >= ProcFs.MAX_CMDLINE;
        String command = CommandText.of(cmdline, processName, threadName, cut);
        return new TaskLabels(priority(row, processes), SafeText.escape(users.nameOf(row.uid())), command);
    }

    private String priority(Row row, boolean processes) {
        if (!processes) {
            return PriorityText.of(ioprio.get(row.id()));
        }
        List<IoPriority> threads = new ArrayList<>();
        for (int tid : proc.tids(row.id())) {
            IoPriority p = ioprio.get(tid);
            if (!p.equals(IoPriority.UNKNOWN)) {
                threads.add(p);
            }
        }
        return PriorityText.ofThreads(threads);
    }
}
