package org.jiotop.cli;

import org.jiotop.linux.IoPrio;
import org.jiotop.linux.JobControl;
import org.jiotop.linux.KernelException;
import org.jiotop.linux.ProcFs;
import org.jiotop.linux.UserDb;
import org.jiotop.model.Report;
import org.jiotop.model.SortKey;
import org.jiotop.output.Column;
import org.jiotop.linux.TaskPriority;
import org.jiotop.view.Command;
import org.jiotop.view.Key;
import org.jiotop.view.KeyHandler;
import org.jiotop.view.LiveScreen;
import org.jiotop.view.LiveState;
import org.jiotop.view.LiveView;
import org.jline.terminal.Terminal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Wires the live view: samples on the refresh clock, hands keys to {@link KeyHandler}, and carries
 * out what keys ask for (ionice, the delay-accounting switch, filters by user, saving settings).
 */
final class LiveRunner {
    private final Options options;
    private final Set<Integer> uids;
    private final ProcFs proc;
    private final Monitor monitor;
    private final RowLabels labels;
    private final IoPrio ioprio;
    private final UserDb users;
    private final ConfigFile config;
    private final LiveState state;
    private final Boolean delayAccountingAtStart;
    /** Made when the device panel is first shown, then sampled with the tasks. */
    private DeviceSampler devices;
    private ReplayControl replay;

    LiveRunner(Options options, Set<Integer> uids, ProcFs proc, Monitor monitor, RowLabels labels, IoPrio ioprio,
               UserDb users, ConfigFile config, LiveState state) {
        this.options = options;
        this.uids = uids;
        this.proc = proc;
        this.monitor = monitor;
        this.labels = labels;
        this.ioprio = ioprio;
        this.users = users;
        this.config = config;
        this.state = state;
        this.delayAccountingAtStart = proc.taskDelayAcct();
    }

    /** Replaying: the live view takes the replay's keys too. */
    LiveRunner replaying(ReplayControl control) {
        this.replay = control;
        state.replaying();
        // The graphs draw the intervals before the one shown: after a step back or a jump they start again.
        control.onJump(state::forgetHistory);
        return this;
    }

    int run(Terminal terminal, PrintStream err) throws KernelException, IOException {
        return run(terminal, err, proc.pidMax());
    }

    /** {@code pidMax}: what the ID column is as wide as, the recording machine's when replaying. */
    int run(Terminal terminal, PrintStream err, int pidMax) throws KernelException, IOException {
        int idWidth = Integer.toString(pidMax).length();
        try (LiveView view = LiveView.open(terminal,
                new LiveView.JobControl(JobControl::stopAsSuspended, JobControl::inForeground))) {
            Cadence cadence = new Cadence(options.delaySeconds());
            sample();
            long iterations = 0;
            while (true) {
                long now = System.nanoTime();
                LiveScreen.Geometry g = new LiveScreen.Geometry(view.width(), view.height(), idWidth);
                state.delayAccounting(monitor.delayAccounting());
                state.devicesMeasured(devices == null || devices.latest() == null ? null
                        : devices.latest().devices());
                state.swapinKnown(!monitor.visibility().procfs());
                LiveScreen.Frame frame = new LiveScreen(state, g, Main.sizeStyle(options), options.delaySeconds(), now)
                        .render(shownReport(g.height()));
                state.drawn(frame);
                view.show(replay == null ? frame.lines() : replay.stamped(frame.lines(), g.width()));
                Key key = view.readKey(Math.max(1, cadence.remainingNanos() / 1_000_000));
                if (key == LiveView.LOST) {
                    break;
                }
                if (key != null && replay != null && state.dialog() == null && replay.handle(key)) {
                    continue;
                }
                if (key != null) {
                    if (!carryOut(KeyHandler.handle(state, key, frame.pageRows(), System.nanoTime()))) {
                        break;
                    }
                    continue;
                }
                if (cadence.remainingNanos() <= 0) {
                    cadence.advance();
                    boolean complete = replay == null ? sample() : replay.advance();
                    if (complete && options.iterations() >= 0 && ++iterations >= options.iterations()) {
                        break;
                    }
                }
            }
        }
        Boolean now = proc.taskDelayAcct();
        if (delayAccountingAtStart != null && now != null && !now.equals(delayAccountingAtStart)) {
            err.println("jiotop: kernel.task_delayacct was " + (delayAccountingAtStart ? 1 : 0)
                    + " when jiotop started and is " + (now ? 1 : 0)
                    + " now; to restore it: sysctl kernel.task_delayacct=" + (delayAccountingAtStart ? 1 : 0));
        }
        return Main.EXIT_OK;
    }

    /** The devices once their panel has been shown, then the tasks; true when the tasks' interval is complete. */
    private boolean sample() throws KernelException {
        if (devices == null && state.devices() && replay == null) {
            devices = DeviceSampler.of(options);
        }
        if (devices != null) {
            devices.sample();
        }
        return monitor.sample();
    }

    /** The report with labels on every row a screen of {@code height} lines can show from the scroll position. */
    private Report shownReport(int height) {
        Report report = monitor.report(state.figures(), state.only(), state.filterUid() == null ? uids
                        : Set.of(state.filterUid()), state.filterPid(), state.search(), state.fullCommand(),
                state.sortKey(), state.descending(), labels,
                new Grouping(state.kind(), state.openGroup(),
                        state.shows(Column.CGROUP) || state.sortKey() == SortKey.CGROUP));
        state.listed(report);
        state.record(report);
        if (report == null) {
            return null;
        }
        int[] drawable = LiveScreen.drawable(state.scroll(), report.rows().size(), height);
        return labels.label(report, drawable[0], drawable[1]);
    }

    /** Does what a key asked; false to quit. */
    private boolean carryOut(Command command) {
        long now = System.nanoTime();
        switch (command) {
            case Command.Quit q -> {
                return false;
            }
            case Command.Remeasure r when replay != null && state.processes() != monitor.processes() ->
                    state.tell(monitor.processes() ? "The recording holds processes, not threads"
                            : "The recording holds threads: no processes or groups", now);
            case Command.Remeasure r -> monitor.setProcesses(state.processes());
            case Command.Ionice i when replay != null -> state.tell("A recording's tasks cannot be reniced", now);
            case Command.ToggleDelayAccounting t when replay != null -> state.tell("Not while replaying", now);
            case Command.ToggleDevices d when replay != null -> state.tell("A recording has no device figures", now);
            case Command.ToggleDevices d -> state.showDevices(!state.devices());
            case Command.Ionice i -> ionice(i, now);
            case Command.FilterUser f -> {
                OptionalInt uid = Main.resolveUser(users, f.user());
                if (uid.isEmpty()) {
                    state.tell("Unknown user: " + f.user(), now);
                } else {
                    state.filterByUser(uid.getAsInt(), f.user());
                }
            }
            case Command.ToggleDelayAccounting t -> toggleDelayAccounting(now);
            case Command.SaveSettings s -> save(now);
            case Command.Redraw r -> {
                // the next frame shows the change
            }
        }
        return true;
    }

    private void ionice(Command.Ionice i, long now) {
        List<Integer> tids = new ArrayList<>();
        if (i.process()) {
            for (int tid : proc.tids(i.id())) {
                tids.add(tid);
            }
        } else {
            tids.add(i.id());
        }
        if (tids.isEmpty()) {
            state.tell("Error setting I/O priority: no process " + i.id(), now);
            return;
        }
        try {
            for (int tid : tids) {
                ioprio.set(tid, i.priority());
            }
            labels.priorityChanged(i.id());
            state.tell("I/O priority of " + (i.process() ? "process " : "thread ") + i.id() + " set to "
                    + TaskPriority.of(i.priority()).text(), now);
        } catch (KernelException e) {
            state.tell("Error setting I/O priority: " + e.getMessage(), now);
        }
    }

    private void toggleDelayAccounting(long now) {
        Boolean on = proc.taskDelayAcct();
        if (on == null) {
            state.tell("This kernel has no kernel.task_delayacct switch", now);
            return;
        }
        try {
            proc.setTaskDelayAcct(!on);
            state.tell("Delay accounting turned " + (on ? "off" : "on")
                    + (on ? "" : "; it covers tasks started from now on"), now);
        } catch (IOException e) {
            state.tell("Cannot switch kernel.task_delayacct (root only): " + SmallFile.reason(e), now);
        }
    }

    private void save(long now) {
        List<String> lines = ConfigFile.lines(LiveSettings.saved(options, state));
        try {
            config.write(lines);
            boolean filterLeftOut = state.search() != null && !LiveSettings.savableFilter(state);
            state.tell("Settings saved to " + config.path()
                    + (filterLeftOut ? " (not the filter: it holds a line break)" : ""), now);
        } catch (IOException e) {
            state.tell("Cannot save settings to " + config.path() + ": " + SmallFile.reason(e), now);
        }
    }
}
