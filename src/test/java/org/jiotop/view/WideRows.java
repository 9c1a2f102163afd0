package org.jiotop.view;

import org.jiotop.linux.IoPriority;
import org.jiotop.linux.TaskSample;
import org.jiotop.model.IoDelta;
import org.jiotop.model.LabelSource;
import org.jiotop.model.Report;
import org.jiotop.model.Row;
import org.jiotop.model.TaskActivity;
import org.jiotop.linux.TaskLabels;
import org.jiotop.linux.TaskPriority;

import java.text.BreakIterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows whose users and commands hold wide characters, combining marks, emoji sequences and flags. */
final class WideRows {
    static final String THUMBS_UP_MEDIUM = "\uD83D\uDC4D\uD83C\uDFFD";
    static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
    static final String HEART = "\u2764\uFE0F";
    static final String FLAGS = "\uD83C\uDDEF\uD83C\uDDF5\uD83C\uDDEB\uD83C\uDDF7\uD83C\uDDE9\uD83C\uDDEA"
            + "\uD83C\uDDEE\uD83C\uDDF9\uD83C\uDDEC\uD83C\uDDE7\uD83C\uDDFA\uD83C\uDDF8";

    /** 60 CJK characters; an emoji with a skin tone, a ZWJ family and VS16; combining marks; flags. */
    static final List<String> COMMANDS = List.of(
            "甲乙丙丁戊己庚辛壬癸".repeat(5) + "子丑寅卯辰巳午未申酉",
            "notify --icon " + THUMBS_UP_MEDIUM + " --group " + FAMILY + " --mood " + HEART + " --to " + FAMILY
                    + THUMBS_UP_MEDIUM + " sent",
            "re\u0301sume\u0301 cafe\u0301 nai\u0308ve Zoe\u0308 pin\u0303ata a\u0300 la\u0300 fac\u0327ade"
                    + " cre\u0300me bru\u0302le\u0301e de\u0301ja\u0300 vu a\u0301\u0302\u0323 o\u0308\u0304 end",
            "flags " + FLAGS + " --lang " + FLAGS + " done");

    private static final Map<Integer, TaskLabels> LABELS = Map.of(
            101, new TaskLabels(TaskPriority.of(new IoPriority(IoPriority.CLASS_BE, 4)), "用户名字", COMMANDS.get(0)),
            102, new TaskLabels(TaskPriority.of(new IoPriority(IoPriority.CLASS_BE, 4)), "管理者ユーザー", COMMANDS.get(1)),
            103, new TaskLabels(TaskPriority.IDLE, "jose\u0301", COMMANDS.get(2)),
            104, new TaskLabels(TaskPriority.of(new IoPriority(IoPriority.CLASS_RT, 0)), "root", COMMANDS.get(3)));
    static final LabelSource SOURCE = (row, processes) -> LABELS.get(row.id());

    private WideRows() {
    }

    static Report report() {
        List<Row> rows = List.of(
                row(101, 40.0), row(102, 30.0), row(103, 20.0), row(104, 10.0));
        return new Report(0, 1_000_000_000L, false, false, true, 0, 4_194_304, 0, 4_194_304, -1, rows);
    }

    private static Row row(int id, double io) {
        TaskActivity activity = new TaskActivity(new TaskSample(id, id, 1, 0, 0, false, 0, 0, 0, 0, 0),
                IoDelta.ZERO, IoDelta.ZERO, 0, null);
        return new Row(id, id, 0, 0, 1_048_576, 0, io, activity);
    }

    static void assertNoLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))).as("%s at %d", s, i).isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c)).as("%s at %d", s, i).isFalse();
            }
        }
    }

    static boolean isClusterBoundary(String text, int at) {
        BreakIterator clusters = BreakIterator.getCharacterInstance();
        clusters.setText(text);
        return clusters.isBoundary(at);
    }
}
