package org.jiotop.cli;

import org.jiotop.model.SortKey;
import org.jiotop.output.Column;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an option's value is: how it is read from its text (with the one-line message of a bad
 * value) and written back, for the config file. One switch per direction rather than a lambda per
 * option, which the class initialisation of every start would pay for.
 */
enum ValueKind {
    /** No value: given means true. */
    FLAG,
    /** No value, counted: {@code -qq} is 2. */
    COUNTED,
    /** A whole number >= 0; unset is -1. */
    COUNT,
    /** Seconds as a plain decimal, from {@link #MIN_DELAY} to {@link #MAX_DELAY}. */
    SECONDS,
    /** A whole number within the option's range. */
    WHOLE,
    /** A positive ID; repeatable. */
    ID,
    /** A user name or uid; repeatable. */
    USER,
    /** A Java regular expression. */
    REGEX,
    /** A column of the live view. */
    SORT,
    /** One of the option's choices. */
    CHOICE,
    /** Some of the option's choices, separated by commas, each once. */
    CHOICES,
    /** {@code PORT}, {@code HOST:PORT} or {@code [IPV6]:PORT}. */
    ADDRESS,
    /** Two parts separated by a colon, as the option's value name says. */
    PAIR,
    /** {@code NAME:FILE}: a header the HTTP client may send, its value in the file; repeatable. */
    HEADER,
    /** An http or https URL with a host. */
    URL,
    /** A path. */
    FILE,
    /** Bytes, with an optional K, M or G (powers of 1024). */
    SIZE,
    /** A moment: ISO date and time, or relative to now such as -2h ({@link TimeBound}). */
    TIME,
    /** Columns shown only when asked, by name, separated by commas; repeatable. */
    COLUMNS;

    static final double MIN_DELAY = 0.01;
    static final double MAX_DELAY = 86_400;

    boolean takesValue() {
        return this != FLAG && this != COUNTED;
    }

    boolean repeatable() {
        return this == ID || this == USER || this == COLUMNS || this == HEADER;
    }

    /** The value of an option not given. */
    Object unset() {
        return switch (this) {
            case FLAG -> Boolean.FALSE;
            case COUNTED -> 0;
            case COUNT -> -1L;
            case ID, USER, COLUMNS, HEADER -> List.of();
            default -> null;
        };
    }

    /**
     * The value {@code value} stands for, as option {@code option} written {@code shown}; for
     * repeatable kinds one item.
     */
    Object parse(Option option, String shown, String value) throws UsageException {
        return switch (this) {
            case FLAG -> Boolean.TRUE;
            case COUNTED -> 1;
            case COUNT -> count(shown, value);
            case SECONDS -> seconds(shown, value, option.spec);
            case WHOLE -> (int) bounded(shown, value, option.spec);
            case ID -> id(shown, value);
            case USER -> user(shown, value);
            case REGEX -> regex(shown, value);
            case SORT -> sortKey(shown, value);
            case CHOICE -> oneOf(shown, value, option.spec.choices);
            case CHOICES -> someOf(shown, value, option.spec.choices);
            case ADDRESS -> listenAddress(shown, value);
            case PAIR -> pair(shown, value, option.spec.valueName);
            case HEADER -> header(shown, pair(shown, value, option.spec.valueName));
            case URL -> url(shown, value);
            case FILE -> file(shown, value);
            case SIZE -> TimeBound.size(shown, value);
            case TIME -> TimeBound.check(shown, value);
            case COLUMNS -> columns(shown, value);
        };
    }

    /** The text that {@link #parse} reads back as {@code value}. */
    String format(Object value) {
        return switch (this) {
            case SECONDS -> BigDecimal.valueOf((Double) value).toPlainString();
            case SORT -> sortName((SortKey) value);
            case COLUMNS -> String.join(",", ((List<?>) value).stream().map(c -> ((Column) c).optionName()).toList());
            default -> value.toString();
        };
    }

    /** The names {@code --sort} takes, in screen order. */
    static List<String> sortNames() {
        List<String> names = new ArrayList<>();
        for (SortKey k : SortKey.values()) {
            names.add(sortName(k));
        }
        return names;
    }

    private static String sortName(SortKey k) {
        return k == SortKey.ID ? "tid" : k.name().toLowerCase(Locale.ROOT);
    }

    private static long count(String option, String value) throws UsageException {
        try {
            long n = parseWhole(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("option " + option + ": invalid count: '" + value + "' (want a whole number from 0 to "
                + Long.MAX_VALUE + ")");
    }

    private static String oneOf(String option, String value, List<String> allowed) throws UsageException {
        if (allowed.contains(value.strip())) {
            return value.strip();
        }
        throw new UsageException("option " + option + ": invalid value: '" + value + "' (want "
                + String.join(", ", allowed) + ")");
    }

    private static String someOf(String option, String value, List<String> allowed) throws UsageException {
        List<String> picked = new ArrayList<>();
        for (String v : value.split(",", -1)) {
            String word = oneOf(option, v, allowed);
            if (picked.contains(word)) {
                throw new UsageException("option " + option + ": '" + word + "' given twice");
            }
            picked.add(word);
        }
        return String.join(",", picked);
    }

    /** A bare port listens on 127.0.0.1. */
    private static ListenAddress listenAddress(String option, String value) throws UsageException {
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : value.substring(0, colon);
        String port = value.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!host.isEmpty() && !host.contains(" ") && wholeNumber(port)) {
            try {
                long p = Long.parseLong(port);
                if (p >= 0 && p <= 65535) {
                    return new ListenAddress(host, (int) p);
                }
            } catch (NumberFormatException e) {
                // more digits than a long holds: out of range too
            }
            throw new UsageException("option " + option + ": port out of range: " + port
                    + " (want 1 to 65535, or 0 for any free port)");
        }
        throw new UsageException("option " + option + ": invalid address: '" + value + "' (want PORT or ADDR:PORT)");
    }

    /** Digits, perhaps after a minus sign (a negative port is out of range, not malformed). */
    /**
     * Digits, with a minus sign at most, as every whole number jiotop takes is written: parseLong
     * alone would also take "+5" and digits of other scripts.
     */
    private static long parseWhole(String value) {
        String v = value.strip();
        if (!wholeNumber(v)) {
            throw new NumberFormatException(v);
        }
        return Long.parseLong(v);
    }

    private static boolean wholeNumber(String s) {
        int from = s.startsWith("-") ? 1 : 0;
        if (s.length() == from) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String pair(String option, String value, String form) throws UsageException {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new UsageException("option " + option + ": invalid value: '" + value + "' (want " + form + ")");
        }
        return value;
    }

    /**
     * The JDK's HTTP client, which sends the header, decides which names it takes (tokens, and not
     * those it sets itself such as Host), so it is asked rather than told its rule again.
     */
    private static String header(String option, String value) throws UsageException {
        String name = value.substring(0, value.indexOf(':'));
        try {
            java.net.http.HttpRequest.newBuilder().header(name, "");
            return value;
        } catch (IllegalArgumentException e) {
            throw new UsageException("option " + option + ": invalid header name: '" + name + "' (want letters,"
                    + " digits and !#$%&'*+-.^_`|~, not one the HTTP client sets itself such as Host)");
        }
    }

    private static String url(String option, String value) throws UsageException {
        try {
            java.net.URI u = new java.net.URI(value);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                // The URI takes any port; the HTTP client would refuse it at each push.
                if (u.getPort() == 0 || u.getPort() > 65535) {
                    throw new UsageException("option " + option + ": port out of range: " + u.getPort()
                            + " (want 1 to 65535)");
                }
                return value;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new UsageException("option " + option + ": invalid URL: '" + value + "' (want http://HOST[:PORT]/PATH"
                + " or https://...)");
    }

    /** The names {@code --show} takes: the columns hidden until asked for. */
    static List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (Column c : Column.values()) {
            if (c.hiddenByDefault()) {
                names.add(c.optionName());
            }
        }
        return names;
    }

    /** The first of {@code columns} that batch text has not (the live view's own), or null. */
    static Column liveOnly(List<?> columns) {
        for (Object c : columns) {
            if (((Column) c).batch() == Column.Batch.NEVER) {
                return (Column) c;
            }
        }
        return null;
    }

    private static List<Column> columns(String option, String value) throws UsageException {
        List<Column> out = new ArrayList<>();
        for (String name : value.split(",", -1)) {
            String v = name.strip().toLowerCase(Locale.ROOT);
            Column found = null;
            for (Column c : Column.values()) {
                if (c.optionName().equals(v) && c.hiddenByDefault()) {
                    found = c;
                }
            }
            if (found == null) {
                throw new UsageException("option " + option + ": unknown column: '" + name + "' (want "
                        + String.join(", ", columnNames()) + ")");
            }
            out.add(found);
        }
        return out;
    }

    private static SortKey sortKey(String option, String value) throws UsageException {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (SortKey k : SortKey.values()) {
            if (sortName(k).equals(v) || k.name().toLowerCase(Locale.ROOT).equals(v)
                    || (k == SortKey.ID && v.equals("pid"))) {
                return k;
            }
        }
        throw new UsageException("option " + option + ": unknown column: '" + value + "' (want "
                + OptionSpec.listed(sortNames(), false) + ")");
    }

    private static String regex(String option, String value) throws UsageException {
        try {
            java.util.regex.Pattern.compile(value);
            return value;
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new UsageException("option " + option + ": invalid regular expression: '" + value + "' ("
                    + e.getDescription() + ")");
        }
    }

    private static long bounded(String option, String value, OptionSpec spec) throws UsageException {
        try {
            long n = parseWhole(value);
            if (n >= spec.min && n <= spec.max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("option " + option + ": invalid value: '" + value + "' (want a whole number from "
                + spec.range() + ")");
    }

    private static double seconds(String option, String value, OptionSpec spec) throws UsageException {
        // Plain decimals only: Double.parseDouble would also take "NaN", "1e3", "0x1p0" and "1d".
        String v = value.strip();
        if (plainDecimal(v)) {
            double d = Double.parseDouble(v);
            if (d >= MIN_DELAY && d <= MAX_DELAY) {
                return d;
            }
        }
        throw new UsageException("option " + option + ": invalid delay: '" + value + "' (want seconds from "
                + spec.range() + ", e.g. 0.5)");
    }

    /**
     * Up to nine digits with an optional fraction, or a bare fraction such as ".5". Checked by hand:
     * a regular expression here would be compiled on every start.
     */
    static boolean plainDecimal(String v) {
        int dot = v.indexOf('.');
        int whole = dot < 0 ? v.length() : dot;
        if (whole > 9 || (whole == 0 && (dot < 0 || dot == v.length() - 1))) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c < '0' || c > '9') && i != dot) {
                return false;
            }
        }
        return true;
    }

    private static int id(String option, String value) throws UsageException {
        try {
            long pid = parseWhole(value);
            if (pid > 0 && pid <= Integer.MAX_VALUE) {
                return (int) pid;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("option " + option + ": invalid process id: '" + value + "'");
    }

    private static String file(String option, String value) throws UsageException {
        if (value.isEmpty()) {
            throw new UsageException("option " + option + ": empty file name");
        }
        return value;
    }

    private static String user(String option, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException("option " + option + ": empty user name");
        }
        return value;
    }
}
