package org.jiotop.model;

import java.util.regex.Pattern;

/**
 * Which tasks count as monitored: a process (by PID: the process and its threads) and a regular
 * expression matched anywhere in the ID and in the full and short command. The expression needs the
 * rows' labels; the PID does not. A group row is matched by its label alone (the PID chose the
 * processes it sums).
 */
public record RowFilter(Integer pid, Pattern search) {
    public static final RowFilter NONE = new RowFilter(null, null);

    boolean keeps(TaskActivity a) {
        return pid == null || a.sample().id() == pid || a.sample().tgid() == pid;
    }

    boolean matches(Row row) {
        if (search != null && row.group() != null) {
            return search.matcher(row.group().label()).find();
        }
        if (search == null || search.matcher(Integer.toString(row.id())).find()) {
            return true;
        }
        var l = row.shownLabels();
        return search.matcher(l.command()).find() || search.matcher(l.shortCommand()).find();
    }
}
