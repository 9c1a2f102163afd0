package org.jiotop.linux;

/**
 * The text columns of a row, already escaped: I/O priority, user, the full command
 * line, and the short name the live view shows by default. The process's part of each command is
 * kept apart from the thread's suffix ({@code " [name]"}) so that the threads of a process share
 * one copy of its command line; the two are joined only when a row is shown.
 */
public record TaskLabels(TaskPriority priority, String user, String processCommand, String processShortCommand,
                         String threadSuffix) {

    public TaskLabels(TaskPriority priority, String user, String command, String shortCommand) {
        this(priority, user, command, shortCommand, "");
    }

    public TaskLabels(TaskPriority priority, String user, String command) {
        this(priority, user, command, command);
    }

    public String command() {
        return threadSuffix.isEmpty() ? processCommand : processCommand + threadSuffix;
    }

    public String shortCommand() {
        return threadSuffix.isEmpty() ? processShortCommand : processShortCommand + threadSuffix;
    }
}
