package org.jiotop.output;

import org.jiotop.output.MetricsExport.Names;

import java.util.HashSet;
import java.util.Set;

/**
 * Which (command, user) groups have series of their own: the first ones seen, up to a cap. Every
 * program name is a group, and programs can be named at will (prctl), so without a cap a machine
 * that runs many differently named programs would add series until jiotop, and the scraping
 * Prometheus, ran out of memory. The I/O of groups past the cap goes to one series,
 * {@link #OTHER}, so the sum over all series is still all the I/O.
 */
final class GroupCap {
    /** Both labels, so that users past the cap cannot add series either. */
    static final Names OTHER = new Names("other", "other");

    private final int max;
    private final Set<Names> admitted = new HashSet<>();

    GroupCap(int max) {
        this.max = max;
    }

    /** The series that counts {@code group}'s I/O: its own, or {@link #OTHER} once the cap is reached. */
    Names seriesOf(Names group) {
        if (admitted.contains(group)) {
            return group;
        }
        if (admitted.size() < max) {
            admitted.add(group);
            return group;
        }
        return OTHER;
    }

    /** Groups with series of their own. */
    int size() {
        return admitted.size();
    }
}
