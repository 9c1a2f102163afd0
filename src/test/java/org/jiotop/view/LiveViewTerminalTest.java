package org.jiotop.view;

import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The live view on a JLine virtual terminal of fixed size: what it writes and the keys it reads. */
class LiveViewTerminalTest {
    private static final LiveView.JobControl NO_STOP = foreground(() -> {
    });

    private static LiveView.JobControl foreground(Runnable stop) {
        return new LiveView.JobControl(stop, () -> true);
    }

    /** What a view on a 60 by 6 xterm is given to do, with what is typed to it and what it has sent. */
    private interface OnXterm {
        void run(LiveView view, PipedOutputStream typing, ByteArrayOutputStream screen) throws Exception;
    }

    /** Everything the terminal was sent while {@code body} ran its view, and as it closed. */
    private static String onXterm(OnXterm body) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        PipedOutputStream typing = new PipedOutputStream();
        try (ExternalTerminal terminal = new ExternalTerminal("test", "xterm", new PipedInputStream(typing), screen,
                StandardCharsets.UTF_8)) {
            terminal.setSize(new Size(60, 6));
            try (LiveView view = LiveView.open(terminal, NO_STOP)) {
                body.run(view, typing, screen);
            }
        }
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void drawsOnTheAlternateScreenReadsKeysAndRestores() throws Exception {
        String out = onXterm((view, typing, screen) -> {
            // Typed once the view is in raw mode, so nothing is echoed.
            typing.write("\u001b[Cq".getBytes(StandardCharsets.UTF_8));
            typing.flush();
            assertThat(view.width()).isEqualTo(60);
            assertThat(view.height()).isEqualTo(6);
            view.show(List.of(new AttributedString("Total DISK READ: 1.00 K/s"), new AttributedString("row")));
            assertThat(view.readKey(2000)).isEqualTo(Key.of(Key.Kind.RIGHT));
            assertThat(view.readKey(2000)).isEqualTo(Key.ch('q'));
            view.show(List.of(new AttributedString("Total DISK READ: 2.00 K/s"), new AttributedString("row")));
        });
        assertThat(out).startsWith("\u001b[?1049h").contains("\u001b[?25l");
        assertThat(out).contains("Total DISK READ: 1.00 K/s");
        // The second frame rewrites only what changed: one character, at row 1 column 18.
        assertThat(out).doesNotContain("Total DISK READ: 2.00").contains("\u001b[1;18H2");
        // Leaving restores the cursor and the normal screen, after the last frame.
        assertThat(out.lastIndexOf("\u001b[?1049l")).isGreaterThan(out.indexOf("\u001b[1;18H2"));
        assertThat(out).containsPattern("\u001b\\[\\?(12;)?25h");
    }

    @Test
    void ctrlLRepaintsEveryCellOfTheNextFrame() throws Exception {
        onXterm((view, typing, screen) -> {
            List<AttributedString> frame = List.of(new AttributedString("Total DISK READ: 1.00 K/s"));
            view.show(frame);
            int before = screen.size();
            view.show(frame);
            assertThat(screen.toString(StandardCharsets.UTF_8).substring(before)).as("an unchanged frame")
                    .doesNotContain("Total");
            int repainted = screen.size();
            typing.write(Key.CTRL_L);
            typing.flush();
            assertThat(view.readKey(2000)).isEqualTo(Key.ch(Key.CTRL_L));
            view.show(frame);
            assertThat(screen.toString(StandardCharsets.UTF_8).substring(repainted)).contains("Total DISK READ: 1.00");
        });
    }

    @Test
    void onScreenAndTmuxLeavingAndCtrlZShowTheCursorAgain() throws Exception {
        // Their terminfo's cursor_visible is only a blink setting: the cursor shows again only by
        // cursor_normal.
        for (String type : List.of("screen", "screen-256color")) {
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            List<String> whileStopped = new ArrayList<>();
            PipedInputStream noKeys = new PipedInputStream(new PipedOutputStream());
            try (var terminal = new ExternalTerminal("test", type, noKeys, screen, StandardCharsets.UTF_8)) {
                terminal.setSize(new Size(60, 6));
                Runnable stop = () -> whileStopped.add(screen.toString(StandardCharsets.UTF_8));
                try (LiveView view = LiveView.open(terminal, foreground(stop))) {
                    view.show(List.of(new AttributedString("row")));
                    terminal.raise(Terminal.Signal.TSTP);
                    view.show(List.of(new AttributedString("row after")));
                }
            }
            String out = screen.toString(StandardCharsets.UTF_8);
            assertThat(whileStopped).hasSize(1);
            assertThat(whileStopped.get(0).substring(whileStopped.get(0).lastIndexOf("\u001b[?25l")))
                    .as(type).contains("\u001b[?25h");
            assertThat(out.substring(out.lastIndexOf("\u001b[?25l"))).as(type).contains("\u001b[?25h");
        }
    }

    @Test
    void ctrlZGivesTheTerminalBackStopsAndRedrawsEverythingWhenContinued() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        PipedOutputStream typing = new PipedOutputStream();
        try (ExternalTerminal terminal = new ExternalTerminal("test", "xterm", new PipedInputStream(typing), screen,
                StandardCharsets.UTF_8)) {
            terminal.setSize(new Size(60, 6));
            Attributes before = new Attributes(terminal.getAttributes());
            List<String> whileStopped = new ArrayList<>();
            Runnable stop = () -> {
                Attributes now = terminal.getAttributes();
                whileStopped.add(screen.toString(StandardCharsets.UTF_8));
                whileStopped.add(now.getLocalFlag(Attributes.LocalFlag.ICANON) + " "
                        + now.getLocalFlag(Attributes.LocalFlag.ECHO));
            };
            try (LiveView view = LiveView.open(terminal, foreground(stop))) {
                view.show(List.of(new AttributedString("Total DISK READ: 1.00 K/s"), new AttributedString("row")));
                terminal.raise(Terminal.Signal.TSTP);
                assertThat(whileStopped).hasSize(2);
                // Stopped with the normal screen and the cooked mode back, as a shell expects them.
                assertThat(whileStopped.get(0).lastIndexOf("\u001b[?1049l")).isGreaterThan(whileStopped.get(0).indexOf("row"));
                assertThat(whileStopped.get(1)).isEqualTo(before.getLocalFlag(Attributes.LocalFlag.ICANON) + " "
                        + before.getLocalFlag(Attributes.LocalFlag.ECHO));
                assertThat(terminal.getAttributes().getLocalFlag(Attributes.LocalFlag.ICANON)).isFalse();
                // Continued: the alternate screen again, cleared, and the whole frame drawn anew.
                String after = screen.toString(StandardCharsets.UTF_8).substring(whileStopped.get(0).length());
                assertThat(after).startsWith("\u001b[?1049h").contains("\u001b[H\u001b[2J")
                        .contains("Total DISK READ: 1.00 K/s").contains("row");
                // A second Ctrl-Z suspends again: the handler was put back.
                terminal.raise(Terminal.Signal.TSTP);
                assertThat(whileStopped).hasSize(4);
            }
        }
    }

    @Test
    void continuedInTheBackgroundTheViewLeavesTheTerminalAloneUntilItIsInTheForeground() throws Exception {
        // bg, or kill %1 (SIGTERM then SIGCONT): changing the terminal's modes from the background
        // would stop the process again with SIGTTOU.
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        PipedInputStream noKeys = new PipedInputStream(new PipedOutputStream());
        try (ExternalTerminal terminal = new ExternalTerminal("test", "xterm", noKeys, screen, StandardCharsets.UTF_8)) {
            terminal.setSize(new Size(60, 6));
            AtomicBoolean inForeground = new AtomicBoolean(true);
            CountDownLatch continued = new CountDownLatch(1);
            LiveView.JobControl bg = new LiveView.JobControl(() -> {
                inForeground.set(false);
                continued.countDown();
            }, inForeground::get);
            try (LiveView view = LiveView.open(terminal, bg)) {
                view.show(List.of(new AttributedString("row")));
                Thread ctrlZ = Thread.ofPlatform().start(() -> terminal.raise(Terminal.Signal.TSTP));
                assertThat(continued.await(5, TimeUnit.SECONDS)).isTrue();
                int stoppedAt = screen.size();
                ctrlZ.join(300);
                assertThat(ctrlZ.isAlive()).as("waits while in the background").isTrue();
                assertThat(screen.size()).isEqualTo(stoppedAt);
                assertThat(terminal.getAttributes().getLocalFlag(Attributes.LocalFlag.ICANON)).isTrue();

                inForeground.set(true);
                ctrlZ.join(5000);
                assertThat(ctrlZ.isAlive()).isFalse();
                assertThat(screen.toString(StandardCharsets.UTF_8).substring(stoppedAt))
                        .startsWith("\u001b[?1049h").contains("row");
                assertThat(terminal.getAttributes().getLocalFlag(Attributes.LocalFlag.ICANON)).isFalse();
            }
        }
    }

    @Test
    void closedWhileContinuedInTheBackgroundTheViewEndsWithoutTouchingTheTerminal() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        PipedInputStream noKeys = new PipedInputStream(new PipedOutputStream());
        try (ExternalTerminal terminal = new ExternalTerminal("test", "xterm", noKeys, screen, StandardCharsets.UTF_8)) {
            terminal.setSize(new Size(60, 6));
            CountDownLatch continued = new CountDownLatch(1);
            LiveView.JobControl bg = new LiveView.JobControl(continued::countDown, () -> false);
            LiveView view = LiveView.open(terminal, bg);
            view.show(List.of(new AttributedString("row")));
            Thread ctrlZ = Thread.ofPlatform().start(() -> terminal.raise(Terminal.Signal.TSTP));
            assertThat(continued.await(5, TimeUnit.SECONDS)).isTrue();
            int stoppedAt = screen.size();
            Attributes stopped = new Attributes(terminal.getAttributes());
            // As the shutdown hook does on SIGTERM: it does not wait for the suspended thread.
            Thread hook = Thread.ofPlatform().start(view::close);
            hook.join(500);
            assertThat(hook.isAlive()).isFalse();
            ctrlZ.join(5000);
            assertThat(ctrlZ.isAlive()).isFalse();
            view.show(List.of(new AttributedString("a frame after")));
            assertThat(screen.size()).isEqualTo(stoppedAt);
            assertThat(terminal.getAttributes().getLocalFlag(Attributes.LocalFlag.ICANON))
                    .isEqualTo(stopped.getLocalFlag(Attributes.LocalFlag.ICANON)).isTrue();
        }
    }

    @Test
    void aTerminalClosedUnderTheViewStillGetsTheScreenBack() throws Exception {
        // As JLine's own shutdown hook would, at once with the view's on SIGTERM.
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        PipedInputStream noKeys = new PipedInputStream(new PipedOutputStream());
        ExternalTerminal terminal = new ExternalTerminal("test", "xterm", noKeys, screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(60, 6));
        LiveView view = LiveView.open(terminal, NO_STOP);
        view.show(List.of(new AttributedString("row")));
        terminal.close();
        int closedAt = screen.size();
        view.close();
        String after = screen.toString(StandardCharsets.UTF_8).substring(closedAt);
        assertThat(after).startsWith("\u001b[?12l\u001b[?25h\u001b[?1l\u001b>\u001b[?1049l");
        // A frame from the key loop, still running while the shutdown hooks do, is not drawn.
        view.show(List.of(new AttributedString("a frame after")));
        assertThat(screen.toString(StandardCharsets.UTF_8).substring(closedAt)).isEqualTo(after);
    }

    @Test
    void aResizeEndsTheWaitForAKeySoThatTheNewSizeIsDrawnAtOnce() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        PipedInputStream noKeys = new PipedInputStream(new PipedOutputStream());
        try (ExternalTerminal terminal = new ExternalTerminal("test", "xterm", noKeys, screen, StandardCharsets.UTF_8)) {
            terminal.setSize(new Size(60, 6));
            try (LiveView view = LiveView.open(terminal, NO_STOP)) {
                view.show(List.of(new AttributedString("row")));
                Thread resize = Thread.ofPlatform().start(() -> {
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                    terminal.setSize(new Size(40, 4));
                    terminal.raise(Terminal.Signal.WINCH);
                });
                long start = System.nanoTime();
                // A wait of a long refresh interval (-d 60): the resize ends it, not its timeout.
                assertThat(view.readKey(60_000)).isNull();
                assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(30));
                resize.join();
                int before = screen.size();
                view.show(List.of(new AttributedString("row")));
                assertThat(screen.toString(StandardCharsets.UTF_8).substring(before)).contains("\u001b[H\u001b[2J");
            }
        }
    }

    @Test
    void endOfInputMeansTheTerminalIsGone() throws Exception {
        try (ExternalTerminal terminal = new ExternalTerminal("test", "xterm", new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), StandardCharsets.UTF_8)) {
            try (LiveView view = LiveView.open(terminal, NO_STOP)) {
                assertThat(view.readKey(2000)).isSameAs(LiveView.LOST);
            }
        }
    }
}
