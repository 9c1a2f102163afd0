package org.jiotop.cli;

import org.jiotop.linux.KernelException;
import org.jiotop.record.RecordedInterval;
import org.jiotop.record.RecordingException;
import org.jiotop.view.Key;
import org.jiotop.view.ReplayKey;
import org.jline.utils.AttributedString;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What the live view's keys of a replay ({@link ReplayKey}) do: play, pause, step, and jump to a
 * time typed after {@code t}. The first line shows the recorded time of the interval on screen.
 */
final class ReplayControl {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Replay replay;
    private final Monitor monitor;
    private boolean playing = true;
    /** The time being typed after {@code t}, null when not typing one. */
    private StringBuilder typed;
    private String note = "";
    /** Run when the interval shown is not the one after the last shown, whose history the graphs then lack. */
    private Runnable onJump = () -> {
    };

    ReplayControl(Replay replay, Monitor monitor) {
        this.replay = replay;
        this.monitor = monitor;
    }

    Monitor monitor() {
        return monitor;
    }

    void onJump(Runnable action) {
        this.onJump = action;
    }

    boolean playing() {
        return playing && typed == null;
    }

    /**
     * When playing, moves on to the next interval; true when it did. Past the last one the replay
     * pauses and says it is at the end, until it is played again.
     */
    boolean advance() throws KernelException {
        if (!playing()) {
            return false;
        }
        if (monitor.sample()) {
            return true;
        }
        playing = false;
        note = " (end of recording)";
        return false;
    }

    /**
     * Carries out {@code key} if it is a replay key (or part of a typed time); false if it is not.
     * A control character is never typed into a time: it goes to the view, where Ctrl-C quits.
     */
    boolean handle(Key key) throws RecordingException {
        if (typed != null && !(key.kind() == Key.Kind.CHAR && key.ch() < ' ')) {
            type(key);
            return true;
        }
        ReplayKey pressed = ReplayKey.of(key);
        if (pressed == null) {
            return false;
        }
        switch (pressed) {
            case PLAY -> {
                playing = !playing;
                note = "";
            }
            case BACK -> go(replay.index(), replay.seek(replay.index() - 1));
            case FORWARD -> go(replay.index(), replay.seek(replay.index() + 1));
            case FIRST -> go(replay.index(), replay.seek(0));
            case LAST -> go(replay.index(), replay.seek(Integer.MAX_VALUE));
            case JUMP -> typed = new StringBuilder();
        }
        return true;
    }

    private void type(Key key) throws RecordingException {
        switch (key.kind()) {
            case ENTER -> {
                Instant at = at(typed.toString().strip());
                typed = null;
                if (at == null) {
                    note = " (not a time)";
                } else {
                    go(replay.index(), replay.seek(at));
                }
            }
            case ESCAPE -> typed = null;
            case BACKSPACE -> typed.setLength(Math.max(0, typed.length() - 1));
            case CHAR -> {
                if (key.ch() >= ' ' && key.ch() < 127 && typed.length() < 40) {
                    typed.append(key.ch());
                }
            }
            default -> {
                // other keys do nothing while a time is typed
            }
        }
    }

    /** Stepping pauses: the screen stays on the interval chosen, {@code before} the index of the one it was on. */
    private void go(int before, RecordedInterval r) {
        playing = false;
        note = "";
        if (replay.index() != before && replay.index() != before + 1) {
            onJump.run();
        }
        monitor.show(r);
    }

    private Instant at(String text) {
        return TimeBound.parse(text, monitor.sampledAt() == null ? Instant.now() : monitor.sampledAt());
    }

    /** {@code lines} with the first ending in the recorded time and the replay's state, cut to {@code width}. */
    List<AttributedString> stamped(List<AttributedString> lines, int width) {
        if (lines.isEmpty()) {
            return lines;
        }
        Instant shown = monitor.sampledAt();
        String stamp = typed != null ? "jump to: " + typed + "_"
                : (shown == null ? "" : STAMP.format(LocalDateTime.ofInstant(shown, ZoneId.systemDefault())))
                + (playing ? " playing" : " paused") + note;
        List<AttributedString> out = new ArrayList<>(lines);
        String first = lines.getFirst().toString();
        // Where both do not fit, the time wins over the end of the Total line.
        int room = Math.max(0, width - stamp.length() - 2);
        String line = (first.length() > room ? first.substring(0, room) : first) + "  " + stamp;
        // A time being typed keeps its end in sight, where the cursor is; the stamp its start.
        int cut = Math.max(0, line.length() - width);
        out.set(0, new AttributedString(typed != null ? line.substring(cut) : line.substring(0, line.length() - cut)));
        return out;
    }
}
