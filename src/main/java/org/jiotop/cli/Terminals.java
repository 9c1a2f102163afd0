package org.jiotop.cli;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

import java.io.IOException;

/**
 * Where the live view's terminal comes from. The system terminal is only created in interactive
 * mode, through JLine's FFM provider, with its start-up probes kept short: built-in terminfo for the
 * common terminal types (no {@code infocmp} process) and no grapheme-cluster probe.
 */
interface Terminals {
    /** Whether stdin and stdout are a terminal. */
    boolean interactive();

    Terminal open() throws IOException;

    Terminals NONE = new Terminals() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public Terminal open() throws IOException {
            throw new IOException("no terminal");
        }
    };

    Terminals SYSTEM = new Terminals() {
        @Override
        public boolean interactive() {
            java.io.Console console = System.console();
            return console != null && console.isTerminal();
        }

        @Override
        public Terminal open() throws IOException {
            System.setProperty("org.jline.terminal.graphemeCluster", "false");
            String type = System.getenv("TERM");
            if (type != null && InfoCmp.getDefaultInfoCmp(type) != null) {
                InfoCmp.setLoadedInfoCmp(type, InfoCmp.getDefaultInfoCmp(type));
            }
            return TerminalBuilder.builder().system(true).provider("ffm").nativeSignals(true).build();
        }
    };
}
