package org.jiotop.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The values of {@code --since}/{@code --until} and {@code --record-max}: moments and sizes. */
final class TimeBound {
    private TimeBound() {
    }

    /** Checks a moment's text; it is kept as text and read at run time, when "now" is known. */
    static String check(String option, String value) throws UsageException {
        if (parse(value, Instant.EPOCH) == null) {
            throw new UsageException("option " + option + ": invalid time: '" + value
                    + "' (want an ISO date and time such as 2026-12-06T03:00, a date, a time of day such as 03:00,"
                    + " or relative such as -2h)");
        }
        return value;
    }

    /**
     * The moment {@code text} names: {@code -N} with {@code s}, {@code m}, {@code h} or {@code d}
     * before {@code now}; an ISO date-time with an offset or {@code Z}; or one without, in the local
     * time zone (a space may stand for the {@code T}); a date alone, at its first moment; a time of
     * day alone, on {@code now}'s day. Null when it is none of these.
     */
    static Instant parse(String text, Instant now) {
        String t = text.strip();
        if (t.length() >= 3 && t.charAt(0) == '-' && Character.isDigit(t.charAt(1))) {
            long unit = switch (Character.toLowerCase(t.charAt(t.length() - 1))) {
                case 's' -> 1;
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86_400;
                default -> 0;
            };
            String digits = t.substring(1, t.length() - 1);
            if (unit == 0 || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
                return null;
            }
            return now.minusSeconds(Long.parseLong(digits) * unit);
        }
        String iso = t.replace(' ', 'T').toUpperCase(Locale.ROOT);
        ZoneId zone = ZoneId.systemDefault();
        List<Function<String, Instant>> forms = List.of(
                s -> OffsetDateTime.parse(s).toInstant(),
                s -> LocalDateTime.parse(s).atZone(zone).toInstant(),
                s -> LocalDate.parse(s).atStartOfDay(zone).toInstant(),
                s -> LocalDateTime.of(LocalDate.ofInstant(now, zone), LocalTime.parse(s)).atZone(zone).toInstant());
        for (Function<String, Instant> form : forms) {
            try {
                return form.apply(iso);
            } catch (DateTimeException e) {
                // not this form
            }
        }
        return null;
    }

    /** The least size a recording is given: a file of it holds some intervals. */
    static final long MIN_SIZE = 64 << 10;
    /** The sizes {@link #size} takes, as the texts and its error say them. */
    static final String SIZE_RANGE = "from " + (MIN_SIZE >> 10) + "K";

    /** Bytes, or with a K, M or G suffix (1024, 1024², 1024³); at least {@link #MIN_SIZE}. */
    static Long size(String option, String value) throws UsageException {
        String v = value.strip().toUpperCase(Locale.ROOT);
        int shift = v.endsWith("K") ? 10 : v.endsWith("M") ? 20 : v.endsWith("G") ? 30 : 0;
        String digits = shift == 0 ? v : v.substring(0, v.length() - 1);
        // Up to 1 PiB: past that, and past what 12 digits shifted would fit in a long, is no size.
        if (!digits.isEmpty() && digits.length() <= 12 && digits.chars().allMatch(Character::isDigit)
                && Long.parseLong(digits) < (1L << 50) >> shift) {
            long bytes = Long.parseLong(digits) << shift;
            if (bytes >= MIN_SIZE) {
                return bytes;
            }
        }
        throw new UsageException("option " + option + ": invalid size: '" + value
                + "' (want bytes " + SIZE_RANGE + ", e.g. 100M or 2G)");
    }
}
