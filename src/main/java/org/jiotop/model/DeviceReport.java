package org.jiotop.model;

import java.util.List;

/** The block devices over one interval of {@code durationNanos}, in the kernel's order. */
public record DeviceReport(long durationNanos, List<DeviceRates> devices) {
}
