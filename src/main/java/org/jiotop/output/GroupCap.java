package org.jiotop.output;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Which groups have series of their own: those seen first, up to a cap, until they have done no
 * I/O for a while. Every program name is a group, and programs can be named at will (prctl), so
 * without a cap a machine that runs many differently named programs would add series until
 * jiotop, and the scraping Prometheus, ran out of memory; without expiry the first groups of a
 * long run would hold the cap for good. The I/O of groups past the cap goes to one series,
 * {@link #other}, so the sum over all series is still all the I/O.
 */
final class GroupCap {
    private final SeriesLabels other;
    private final int max;
    private final long idleIntervals;
    /** Each admitted group and the last interval it did I/O in. */
    private final Map<SeriesLabels, Long> lastActive = new HashMap<>();
    private long interval;

    GroupCap(SeriesLabels other, int max, long idleIntervals) {
        this.other = other;
        this.max = max;
        this.idleIntervals = idleIntervals;
    }

    SeriesLabels other() {
        return other;
    }

    /** The series that counts {@code group}'s I/O in this interval: its own, or {@link #other} past the cap. */
    SeriesLabels seriesOf(SeriesLabels group) {
        if (group.equals(other)) {
            // Not a group with a series of its own: it would take a slot, and on expiry be carried
            // into itself and removed, its counts lost.
            return other;
        }
        if (lastActive.containsKey(group) || lastActive.size() < max) {
            lastActive.put(group, interval);
            return group;
        }
        return other;
    }

    /** Ends the interval; gives the groups that have now been idle {@code idleIntervals} and no longer have series. */
    List<SeriesLabels> endInterval() {
        interval++;
        List<SeriesLabels> expired = new ArrayList<>();
        for (Iterator<Map.Entry<SeriesLabels, Long>> it = lastActive.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<SeriesLabels, Long> e = it.next();
            if (interval - e.getValue() > idleIntervals) {
                expired.add(e.getKey());
                it.remove();
            }
        }
        return expired;
    }

    /** Groups with series of their own. */
    int size() {
        return lastActive.size();
    }
}
