package org.jiotop.linux;


/**
 * Who owns a process, by its cgroup: the systemd unit, the container, the Kubernetes pod, and the
 * cgroup's path itself, each as safe text of bounded length ({@link CommandText#MAX_CHARS}).
 * {@link #NONE} when the path names no such owner; {@link #UNKNOWN} when the process's cgroup
 * could not be read. {@link CgroupRules} says how each is told.
 */
public record CgroupLabels(String unit, String container, String pod, String cgroup) {
    public static final String NONE = "-";
    public static final String UNKNOWN = "?";
    /** A process whose file named none of the hierarchies read. */
    public static final CgroupLabels OUTSIDE = new CgroupLabels(NONE, NONE, NONE, NONE);
    /** A process gone before its file was read. */
    public static final CgroupLabels UNREADABLE = new CgroupLabels(UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN);

    public static CgroupLabels of(TaskCgroup task) {
        if (task.hierarchy() == CgroupHierarchy.NONE) {
            return OUTSIDE;
        }
        PathParts parts = new PathParts(task.path().bytes());
        return new CgroupLabels(CgroupRules.unit(parts), CgroupRules.container(parts), CgroupRules.pod(parts),
                parts.text());
    }

    /** The characters held, for a cache's bound. */
    public int chars() {
        return unit.length() + container.length() + pod.length() + cgroup.length();
    }
}
