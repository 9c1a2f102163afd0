package org.jiotop.view;

import java.util.function.IntSupplier;

/**
 * Decodes the bytes of one key press: plain characters, and the escape sequences terminals send
 * for arrows, Home/End and PgUp/PgDn (both the {@code ESC [} and the {@code ESC O} forms). A lone
 * ESC (nothing follows within the read timeout) is the Escape key.
 */
final class KeyDecoder {
    /** What the "next byte" supplier returns when nothing more arrives in time. */
    static final int TIMEOUT = -2;

    private KeyDecoder() {
    }

    /** @param next the following bytes of the sequence, {@link #TIMEOUT} or -1 when there are none */
    static Key decode(int first, IntSupplier next) {
        switch (first) {
            case '\r', '\n' -> {
                return Key.of(Key.Kind.ENTER);
            }
            case 127, 8 -> {
                return Key.of(Key.Kind.BACKSPACE);
            }
            case '\t' -> {
                return Key.of(Key.Kind.TAB);
            }
            case 27 -> {
                return escape(next);
            }
            default -> {
                return Key.ch((char) first);
            }
        }
    }

    private static Key escape(IntSupplier next) {
        int intro = next.getAsInt();
        if (intro < 0) {
            return Key.of(Key.Kind.ESCAPE);
        }
        if (intro != '[' && intro != 'O') {
            return Key.of(Key.Kind.UNKNOWN); // Alt+key
        }
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            int c = next.getAsInt();
            if (c < 0) {
                return Key.of(Key.Kind.UNKNOWN);
            }
            if (c >= 0x40 && c <= 0x7e) {
                return final_(params.toString(), (char) c);
            }
            params.append((char) c);
        }
        return Key.of(Key.Kind.UNKNOWN);
    }

    private static Key final_(String params, char c) {
        String p = params.contains(";") ? params.substring(0, params.indexOf(';')) : params;
        return switch (c) {
            case 'A' -> Key.of(Key.Kind.UP);
            case 'B' -> Key.of(Key.Kind.DOWN);
            case 'C' -> Key.of(Key.Kind.RIGHT);
            case 'D' -> Key.of(Key.Kind.LEFT);
            case 'H' -> Key.of(Key.Kind.HOME);
            case 'F' -> Key.of(Key.Kind.END);
            case '~' -> switch (p) {
                case "1", "7" -> Key.of(Key.Kind.HOME);
                case "4", "8" -> Key.of(Key.Kind.END);
                case "5" -> Key.of(Key.Kind.PAGE_UP);
                case "6" -> Key.of(Key.Kind.PAGE_DOWN);
                default -> Key.of(Key.Kind.UNKNOWN);
            };
            default -> Key.of(Key.Kind.UNKNOWN);
        };
    }
}
