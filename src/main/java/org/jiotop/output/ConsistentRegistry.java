package org.jiotop.output;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A registry whose scrapes never see a change made under {@link #exclusive()} half done: moving an
 * expired group's counts into {@code other} takes two steps, and a scrape between them would see
 * the sum over all series go down, then up. Scrapes share the lock, so they never wait for each
 * other, only for such a move, which takes microseconds.
 */
public final class ConsistentRegistry extends PrometheusRegistry {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    Lock exclusive() {
        return lock.writeLock();
    }

    // Each under the lock and calling its own super: the library's variants call one another, and
    // a read lock may be taken again by its holder.
    @Override
    public MetricSnapshots scrape() {
        return locked(super::scrape);
    }

    @Override
    public MetricSnapshots scrape(PrometheusScrapeRequest request) {
        return locked(() -> super.scrape(request));
    }

    @Override
    public MetricSnapshots scrape(Predicate<String> names) {
        return locked(() -> super.scrape(names));
    }

    @Override
    public MetricSnapshots scrape(Predicate<String> names, PrometheusScrapeRequest request) {
        return locked(() -> super.scrape(names, request));
    }

    private MetricSnapshots locked(Supplier<MetricSnapshots> scrape) {
        lock.readLock().lock();
        try {
            return scrape.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
