package org.jiotop.cli;

import org.jiotop.linux.IoPrio;
import org.jiotop.linux.KernelException;
import org.jiotop.linux.ProcFs;
import org.jiotop.linux.UserDb;
import org.jiotop.record.RecordingException;
import org.jiotop.record.SegmentStart;
import org.jiotop.view.LiveState;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;

/**
 * Runs the views on a recording ({@code --replay}): batch output or the live view, labelled as
 * recorded, without the kernel's taskstats (no root needed). A file whose end is damaged is
 * replayed up to the damage, which one line on stderr then names.
 */
final class Replays {
    /** Where a run writes and what it reads besides the recording. */
    record Io(PrintStream out, PrintStream err, ProcFs proc, Map<String, String> env, Terminals terminals,
              ConfigFile config) {
    }

    private Replays() {
    }

    /**
     * @param batchNote why a live view was asked for and batch output is printed, said once the
     *                  recording is known to be replayable; null for the live view or {@code -b}
     */
    static int run(Options options, Set<Integer> uids, Set<String> groups, UserDb users, String batchNote, Io io) {
        PrintStream err = io.err();
        boolean live = options.mode() == Mode.LIVE && batchNote == null;
        try {
            Replay replay = Replay.open(options);
            SegmentStart first = replay.recording().firstSegment();
            if (first != null && !first.processes() && options.groupKind().processes()) {
                err.println("jiotop: " + replay.recording().file() + " holds threads: replay it without -P or --group");
                return Main.EXIT_USAGE;
            }
            // Else batch output would print nothing and the live view say it is measuring, for good.
            if (replay.holdsNone()) {
                err.println("jiotop: " + replay.recording().file() + ": " + replay.nothingToShow());
                damage(replay, err);
                return Main.EXIT_OK;
            }
            if (batchNote != null) {
                err.println(batchNote);
            }
            RowLabels labels = new RowLabels(replay, users);
            Monitor monitor = new Monitor(null, options, new int[0], users, groups).replay(replay);
            int pidMax = first == null ? io.proc().pidMax() : first.pidMax();
            int status = live ? live(options, uids, new ReplayControl(replay, monitor), labels, users, io, pidMax)
                    : new BatchRunner(options, uids, io.proc(), monitor, labels, pidMax).run(io.out(), err);
            damage(replay, err);
            return status;
        } catch (UsageException e) {
            err.println("jiotop: " + e.getMessage() + " (see jiotop --help)");
            return Main.EXIT_USAGE;
        } catch (RecordingException e) {
            err.println("jiotop: " + e.getMessage());
            return Main.EXIT_CANNOT_RUN;
        } catch (KernelException e) {
            err.println("jiotop: " + Main.explain(e));
            return Main.EXIT_CANNOT_RUN;
        } catch (IOException e) {
            err.println("jiotop: terminal: " + e.getMessage());
            return Main.EXIT_CANNOT_RUN;
        }
    }

    private static void damage(Replay replay, PrintStream err) {
        if (replay.damage() != null) {
            err.println("jiotop: " + replay.recording().file() + ": " + replay.damage()
                    + "; replayed what came before");
        }
    }

    private static int live(Options options, Set<Integer> uids, ReplayControl control, RowLabels labels,
                            UserDb users, Io io, int pidMax) throws IOException, KernelException {
        LiveState state = LiveSettings.state(options, io.env());
        try (var terminal = io.terminals().open()) {
            return new LiveRunner(options, uids, io.proc(), control.monitor(), labels, new IoPrio(), users,
                    io.config(), state).replaying(control).run(terminal, io.err(), pidMax);
        }
    }
}
