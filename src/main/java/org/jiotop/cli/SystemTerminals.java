package org.jiotop.cli;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;
import org.jline.utils.ShutdownHooks;

import java.io.IOException;

/**
 * The process's own terminal. It is only created in interactive mode, through JLine's FFM provider,
 * with its start-up probes kept short: built-in terminfo for the common terminal types (no
 * {@code infocmp} process) and no grapheme-cluster probe.
 */
final class SystemTerminals implements Terminals {
    private TerminalType type;

    @Override
    public boolean interactive() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }

    @Override
    public synchronized TerminalType type() {
        if (type == null) {
            type = TerminalType.choose(System.getenv("TERM"), SystemTerminals::capabilities);
        }
        return type;
    }

    @Override
    public Terminal open() throws IOException {
        System.setProperty("org.jline.terminal.graphemeCluster", "false");
        // JLine's own shutdown hook closes the terminal, and shutdown hooks run at once: on SIGTERM
        // it could close it while the live view's hook was still putting the screen back, which
        // then failed and left the alternate screen. The live view's hook alone restores it.
        System.setProperty(ShutdownHooks.PROP_DISABLE_SHUTDOWN_HOOK, "true");
        return TerminalBuilder.builder().system(true).provider("ffm").nativeSignals(true).type(type().name()).build();
    }

    /**
     * The terminfo description of {@code type}, left loaded for JLine to use, or null when this
     * machine has none: asked here, quietly, rather than by JLine, which logs the failure.
     */
    private static String capabilities(String type) {
        String builtIn = InfoCmp.getDefaultInfoCmp(type);
        if (builtIn != null) {
            InfoCmp.setLoadedInfoCmp(type, builtIn);
            return builtIn;
        }
        try {
            return InfoCmp.getInfoCmp(type);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
