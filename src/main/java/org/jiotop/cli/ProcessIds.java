package org.jiotop.cli;

import org.jiotop.linux.ProcFs;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The IDs of {@code -p} where rows are processes ({@code -P}, the exporter): the ID of a thread
 * that leads no process stands for its process, with a note saying so. /proc answers for such an
 * ID as if it were a process, but with the I/O of that thread alone, and the row would claim to be
 * a whole process. An ID that does not exist stays as it is: it gives no row, as in iotop.
 */
record ProcessIds(int[] ids, List<String> notes) {
    static ProcessIds of(List<Integer> given, ProcFs proc) {
        if (given.isEmpty()) {
            return new ProcessIds(new int[0], List.of());
        }
        Set<Integer> ids = new LinkedHashSet<>();
        Set<String> notes = new LinkedHashSet<>();
        for (int id : given) {
            int tgid = proc.tgidOf(id);
            if (tgid > 0 && tgid != id) {
                notes.add("-p " + id + " is a thread of process " + tgid + ": showing process " + tgid);
                ids.add(tgid);
            } else {
                ids.add(id);
            }
        }
        int[] array = new int[ids.size()];
        int n = 0;
        for (int id : ids) {
            array[n++] = id;
        }
        return new ProcessIds(array, List.copyOf(notes));
    }
}
