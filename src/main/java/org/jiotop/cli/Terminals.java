package org.jiotop.cli;

import org.jline.terminal.Terminal;

import java.io.IOException;

/** Where the live view's terminal comes from. */
interface Terminals {
    /** Whether stdin and stdout are a terminal. */
    boolean interactive();

    /** The type to draw for, or why the live view cannot be drawn; asked only when interactive. */
    TerminalType type();

    Terminal open() throws IOException;

    Terminals NONE = new Terminals() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public TerminalType type() {
            return new TerminalType(TerminalType.FALLBACK, "not a terminal");
        }

        @Override
        public Terminal open() throws IOException {
            throw new IOException("no terminal");
        }
    };

    Terminals SYSTEM = new SystemTerminals();
}
