package org.jiotop.view;

import org.jiotop.model.GraphSource;
import org.jiotop.model.GroupKind;
import org.jiotop.model.IoHistory;
import org.jiotop.model.Row;
import org.jiotop.output.DisplayWidth;
import org.jiotop.output.SizeStyle;
import org.jiotop.output.Sparkline;

import java.util.List;

/**
 * The live view's history graphs in one frame: the GRAPH column, one scale for the rows on screen
 * (the largest figure drawn fills a cell), named with its source in the title; and the Total line's
 * read and write graphs, on a scale of their own written after them.
 */
final class Graphs {
    /** Narrower than this, the column is left out of the frame: too few intervals to show a shape. */
    static final int MIN_WIDTH = 10;
    /** Room kept on the Total line for the header graphs' scale, {@code " max 1023.99 M/s"}. */
    private static final int SCALE_LABEL = 16;

    private final IoHistory history;
    private final GraphSource source;
    private final GroupKind kind;
    private final boolean ascii;
    private final int width;
    private final double scale;
    private final String scaleText;
    private final String wholeScaleText;

    private Graphs(LiveState s, GroupKind kind, List<Row> shown, int width, SizeStyle sizes) {
        this.history = s.history;
        this.source = s.graphSource;
        this.kind = kind;
        this.ascii = s.ascii;
        this.width = width;
        double max = 0;
        for (Row r : shown) {
            max = Math.max(max, Sparkline.max(history.of(r, kind, source, width)));
        }
        this.scale = Sparkline.scale(max);
        this.scaleText = sizes.format(scale, true);
        this.wholeScaleText = sizes.whole(scale, true);
    }

    /** The graphs of the rows {@code shown}, {@code width} intervals wide. */
    static Graphs of(LiveState s, GroupKind kind, List<Row> shown, int width, SizeStyle sizes) {
        return new Graphs(s, kind, shown, width, sizes);
    }

    /**
     * The GRAPH column's width on a screen {@code screenWidth} wide whose other cells, COMMAND's
     * aside, take {@code fixed} columns: two fifths of what COMMAND and GRAPH share, at most the
     * history's depth; 0 when that is under {@link #MIN_WIDTH}.
     */
    static int width(int screenWidth, int fixed) {
        int w = Math.min(IoHistory.DEPTH, Math.max(0, screenWidth - fixed) * 2 / 5);
        return w >= MIN_WIDTH ? w : 0;
    }

    /**
     * The column's title: its source and scale, in the longest form that fits; the source alone
     * when no form of the scale does, since a scale cut short (1024.00 B/) would misstate it.
     */
    String title() {
        for (String title : List.of("GRAPH[" + source.label + "] " + scaleText, source.label + " " + scaleText,
                source.label + " " + wholeScaleText)) {
            if (DisplayWidth.of(title) <= width) {
                return title;
            }
        }
        return source.label;
    }

    String cell(Row r) {
        return Sparkline.of(history.of(r, kind, source, width), scale, ascii);
    }

    /**
     * The Total and Current lines with the Total line's read and write graphs after its figures
     * (the Current line is padded alike, so that its bar stays under the Total's), as wide as
     * {@code screenWidth} leaves room for; the lines as they were when there is no room.
     */
    static String[] header(String total, String current, LiveState s, int screenWidth, SizeStyle sizes) {
        int n = Math.min(IoHistory.DEPTH, (screenWidth - total.length() - SCALE_LABEL - 2) / 2);
        int bar = total.indexOf(" | ");
        if (n < 4 || bar < 0 || current.indexOf(" | ") != bar) {
            return new String[]{total, current};
        }
        double[] read = s.history.totals(GraphSource.READ, n);
        double[] write = s.history.totals(GraphSource.WRITE, n);
        double scale = Sparkline.scale(Math.max(Sparkline.max(read), Sparkline.max(write)));
        String withGraphs = total.substring(0, bar) + " " + Sparkline.of(read, scale, s.ascii) + total.substring(bar)
                + " " + Sparkline.of(write, scale, s.ascii) + " max " + sizes.format(scale, true);
        String padded = current.substring(0, bar) + " ".repeat(n + 1) + current.substring(bar);
        return new String[]{withGraphs, padded};
    }
}
