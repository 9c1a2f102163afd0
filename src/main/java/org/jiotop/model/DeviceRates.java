package org.jiotop.model;

/**
 * One block device over one interval, the figures of {@code iostat -x}: completed requests per
 * second, bytes per second, the mean time a completed request took from queueing to completion
 * ({@code r_await}, {@code w_await}, 0 when none completed), the mean number of requests in flight
 * ({@code aqu-sz}) and the share of the interval the device had any request in flight
 * ({@code %util}). {@code parallel}: the device serves requests in parallel, so a %util near 100
 * does not mean it is saturated.
 */
public record DeviceRates(String name, boolean partition, boolean parallel,
                          double readsPerSecond, double writesPerSecond,
                          double readBytesPerSecond, double writeBytesPerSecond,
                          double readAwaitMillis, double writeAwaitMillis,
                          double queueSize, double utilPercent) {

    /** Whether the device did anything in the interval. */
    public boolean active() {
        return readsPerSecond > 0 || writesPerSecond > 0 || utilPercent > 0 || queueSize > 0;
    }
}
