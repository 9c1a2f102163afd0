package org.jiotop.output;

import org.jiotop.model.DeviceRates;

import java.util.ArrayList;
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
        int nameWidth = LEAST_NAME_WIDTH;
        for (DeviceRates r : devices) {
            nameWidth = Math.max(nameWidth, DisplayWidth.of(r.name()));
        }
        List<String> out = new ArrayList<>();
        if (max < (titled ? 2 : 1)) {
            return out;
        }
        if (titled) {
            StringBuilder title = Text.left(new StringBuilder(), DeviceField.NAME_TITLE, nameWidth);
            for (DeviceField f : DeviceField.values()) {
                Text.right(title.append(' '), f.title, WIDTH);
            }
            out.add(title.toString());
        }
        boolean marked = false;
        for (DeviceRates r : devices) {
            boolean mark = r.parallel();
            if (out.size() + (marked || mark ? 1 : 0) >= max) {
                break;
            }
            StringBuilder b = Text.left(new StringBuilder(), r.name(), nameWidth);
            for (DeviceField f : DeviceField.values()) {
                Text.right(b.append(' '), Units.fixed2(f.of(r) / f.textUnit), WIDTH);
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
