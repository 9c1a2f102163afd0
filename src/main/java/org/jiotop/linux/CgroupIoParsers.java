package org.jiotop.linux;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsers of a cgroup's I/O counter files. A line that is not about a device (v1's closing
 * {@code Total N}) or is malformed is skipped; a value that does not parse counts as absent (0).
 */
final class CgroupIoParsers {
    /** Where each counter sits in the array a device's counts are gathered in. */
    private static final int READ_BYTES = 0;
    private static final int WRITE_BYTES = 1;
    private static final int READS = 2;
    private static final int WRITES = 3;
    private static final int DISCARD_BYTES = 4;
    private static final int DISCARDS = 5;
    private static final String[] IO_STAT_KEYS = {"rbytes=", "wbytes=", "rios=", "wios=", "dbytes=", "dios="};
    private static final String[] BLKIO_OPERATIONS = {"Read", "Write", "Discard"};
    /** Where each of {@link #BLKIO_OPERATIONS} goes, from {@code io_service_bytes} and from {@code io_serviced}. */
    private static final int[] BLKIO_BYTES = {READ_BYTES, WRITE_BYTES, DISCARD_BYTES};
    private static final int[] BLKIO_COUNTS = {READS, WRITES, DISCARDS};

    private CgroupIoParsers() {
    }

    /** cgroup v2 {@code io.stat}: {@code MAJ:MIN rbytes=N wbytes=N rios=N wios=N dbytes=N dios=N} per line. */
    static CgroupIo ioStat(byte[] text, int length) {
        Map<Long, long[]> devices = new LinkedHashMap<>();
        for (int line = 0; line < length; line = lineEnd(text, line, length) + 1) {
            int end = lineEnd(text, line, length);
            int at = fieldEnd(text, line, end);
            long[] counts = device(devices, text, line, at);
            for (int field = at + 1; counts != null && field < end; field = at + 1) {
                at = fieldEnd(text, field, end);
                for (int k = 0; k < IO_STAT_KEYS.length; k++) {
                    if (startsWith(text, field, at, IO_STAT_KEYS[k])) {
                        counts[k] = value(text, field + IO_STAT_KEYS[k].length(), at);
                    }
                }
            }
        }
        return new CgroupIo(CgroupHierarchy.V2, list(devices));
    }

    /**
     * cgroup v1 {@code blkio.throttle.io_service_bytes} and {@code io_serviced}: lines
     * {@code MAJ:MIN OPERATION N} ({@code Sync}, {@code Async} and {@code Total} split or sum the
     * same I/O again, and are not kept), then {@code Total N}.
     */
    static CgroupIo blkio(byte[] bytes, int bytesLength, byte[] serviced, int servicedLength) {
        Map<Long, long[]> devices = new LinkedHashMap<>();
        blkio(devices, bytes, bytesLength, BLKIO_BYTES);
        blkio(devices, serviced, servicedLength, BLKIO_COUNTS);
        return new CgroupIo(CgroupHierarchy.BLKIO, list(devices));
    }

    private static void blkio(Map<Long, long[]> devices, byte[] text, int length, int[] into) {
        for (int line = 0; line < length; line = lineEnd(text, line, length) + 1) {
            int end = lineEnd(text, line, length);
            int deviceEnd = fieldEnd(text, line, end);
            int operationEnd = fieldEnd(text, Math.min(deviceEnd + 1, end), end);
            long[] counts = device(devices, text, line, deviceEnd);
            for (int k = 0; counts != null && k < BLKIO_OPERATIONS.length; k++) {
                String operation = BLKIO_OPERATIONS[k];
                if (operationEnd - deviceEnd - 1 == operation.length()
                        && startsWith(text, deviceEnd + 1, operationEnd, operation)) {
                    counts[into[k]] = value(text, operationEnd + 1, end);
                }
            }
        }
    }

    /**
     * The counts of the device named by {@code MAJ:MIN} in {@code [from, to)}, made when new; null
     * when it names none.
     */
    private static long[] device(Map<Long, long[]> devices, byte[] text, int from, int to) {
        int colon = from;
        while (colon < to && text[colon] != ':') {
            colon++;
        }
        long major = colon == from ? -1 : ProcParsers.parseDecimal(text, from, colon);
        long minor = colon + 1 >= to ? -1 : ProcParsers.parseDecimal(text, colon + 1, to);
        if (major < 0 || minor < 0 || major > Integer.MAX_VALUE || minor > Integer.MAX_VALUE) {
            return null;
        }
        return devices.computeIfAbsent(major << 32 | minor, k -> new long[IO_STAT_KEYS.length]);
    }

    private static List<DeviceIo> list(Map<Long, long[]> devices) {
        List<DeviceIo> out = new ArrayList<>(devices.size());
        devices.forEach((device, c) -> out.add(new DeviceIo((int) (device >>> 32), (int) (long) device,
                new IoCounts(c[READ_BYTES], c[WRITE_BYTES], c[READS], c[WRITES], c[DISCARD_BYTES], c[DISCARDS]))));
        return out;
    }

    private static long value(byte[] text, int from, int to) {
        return from >= to ? 0 : Math.max(0, ProcParsers.parseDecimal(text, from, to));
    }

    private static int lineEnd(byte[] text, int from, int length) {
        int i = from;
        while (i < length && text[i] != '\n') {
            i++;
        }
        return i;
    }

    private static int fieldEnd(byte[] text, int from, int to) {
        int i = from;
        while (i < to && text[i] != ' ') {
            i++;
        }
        return i;
    }

    private static boolean startsWith(byte[] text, int from, int to, String ascii) {
        if (to - from < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (text[from + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
