package org.jiotop.output;

import org.jiotop.model.DeviceRates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The device panel of the text views, in iostat's words: a title line, one line per device, and
 * when a device shown serves requests in parallel, its %util marked {@value #MARK} and a note
 * saying why that figure misleads there.
 */
public final class DevicePanel {
    static final String MARK = "*";
    public static final String NOTE = MARK + " not rotational, serves requests in parallel: %util says busy, not"
            + " saturated";
    /** iostat's width of a figure; a column is wider when one of its figures needs it. */
    private static final int WIDTH = 8;
    private static final int LEAST_NAME_WIDTH = 8;

    private DevicePanel() {
    }

    /**
     * The lines for {@code devices}, at most {@code max} of them (title and note included; the
     * caller orders the devices): nothing when not even the title and one device fit.
     */
    public static List<String> lines(List<DeviceRates> devices, int max) {
        return lines(devices, max, true);
    }

    /** The same, with the title line only when {@code titled}: batch text's {@code -q} leaves it out. */
    public static List<String> lines(List<DeviceRates> devices, int max, boolean titled) {
        List<String> out = new ArrayList<>();
        if (max < (titled ? 2 : 1)) {
            return out;
        }
        DeviceField[] fields = DeviceField.values();
        int nameWidth = LEAST_NAME_WIDTH;
        int[] widths = new int[fields.length];
        Arrays.fill(widths, WIDTH);
        List<String[]> figures = new ArrayList<>(devices.size());
        for (DeviceRates r : devices) {
            nameWidth = Math.max(nameWidth, DisplayWidth.of(r.name()));
            String[] f = new String[fields.length];
            for (int i = 0; i < fields.length; i++) {
                f[i] = Units.fixed2(fields[i].of(r) / fields[i].textUnit);
                // An NVMe drive does hundreds of thousands of requests a second: wider than iostat's 8 columns.
                widths[i] = Math.max(widths[i], f[i].length());
            }
            figures.add(f);
        }
        if (titled) {
            StringBuilder title = Text.left(new StringBuilder(), DeviceField.NAME_TITLE, nameWidth);
            for (int i = 0; i < fields.length; i++) {
                Text.right(title.append(' '), fields[i].title, widths[i]);
            }
            out.add(title.toString());
        }
        boolean marked = false;
        for (int d = 0; d < devices.size(); d++) {
            DeviceRates r = devices.get(d);
            boolean mark = r.parallel();
            if (out.size() + (marked || mark ? 1 : 0) >= max) {
                break;
            }
            StringBuilder b = Text.left(new StringBuilder(), r.name(), nameWidth);
            for (int i = 0; i < fields.length; i++) {
                Text.right(b.append(' '), figures.get(d)[i], widths[i]);
            }
            out.add(mark ? b.append(MARK).toString() : b.toString());
            marked |= mark;
        }
        if (marked) {
            out.add(NOTE);
        }
        return out;
    }
}
