package org.jiotop.cli;

/** A bad command line; the message is the one line shown to the user (exit status 2). */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
