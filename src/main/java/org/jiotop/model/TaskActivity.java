package org.jiotop.model;

import org.jiotop.linux.TaskSample;

/**
 * One task over one interval: its latest sample, what it did during the interval, what it did
 * since jiotop first saw it (or since it started, when it started while jiotop was watching), and
 * when that accumulation began. {@code exitedName} is the name the kernel gave in its exit report
 * when the task has exited (then {@code sample} holds its final counters), null while it lives.
 */
public record TaskActivity(TaskSample sample, IoDelta delta, IoDelta accumulated, long accumulatedSinceNanos,
                           byte[] exitedName) {

    public TaskActivity(TaskSample sample, IoDelta delta, IoDelta accumulated, long accumulatedSinceNanos) {
        this(sample, delta, accumulated, accumulatedSinceNanos, null);
    }

    public boolean exited() {
        return exitedName != null;
    }
}
