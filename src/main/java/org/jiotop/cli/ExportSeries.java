package org.jiotop.cli;

import org.jiotop.linux.CgroupLabels;
import org.jiotop.linux.KubeletNames;
import org.jiotop.linux.SafeText;
import org.jiotop.linux.UserDb;
import org.jiotop.model.Row;
import org.jiotop.model.TaskActivity;
import org.jiotop.output.SeriesLabels;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The label values of a process's series, for the labels {@code --export-by} chose: its name, its
 * user, and the unit, pod and container its cgroup tells (through {@link GroupLabels}, as the
 * grouped views show them), pods and containers named as kubelet names them where the node has
 * those names, else by UID and ID. A pod's namespace is then empty.
 */
final class ExportSeries {
    private final Set<ExportLabel> labels;
    private final ExportNames names;
    private final UserDb users;
    private final GroupLabels groups;
    private final KubeletNames kubelet;
    /** The cgroup labels of the latest interval's processes, by kind. */
    private final Map<ExportLabel, Map<TaskActivity, String>> owners = new EnumMap<>(ExportLabel.class);

    ExportSeries(Set<ExportLabel> labels, ExportNames names, UserDb users, GroupLabels groups, KubeletNames kubelet) {
        this.labels = labels;
        this.names = names;
        this.users = users;
        this.groups = groups;
        this.kubelet = kubelet;
    }

    /** Reads the cgroup labels of an interval's processes, before {@link #of} is asked about them. */
    void interval(List<Row> processes) {
        owners.clear();
        for (ExportLabel l : labels) {
            if (l.kind == null || !l.kind.byCgroup()) {
                continue;
            }
            List<String> told = groups.of(processes, l.kind).labels();
            Map<TaskActivity, String> byTask = new IdentityHashMap<>();
            for (int i = 0; i < told.size(); i++) {
                byTask.put(processes.get(i).activity(), told.get(i));
            }
            owners.put(l, byTask);
        }
    }

    /** The labels of {@code a}, or null while its name cannot be read. */
    SeriesLabels of(TaskActivity a) {
        List<String> values = new ArrayList<>();
        for (ExportLabel l : labels) {
            switch (l) {
                case COMMAND -> {
                    String name = names.of(a);
                    if (name == null) {
                        return null;
                    }
                    values.add(name);
                }
                case USER -> values.add(SafeText.escape(users.nameOf(a.sample().uid())));
                case UNIT -> values.add(owner(l, a));
                case POD -> pod(owner(l, a), values);
                case CONTAINER -> values.add(container(owner(l, a)));
            }
        }
        return new SeriesLabels(values);
    }

    private String owner(ExportLabel l, TaskActivity a) {
        return owners.get(l).getOrDefault(a, CgroupLabels.UNKNOWN);
    }

    private void pod(String uid, List<String> values) {
        KubeletNames.Pod pod = marker(uid) ? null : kubelet.pod(uid);
        values.add(pod != null ? pod.namespace() : marker(uid) ? uid : "");
        values.add(pod != null ? pod.name() : uid);
    }

    private String container(String id) {
        KubeletNames.Container c = marker(id) ? null : kubelet.container(id);
        return c != null ? c.name() : id;
    }

    private static boolean marker(String label) {
        return label.equals(CgroupLabels.NONE) || label.equals(CgroupLabels.UNKNOWN);
    }
}
