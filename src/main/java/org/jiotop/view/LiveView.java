package org.jiotop.view;

import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The terminal side of the live view: the alternate screen in raw mode, frames drawn by JLine's
 * {@link Display} (which rewrites only what changed), keys read with a timeout that doubles as the
 * refresh tick. {@link #close()} puts the terminal back as it was; it also runs on SIGTERM and
 * SIGHUP (as a shutdown hook) and is safe to call more than once.
 */
public final class LiveView implements AutoCloseable {
    /** Returned by {@link #readKey} when the terminal is gone. */
    public static final Key LOST = Key.of(Key.Kind.UNKNOWN);
    private static final long SEQUENCE_GAP_MILLIS = 40;

    private final Terminal terminal;
    private final Attributes saved;
    private final Display display;
    private final NonBlockingReader reader;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread restoreOnSignal;
    private volatile boolean resized;

    private LiveView(Terminal terminal) {
        this.terminal = terminal;
        this.saved = terminal.enterRawMode();
        this.reader = terminal.reader();
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.keypad_xmit);
        terminal.puts(Capability.cursor_invisible);
        terminal.flush();
        this.display = new Display(terminal, true);
        display.clear();
        display.resize(height(), width());
        terminal.handle(Terminal.Signal.WINCH, s -> resized = true);
        this.restoreOnSignal = new Thread(this::restore, "jiotop-restore-terminal");
        Runtime.getRuntime().addShutdownHook(restoreOnSignal);
    }

    public static LiveView open(Terminal terminal) {
        return new LiveView(terminal);
    }

    public int width() {
        Size size = terminal.getSize();
        return size.getColumns() > 0 ? size.getColumns() : 80;
    }

    public int height() {
        Size size = terminal.getSize();
        return size.getRows() > 0 ? size.getRows() : 24;
    }

    public void show(List<AttributedString> lines) {
        if (resized) {
            // The terminal may have reflowed or scrolled what was there: start from a clean screen.
            resized = false;
            terminal.puts(Capability.clear_screen);
            display.clear();
            display.resize(height(), width());
        }
        display.update(lines, -1);
        terminal.flush();
    }

    /** Redraws everything on the next frame (Ctrl-L). */
    public void redrawAll() {
        resized = true;
    }

    /**
     * Waits up to {@code timeoutMillis} for a key: the key, null when none came, {@link #LOST} when
     * the terminal is gone.
     */
    public Key readKey(long timeoutMillis) {
        try {
            int c = reader.read(timeoutMillis);
            if (c == NonBlockingReader.READ_EXPIRED) {
                return null;
            }
            if (c < 0) {
                return LOST;
            }
            Key key = KeyDecoder.decode(c, () -> {
                try {
                    int n = reader.read(SEQUENCE_GAP_MILLIS);
                    return n == NonBlockingReader.READ_EXPIRED ? KeyDecoder.TIMEOUT : n;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (key.is(Key.CTRL_L)) {
                redrawAll();
            }
            return key;
        } catch (IOException | UncheckedIOException e) {
            return LOST;
        }
    }

    private void restore() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            terminal.puts(Capability.cursor_visible);
            terminal.puts(Capability.keypad_local);
            terminal.puts(Capability.exit_ca_mode);
            terminal.flush();
            terminal.setAttributes(saved);
        } catch (RuntimeException e) {
            // the terminal may be gone already (SIGHUP); nothing left to restore
        }
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(restoreOnSignal);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running or has run
        }
    }
}
