package org.jiotop.view;

/** A key press, decoded from the terminal's bytes. {@code ch} is set for {@link Kind#CHAR}. */
public record Key(Kind kind, char ch) {
    public enum Kind {
        CHAR, UP, DOWN, LEFT, RIGHT, PAGE_UP, PAGE_DOWN, HOME, END, ENTER, BACKSPACE, ESCAPE, TAB, UNKNOWN
    }

    static final char CTRL_C = 3;
    static final char CTRL_L = 12;
    static final char CTRL_T = 20;

    static Key of(Kind kind) {
        return new Key(kind, '\0');
    }

    static Key ch(char c) {
        return new Key(Kind.CHAR, c);
    }

    boolean is(char c) {
        return kind == Kind.CHAR && ch == c;
    }
}
