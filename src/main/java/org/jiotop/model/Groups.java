package org.jiotop.model;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Sums the activity of tasks into groups chosen by a key (command and user for the exporter; a
 * user, or a cgroup once samples carry one, for other views). Only what is in the tasks' deltas is
 * summed, so group totals built from consecutive intervals never go down when a task exits.
 */
public final class Groups {
    private Groups() {
    }

    public static <K> Map<K, IoDelta> sum(Iterable<TaskActivity> tasks, Function<TaskActivity, K> key) {
        Map<K, IoDelta> groups = new HashMap<>();
        for (TaskActivity a : tasks) {
            if (!a.delta().isZero()) {
                groups.merge(key.apply(a), a.delta(), IoDelta::plus);
            }
        }
        return groups;
    }
}
