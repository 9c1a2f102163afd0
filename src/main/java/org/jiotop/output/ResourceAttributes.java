package org.jiotop.output;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code OTEL_RESOURCE_ATTRIBUTES} as the OpenTelemetry specification writes it: {@code key=value}
 * pairs separated by commas, each key and value trimmed, values percent-encoded (so a value can
 * hold a comma or an equals sign).
 */
final class ResourceAttributes {
    private ResourceAttributes() {
    }

    /** The attributes in {@code text}, in order, or null if any pair cannot be read. */
    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : text.split(",", -1)) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? "" : pair.substring(0, eq).strip();
            String value = eq < 0 ? null : decode(pair.substring(eq + 1).strip());
            if (key.isEmpty() || value == null) {
                return null;
            }
            out.put(key, value);
        }
        return out;
    }

    /** Percent-decoded as UTF-8; a {@code +} stays one (the JDK's decoder is for forms, where it is a space). */
    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
