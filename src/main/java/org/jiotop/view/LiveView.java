package org.jiotop.view;

import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Curses;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The terminal side of the live view: the alternate screen in raw mode, frames drawn by JLine's
 * {@link Display} (which rewrites only what changed), keys read with a timeout that doubles as the
 * refresh tick. Ctrl-Z suspends it like any full-screen program. {@link #close()} puts the
 * terminal back as it was; it also runs on SIGTERM and SIGHUP (as a shutdown hook) and is safe to
 * call more than once.
 */
public final class LiveView implements AutoCloseable {
    /** Returned by {@link #readKey} when the terminal is gone. */
    public static final Key LOST = Key.of(Key.Kind.UNKNOWN);
    private static final long SEQUENCE_GAP_MILLIS = 40;
    /**
     * How often a wait for a key looks whether the window was resized: the new size is drawn then,
     * not at the next refresh, which may be a minute away.
     */
    private static final long RESIZE_CHECK_MILLIS = 100;
    /** How often a view continued in the background looks whether it is in the foreground again. */
    private static final long FOREGROUND_POLL_MILLIS = 50;

    /**
     * The shell's job control as Ctrl-Z needs it.
     *
     * @param stop         stops the process as SIGTSTP's default action does, returning once it
     *                     is continued
     * @param inForeground whether the process is in the terminal's foreground process group, the
     *                     one allowed to change its modes without being stopped by SIGTTOU
     */
    public record JobControl(Runnable stop, BooleanSupplier inForeground) {
    }

    /** Where the screen is: {@link #SUSPENDED} and {@link #CLOSED} have given it back. */
    private enum State { SHOWN, SUSPENDED, CLOSED }

    private final Terminal terminal;
    private final Attributes saved;
    /**
     * What gives the screen back, and the stream it goes to: both taken at the start, since a
     * terminal closed by someone else (JLine's own shutdown hook) refuses its writer and its
     * capabilities, while the stream beneath still reaches the screen.
     */
    private final byte[] giveBack;
    private final OutputStream output;
    private final Display display;
    private final NonBlockingReader reader;
    private final JobControl jobControl;
    private final Terminal.SignalHandler onSuspend = signal -> suspend();
    /** Held while drawing or suspending: Ctrl-Z arrives on another thread than the one that draws. */
    private final ReentrantLock drawing = new ReentrantLock();
    /** Changed only under the object's own lock, which is never held while waiting for {@link #drawing}. */
    private State state = State.SHOWN;
    private final Thread restoreOnSignal;
    private volatile boolean resized;
    private List<AttributedString> lastFrame = List.of();

    private LiveView(Terminal terminal, JobControl jobControl) {
        this.terminal = terminal;
        this.jobControl = jobControl;
        // cursor_normal, not cursor_visible: the latter is "very visible" and, in screen's and
        // tmux's terminfo, only a blink setting that leaves the cursor hidden.
        this.giveBack = sequence(terminal, Capability.cursor_normal, Capability.keypad_local, Capability.exit_ca_mode);
        this.output = terminal.output();
        this.saved = new Attributes(terminal.getAttributes());
        // The hook is there before the terminal is changed, and waits for the change to be made:
        // a signal meanwhile still ends with the terminal as it was.
        this.restoreOnSignal = new Thread(this::restore, "jiotop-restore-terminal");
        drawing.lock();
        try {
            Runtime.getRuntime().addShutdownHook(restoreOnSignal);
            terminal.enterRawMode();
            this.reader = terminal.reader();
            takeScreen();
            this.display = new Display(terminal, true);
            display.clear();
            display.resize(height(), width());
        } finally {
            drawing.unlock();
        }
        terminal.handle(Terminal.Signal.WINCH, s -> resized = true);
        // In raw mode Ctrl-Z is a byte, not a signal; JLine reads it and raises TSTP here, as it
        // does for a SIGTSTP sent from outside.
        terminal.handle(Terminal.Signal.TSTP, onSuspend);
    }

    private static byte[] sequence(Terminal terminal, Capability... capabilities) {
        StringBuilder out = new StringBuilder();
        for (Capability capability : capabilities) {
            String template = terminal.getStringCapability(capability);
            if (template != null) {
                Curses.tputs(out, template);
            }
        }
        return out.toString().getBytes(terminal.encoding());
    }

    public static LiveView open(Terminal terminal, JobControl jobControl) {
        return new LiveView(terminal, jobControl);
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
        drawing.lock();
        try {
            if (state() == State.CLOSED) {
                // The screen is given back (a signal's shutdown hook): a frame now would land on the shell's.
                return;
            }
            lastFrame = lines;
            draw();
        } finally {
            drawing.unlock();
        }
    }

    private void draw() {
        if (resized) {
            // The terminal may have reflowed or scrolled what was there: start from a clean screen.
            resized = false;
            terminal.puts(Capability.clear_screen);
            display.clear();
            display.resize(height(), width());
        }
        display.update(lastFrame, -1);
        terminal.flush();
    }

    /** Redraws everything on the next frame (Ctrl-L). */
    public void redrawAll() {
        resized = true;
    }

    /**
     * Waits up to {@code timeoutMillis} for a key: the key, null when none came (or sooner, when
     * the window was resized and the frame is to be drawn again), {@link #LOST} when the terminal
     * is gone.
     */
    public Key readKey(long timeoutMillis) {
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            int c;
            while ((c = reader.read(Math.clamp(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()), 1,
                    RESIZE_CHECK_MILLIS))) == NonBlockingReader.READ_EXPIRED) {
                if (resized || System.nanoTime() - deadline >= 0) {
                    return null;
                }
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

    /**
     * Ctrl-Z: gives the terminal back as it was, so that the shell's prompt works, stops the process
     * with SIGTSTP's default action, and once continued in the foreground takes the terminal again
     * and redraws the whole screen, which the shell has written over meanwhile. Frames are not drawn
     * while this runs; the refresh clock goes on, so the first figures after {@code fg} cover the
     * time stopped.
     *
     * <p>Continued in the background ({@code bg}, or the SIGCONT that follows {@code kill %1}'s
     * SIGTERM), it must not touch the terminal: changing its modes from there stops the process
     * again with SIGTTOU, and a SIGTERM would then never be acted on. It waits, drawing nothing,
     * until the shell gives it the terminal or the process ends.
     */
    private void suspend() {
        drawing.lock();
        try {
            if (!moveTo(State.SHOWN, State.SUSPENDED)) {
                return;
            }
            giveScreenBack();
            terminal.setAttributes(saved);
            terminal.handle(Terminal.Signal.TSTP, Terminal.SignalHandler.SIG_DFL);
            try {
                jobControl.stop().run();
                while (!jobControl.inForeground().getAsBoolean() && state() == State.SUSPENDED) {
                    Thread.sleep(FOREGROUND_POLL_MILLIS);
                }
            } finally {
                terminal.handle(Terminal.Signal.TSTP, onSuspend);
            }
            if (!moveTo(State.SUSPENDED, State.SHOWN)) {
                return;
            }
            terminal.enterRawMode();
            takeScreen();
            resized = true;
            draw();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the terminal went while stopped; the key loop finds out and ends
        } finally {
            drawing.unlock();
        }
    }

    private synchronized State state() {
        return state;
    }

    private synchronized boolean moveTo(State from, State to) {
        if (state != from) {
            return false;
        }
        state = to;
        return true;
    }

    /** Closes the view: the state it was in. */
    private synchronized State closeState() {
        State was = state;
        state = State.CLOSED;
        return was;
    }

    private void takeScreen() {
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.keypad_xmit);
        terminal.puts(Capability.cursor_invisible);
        terminal.flush();
    }

    /** Frames are flushed as drawn, so nothing of one is left to come after this. */
    private void giveScreenBack() {
        try {
            output.write(giveBack);
            output.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void restore() {
        if (closeState() != State.SHOWN) {
            // closed already, or suspended: the terminal was given back then, and the process may
            // be in the background, where changing its modes would stop it (SIGTTOU)
            return;
        }
        boolean locked = false;
        try {
            // Waits for a frame being drawn to end, but not for ever: a terminal that stopped
            // reading would hold the drawing thread in write(), and jiotop must still end.
            locked = drawing.tryLock(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            giveScreenBack();
            terminal.setAttributes(saved);
        } catch (RuntimeException e) {
            // the terminal may be gone already (SIGHUP), or closed (its modes put back by its close)
        } finally {
            if (locked) {
                drawing.unlock();
            }
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
