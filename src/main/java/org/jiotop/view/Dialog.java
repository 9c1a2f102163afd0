package org.jiotop.view;

/** What the live view is asking for, if anything, in place of its "Current" line or its rows. */
public sealed interface Dialog {

    /** The list of keys, in place of the rows, from its line {@code top} on (scrolled on a short screen). */
    record Help(int top) implements Dialog {
    }

    /** A line of text being typed. {@code id} is the thread or process an ionice level is for. */
    record Prompt(Purpose purpose, String text, int id, int ioClass) implements Dialog {
        Prompt withText(String t) {
            return new Prompt(purpose, t, id, ioClass);
        }
    }

    /** Choosing an I/O class for {@code id}: 0 real-time, 1 best-effort, 2 idle. */
    record ClassPicker(int id, int index) implements Dialog {
    }

    enum Purpose { IONICE_ID, IONICE_LEVEL, FILTER, SEARCH }
}
