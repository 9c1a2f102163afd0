package org.jiotop.linux;

/** {@code pgpgin}/{@code pgpgout} of {@code /proc/vmstat}: KiB moved by the block layer since boot. */
public record VmCounters(long pagedInKiB, long pagedOutKiB) {
}
