package org.jiotop.view;

import org.jiotop.linux.IoPriority;

/** What a key asks of the code around the view: things the view cannot do itself. */
public sealed interface Command {
    /** Nothing beyond redrawing. */
    record Redraw() implements Command {
    }

    /** Thread/process mode changed: the figures must be measured afresh. */
    record Remeasure() implements Command {
    }

    record Quit() implements Command {
    }

    /** Set the I/O priority of thread {@code id}, or of every thread of process {@code id}. */
    record Ionice(int id, boolean process, IoPriority priority) implements Command {
    }

    /** Show only the tasks of the user with this name (or uid). */
    record FilterUser(String user) implements Command {
    }

    record ToggleDelayAccounting() implements Command {
    }

    /** Show or hide the device panel: not while replaying, since a recording has no device figures. */
    record ToggleDevices() implements Command {
    }

    record SaveSettings() implements Command {
    }

    Command REDRAW = new Redraw();
}
