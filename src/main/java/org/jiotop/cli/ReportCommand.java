package org.jiotop.cli;

import org.jiotop.linux.UserDb;
import org.jiotop.model.GroupKind;
import org.jiotop.model.Groups;
import org.jiotop.model.Report;
import org.jiotop.model.ReportBuilder;
import org.jiotop.model.ReportSettings;
import org.jiotop.model.Row;
import org.jiotop.model.RowFilter;
import org.jiotop.model.SortKey;
import org.jiotop.output.SizeStyle;
import org.jiotop.output.html.HtmlReport;
import org.jiotop.output.html.RecordedReports;
import org.jiotop.record.RecordedInterval;
import org.jiotop.record.Recording;
import org.jiotop.record.RecordingException;
import org.jiotop.record.RecordingInfo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * {@code jiotop report FILE -o OUT}: a recording as one HTML page ({@link HtmlReport}). Reads the
 * file twice, once for its span and once for its intervals, holding only the running sums; writes
 * OUT whole or not at all ({@code -o -}: standard output). A damaged end is reported up to the
 * damage, which one line on stderr names. With {@code --group=KIND} it also sums the processes of a
 * recording of processes by their recorded owners, as a replay with that option does.
 */
final class ReportCommand {
    static final String NAME = "report";
    /** How it is called: the help's, the man page's and its own usage line. */
    static final String SYNOPSIS = "jiotop " + NAME + " FILE -o OUT.html [--group=KIND]";
    static final String USAGE = "usage: " + SYNOPSIS;
    /** What it does: its own -h's words and the man page's. */
    static final String ABOUT = "Writes the recording FILE (made with --record) as one HTML page: Total read and write"
            + " over time, the top 10 readers and writers, totals per process and user. --group=KIND ("
            + String.join(", ", groupWords()) + ") adds them per group of that kind, from a recording of processes"
            + " (made with -P or --group). -o - writes it to standard output.";
    /** The names of its options, for the parser and the completions: the page to write, and help. */
    static final List<String> OUTPUT = List.of("-o", "--output");
    static final String OUTPUT_HELP = "the HTML page to write, - for standard output";
    static final List<String> HELP = List.of("-h", "--help");
    static final String GROUP = "--group";
    static final String GROUP_HELP = "also the top readers and writers among groups of this kind";
    /** Every row with I/O, bandwidth figures, in ID order: the page sums them itself. */
    private static final ReportSettings ALL_ROWS = new ReportSettings(false, true, ReportSettings.Figures.BANDWIDTH,
            Set.of(), RowFilter.NONE, SortKey.ID, false, false);
    /** Every process, idle ones too: a group counts its processes. */
    private static final ReportSettings ALL_PROCESSES = new ReportSettings(true, false,
            ReportSettings.Figures.BANDWIDTH, Set.of(), RowFilter.NONE, SortKey.ID, false, false);

    private ReportCommand() {
    }

    /** Runs it with the arguments after {@code report}; the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String file = null;
        String output = null;
        GroupKind kind = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (HELP.contains(a)) {
                out.println(USAGE);
                out.print(Help.wrapped(ABOUT));
                return Main.EXIT_OK;
            } else if (a.equals(GROUP) || a.startsWith(GROUP + "=")) {
                if (a.equals(GROUP) && i + 1 >= args.length) {
                    return usage(err, "option " + GROUP + " needs a value");
                }
                String word = a.equals(GROUP) ? args[++i] : a.substring(GROUP.length() + 1);
                kind = GroupKind.of(word);
                if (kind == null || !groupWords().contains(word)) {
                    return usage(err, GROUP + " takes " + String.join(", ", groupWords()) + ", not '" + word + "'");
                }
            } else if (OUTPUT.contains(a)) {
                if (i + 1 >= args.length) {
                    return usage(err, "option " + a + " needs a value");
                }
                output = args[++i];
            } else if (a.startsWith("--output=")) {
                output = a.substring("--output=".length());
            } else if (a.startsWith("-") && !a.equals("-")) {
                return usage(err, "no such option: " + a);
            } else if (file == null) {
                file = a;
            } else {
                return usage(err, "unexpected argument: " + a);
            }
        }
        if (file == null || output == null || output.isEmpty()) {
            return usage(err, file == null ? "no recording given" : "no output file given (-o)");
        }
        if (sameFile(file, output)) {
            return usage(err, "the output " + output + " is the recording itself");
        }
        try {
            Recording recording = Recording.open(Path.of(file));
            if (kind != null && recording.firstSegment() != null && !recording.firstSegment().processes()) {
                err.println("jiotop: " + file + " holds threads: its report has no groups (record with -P or"
                        + " --group)");
                return Main.EXIT_USAGE;
            }
            RecordingInfo info = recording.info();
            String page;
            try (Recording.Intervals pass = recording.intervals()) {
                Iterator<RecordedReports.Timed> reports = reports(pass, kind);
                page = HtmlReport.render(new RecordedReports(info.host(), info.jiotopVersion(), info.measuredFrom(),
                        info.end(), info.intervals(), () -> reports), SizeStyle.IOTOP);
                if (pass.damage() != null) {
                    err.println("jiotop: " + file + ": " + pass.damage() + "; reported what came before");
                }
            }
            write(page, output, out);
            return Main.EXIT_OK;
        } catch (RecordingException e) {
            err.println("jiotop: " + e.getMessage());
        } catch (IOException e) {
            err.println("jiotop: cannot write " + output + ": " + SmallFile.reason(e));
        }
        return Main.EXIT_CANNOT_RUN;
    }

    private static int usage(PrintStream err, String why) {
        err.println("jiotop: report: " + why + " (" + USAGE + ")");
        return Main.EXIT_USAGE;
    }

    /** The kinds {@code --group} takes: those told from a process's cgroup (users have a table anyway). */
    static List<String> groupWords() {
        List<String> words = new ArrayList<>();
        for (GroupKind kind : GroupKind.values()) {
            if (kind.byCgroup()) {
                words.add(kind.word());
            }
        }
        return words;
    }

    /** Each interval's rows, and with {@code kind} its groups (an interval of threads has none). */
    private static Iterator<RecordedReports.Timed> reports(Recording.Intervals pass, GroupKind kind) {
        RecordedInterval[] current = new RecordedInterval[1];
        // One for the whole pass: an exited process keeps the owner it was given while it is listed.
        GroupLabels owners = kind == null ? null : new GroupLabels(UserDb.system(), t -> current[0].ownerOf(t));
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pass.hasNext();
            }

            @Override
            public RecordedReports.Timed next() {
                RecordedInterval i = pass.next();
                current[0] = i;
                Report groups = null;
                if (owners != null && i.processes()) {
                    List<Row> processes = ReportBuilder.monitoredRows(i.interval(), ALL_PROCESSES);
                    List<Row> rows = Groups.sum(processes, owners.of(processes, kind).labels());
                    groups = ReportBuilder.build(i.interval(), ALL_PROCESSES, rows).withKind(kind);
                }
                return new RecordedReports.Timed(i.time(), i.report(ALL_ROWS), groups);
            }
        };
    }

    private static boolean sameFile(String file, String output) {
        try {
            return !output.equals("-") && Files.exists(Path.of(output))
                    && Files.isSameFile(Path.of(file), Path.of(output));
        } catch (IOException e) {
            return false; // the recording cannot be read: said when it is opened
        }
    }

    /**
     * Writes beside the target and moves it over, so that a failed run leaves no half page; the
     * page takes the permissions of the file it replaces, and of a link's target, the link staying.
     * A device or a pipe is written to as it is.
     */
    private static void write(String page, String output, PrintStream out) throws IOException {
        if (output.equals("-")) {
            out.print(page);
            return;
        }
        Path named = Path.of(output).toAbsolutePath();
        if (Files.exists(named) && !Files.isRegularFile(named)) {
            Files.writeString(named, page, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            return;
        }
        Path target = Files.exists(named) ? named.toRealPath() : named;
        // Not createTempFile: its 0600 would stay on a new page, which is made to be shared.
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid()
                + ".tmp");
        try {
            Files.writeString(temporary, page, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            if (Files.exists(target)) {
                Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
