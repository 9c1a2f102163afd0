package org.jiotop.linux;

import java.util.BitSet;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The samples of one scan, made in listing order (by process, then by thread) while walking the
 * previous scan's alongside. A task whose draft matches its previous sample gets that sample
 * object back and is marked unchanged, so the thousands of idle tasks of a refresh create no
 * garbage and the model can tell them without comparing anything.
 */
final class ScanSamples {
    private final List<TaskSample> before;
    private int at;
    private final List<TaskSample> tasks;
    private final BitSet unchanged;

    /**
     * {@code before}: the previous scan's samples, in listing order, of the same mode (threads or
     * processes); {@code tasks} and {@code unchanged}, empty, to fill.
     */
    ScanSamples(List<TaskSample> before, List<TaskSample> tasks, BitSet unchanged) {
        this.before = before;
        this.tasks = tasks;
        this.unchanged = unchanged;
    }

    /**
     * The previous scan's sample of the task of {@code d}, or null (new, or the first scan); only
     * moves forward, so it is asked, if at all, just before {@link #add} of the same draft.
     */
    TaskSample previous(SampleDraft d) {
        skipTo(d);
        if (at < before.size()) {
            TaskSample p = before.get(at);
            return p.id() == d.id() && p.tgid() == d.tgid() ? p : null;
        }
        return null;
    }

    void add(SampleDraft d) {
        skipTo(d);
        if (at < before.size() && d.matches(before.get(at))) {
            unchanged.set(tasks.size());
            tasks.add(before.get(at));
        } else {
            tasks.add(d.sample());
        }
    }

    /** Adds {@code p}, the previous scan's sample of a task known not to have changed since. */
    void addKept(TaskSample p) {
        unchanged.set(tasks.size());
        tasks.add(p);
    }

    /**
     * Adds the previous scan's samples of the {@code count} threads of process {@code tgid}, the
     * {@code k}th of which is {@code tid.applyAsInt(k)} (ascending), known not to have changed
     * since; true when the previous scan had a sample of each of them and of no other thread of the
     * process, false (and nothing added) otherwise.
     */
    boolean addKeptProcess(int tgid, IntUnaryOperator tid, int count) {
        skipTo(tgid, tid.applyAsInt(0));
        if (at + count > before.size()) {
            return false;
        }
        for (int k = 0; k < count; k++) {
            TaskSample p = before.get(at + k);
            if (p.tgid() != tgid || p.id() != tid.applyAsInt(k)) {
                return false;
            }
        }
        if (at + count < before.size() && before.get(at + count).tgid() == tgid) {
            return false; // a thread that has ended since
        }
        for (int k = 0; k < count; k++) {
            addKept(before.get(at++));
        }
        return true;
    }

    private void skipTo(SampleDraft d) {
        skipTo(d.tgid(), d.id());
    }

    private void skipTo(int tgid, int id) {
        while (at < before.size() && listedBefore(before.get(at), tgid, id)) {
            at++;
        }
    }

    List<TaskSample> tasks() {
        return tasks;
    }

    /** Which of {@link #tasks()}, by index, are as the previous scan had them. */
    BitSet unchanged() {
        return unchanged;
    }

    private static boolean listedBefore(TaskSample p, int tgid, int id) {
        return p.tgid() < tgid || (p.tgid() == tgid && p.id() < id);
    }
}
