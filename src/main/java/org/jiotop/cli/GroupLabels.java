package org.jiotop.cli;

import org.jiotop.linux.CgroupCache;
import org.jiotop.linux.CgroupLabels;
import org.jiotop.linux.ProcCgroup;
import org.jiotop.linux.SafeText;
import org.jiotop.linux.TaskCgroup;
import org.jiotop.linux.TaskId;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.UserDb;
import org.jiotop.model.GroupKind;
import org.jiotop.model.Row;
import org.jiotop.model.TaskActivity;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The group label of each process row, handed to the model as data: the user's name, or the
 * owner told from the process's cgroup, read once per process ({@link CgroupCache}). Nothing of
 * cgroups is read or loaded until a kind asks for it. An exited process keeps the label it had
 * alive; one never seen alive (or gone before its file was read) takes its parent's, as last
 * kept (a child starts in its parent's cgroup), or, when the parent too ended unseen in the same
 * interval, its parent's parent's, and so on; else {@link CgroupLabels#UNKNOWN}. Replaying, the
 * owners are those recorded ({@link Owners}) and no cgroup is known.
 */
final class GroupLabels {
    /** The owners a recording kept: null for a process it kept none of. */
    interface Owners {
        CgroupLabels ownerOf(TaskSample task);
    }

    /** A process's labels and the cgroup they were told from (null when it could not be read). */
    record Owner(CgroupLabels labels, TaskCgroup cgroup) {
        static final Owner UNREADABLE = new Owner(CgroupLabels.UNREADABLE, null);
    }

    /** The labels of the rows, one each, and the cgroups each label's live processes sit in. */
    record Labelled(List<String> labels, Map<String, Set<TaskCgroup>> cgroups) {
    }

    /**
     * Exited processes stay listed with -a for good and for --keep-exited reports; some thousands
     * of them hold far fewer entries than this.
     */
    static final int EXITED = 32_768;

    /** An exited process: its ID and start time as its exit report gave them. */
    private record Ended(int pid, long startNanos) {
    }

    private final UserDb users;
    private final Path procRoot;
    private final Owners recorded;
    private CgroupCache<Owner> owners;
    /**
     * The owner each exited process was given, so that it keeps it while it is listed: looked up
     * again, its ID may be another process's by then, and its parent's too.
     */
    private final Map<Ended, Owner> endedOwners = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Ended, Owner> eldest) {
            return size() > EXITED;
        }
    };

    /** {@code procRoot}: where {@code /proc} is (a fixture tree in tests). */
    GroupLabels(UserDb users, Path procRoot) {
        this(users, procRoot, null);
    }

    /** Labels told from the owners a recording kept, not from /proc. */
    GroupLabels(UserDb users, Owners recorded) {
        this(users, null, recorded);
    }

    private GroupLabels(UserDb users, Path procRoot, Owners recorded) {
        this.users = users;
        this.procRoot = procRoot;
        this.recorded = recorded;
    }

    /**
     * Who owns each process of an interval's {@code tasks}, as {@link #of} labels it: what a
     * recording keeps. An exited process is looked for through the parents that ended in the same
     * interval, as the views do: the owner kept for it is the one they show.
     */
    Function<TaskActivity, CgroupLabels> ownersOf(List<TaskActivity> tasks) {
        Map<Integer, TaskSample> ended = new HashMap<>();
        for (TaskActivity a : tasks) {
            if (a.exited() && a.sample().id() == a.sample().tgid()) {
                ended.put(a.sample().id(), a.sample());
            }
        }
        return a -> owner(a, ended).labels();
    }

    Labelled of(List<Row> processes, GroupKind kind) {
        String[] labels = new String[processes.size()];
        Map<String, Set<TaskCgroup>> cgroups = new LinkedHashMap<>();
        Map<Integer, TaskSample> ended = new HashMap<>();
        for (Row r : processes) {
            if (r.activity().exited()) {
                ended.put(r.activity().sample().id(), r.activity().sample());
            }
        }
        // The living first: an exited process never seen alive looks for its parent's label among them.
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < labels.length; i++) {
                TaskActivity a = processes.get(i).activity();
                if (a.exited() != (pass == 1)) {
                    continue;
                }
                if (kind == GroupKind.USER) {
                    labels[i] = SafeText.escape(users.nameOf(a.sample().uid()));
                    continue;
                }
                Owner owner = owner(a, ended);
                labels[i] = pick(owner.labels(), kind);
                if (owner.cgroup() != null && !a.exited()) {
                    cgroups.computeIfAbsent(labels[i], l -> new LinkedHashSet<>()).add(owner.cgroup());
                }
            }
        }
        return new Labelled(List.of(labels), cgroups);
    }

    /** {@code ended}: the processes that ended in the interval, by ID, through which a parent is looked for. */
    private Owner owner(TaskActivity a, Map<Integer, TaskSample> ended) {
        if (recorded != null) {
            CgroupLabels kept = recorded.ownerOf(a.sample());
            return kept == null ? Owner.UNREADABLE : new Owner(kept, null);
        }
        if (owners == null) {
            ProcCgroup proc = new ProcCgroup(procRoot);
            owners = new CgroupCache<>(proc::read, c -> new Owner(CgroupLabels.of(c), c), o -> o.labels().chars(),
                    Owner.UNREADABLE);
        }
        TaskSample s = a.sample();
        if (!a.exited()) {
            return orParents(owners.of(s.id(), s.startNanos()), s, ended);
        }
        Ended key = new Ended(s.id(), s.startNanos());
        Owner kept = endedOwners.get(key);
        if (kept == null) {
            kept = orParents(ended(s), s, ended);
            endedOwners.put(key, kept);
        }
        return kept;
    }

    /** {@code own}, or when it is unknown, that of the nearest ancestor known. */
    private Owner orParents(Owner own, TaskSample s, Map<Integer, TaskSample> ended) {
        // A shell that ran a command and ended with it, both between two samples, leaves the command
        // with a parent never seen alive: its cgroup is that of the first ancestor seen. Bounded by
        // the processes that ended, as a reused ID could make the chain a loop.
        for (int hops = 0; own == Owner.UNREADABLE && hops <= ended.size(); hops++) {
            CgroupCache.Known<Owner> parent = owners.last(s.ppid());
            if (parent != null) {
                return parent.labels();
            }
            s = ended.get(s.ppid());
            if (s == null) {
                break;
            }
            own = ended(s);
        }
        return own;
    }

    /** What was kept for an exited process when it was seen alive, else {@link Owner#UNREADABLE}. */
    private Owner ended(TaskSample s) {
        CgroupCache.Known<Owner> seen = owners.last(s.id());
        return seen != null && TaskId.sameStartAsExit(seen.startNanos(), s.startNanos()) ? seen.labels()
                : Owner.UNREADABLE;
    }

    private static String pick(CgroupLabels l, GroupKind kind) {
        return switch (kind) {
            case UNIT -> l.unit();
            case CONTAINER -> l.container();
            case POD -> l.pod();
            default -> l.cgroup();
        };
    }
}
