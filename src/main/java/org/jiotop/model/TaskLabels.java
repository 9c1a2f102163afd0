package org.jiotop.model;

/**
 * The text columns of a row, already escaped: I/O priority ({@code be/4}), user, the full command
 * line, and the short name the live view shows by default.
 */
public record TaskLabels(String priority, String user, String command, String shortCommand) {

    public TaskLabels(String priority, String user, String command) {
        this(priority, user, command, command);
    }
}
