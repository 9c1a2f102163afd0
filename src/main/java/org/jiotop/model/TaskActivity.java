package org.jiotop.model;

import org.jiotop.linux.TaskSample;

/**
 * One task over one interval: its latest sample, what it did during the interval, what it did
 * since jiotop first saw it (or since it started, when it started while jiotop was watching), and
 * when that accumulation began.
 */
public record TaskActivity(TaskSample sample, IoDelta delta, IoDelta accumulated, long accumulatedSinceNanos) {
}
