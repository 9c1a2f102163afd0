package org.jiotop.model;

/** The text columns of a row, already escaped: I/O priority ({@code be/4}), user, command. */
public record TaskLabels(String priority, String user, String command) {
}
