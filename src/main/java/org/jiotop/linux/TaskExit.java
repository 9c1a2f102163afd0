package org.jiotop.linux;

/**
 * The kernel's final report on a task (thread) that exited: its last counters, as a sample, and
 * its name ({@code comm}), since /proc no longer has it.
 */
public record TaskExit(TaskSample last, byte[] name) {
}
