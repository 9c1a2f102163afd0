package org.jiotop.cli;

import org.jiotop.output.Column;
import org.jiotop.testkit.Tmux;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The man page and the completion scripts name exactly the options the parser takes. */
class PackageFilesTest {
    /** An option's entry in the man page: {@code \fB\-d\fR \fISEC\fR, \fB\-\-delay\fR=\fISEC\fR}. */
    private static final Pattern MAN_NAME = Pattern.compile("\\\\fB((?:\\\\-)+[^\\\\]+(?:\\\\-[^\\\\]+)*)\\\\fR( |=)?");

    @TempDir
    Path tmp;

    /** Each option line of the man page as {name, "value" or ""}. */
    private List<String[]> manOptions() {
        List<String[]> names = new ArrayList<>();
        List<String> lines = ManPage.roff().lines().toList();
        int options = lines.indexOf(".SH OPTIONS");
        int end = lines.indexOf(".SH COLUMNS");
        for (int i = options; i < end - 1; i++) {
            if (lines.get(i).equals(".TP")) {
                Matcher m = MAN_NAME.matcher(lines.get(i + 1));
                while (m.find()) {
                    names.add(new String[]{m.group(1).replace("\\-", "-"), m.group(2) == null ? "" : "value"});
                }
            }
        }
        return names;
    }

    @Test
    void everyOptionOfTheManPageIsTakenByTheParserUnderThatName() throws Exception {
        List<String[]> names = manOptions();
        assertThat(names).hasSizeGreaterThan(40);
        for (String[] n : names) {
            String[] args = n[1].isEmpty() ? new String[]{n[0]} : new String[]{n[0], "1"};
            OptionParser.Given g = OptionParser.tokens(args).getFirst();
            assertThat(g.shown()).as(n[0]).isEqualTo(n[0]);
            assertThat(g.option().spec.kind.takesValue()).as(n[0]).isEqualTo(!n[1].isEmpty());
        }
    }

    @Test
    void theParserTakesNoShortOptionTheManPageLeavesOutAndTheManPageAndHelpAgree() {
        Set<String> man = new TreeSet<>();
        manOptions().forEach(n -> man.add(n[0]));
        for (char c = '!'; c <= '~'; c++) {
            String shortName = "-" + c;
            if (!man.contains(shortName) && c != '-') {
                assertThatThrownBy(() -> OptionParser.tokens(new String[]{shortName})).as(shortName)
                        .isInstanceOf(UsageException.class);
            }
        }
        Set<String> help = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^  (-\\w)?(?:[^-\\n]*, )?(--[\\w-]+)").matcher(Help.text());
        while (m.find()) {
            if (m.group(1) != null) {
                help.add(m.group(1));
            }
            help.add(m.group(2));
        }
        assertThat(help).isEqualTo(man);
        assertThat(man).contains("-d", "--delay", "--serve", "-9", "--hide-command");
    }

    @Test
    void manRendersThePageWithoutWarnings() throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/man").canExecute(), "man is installed");
        PackageFiles.write(tmp);
        ProcessBuilder pb = new ProcessBuilder("man", "--warnings", "-l", tmp.resolve("man8/jiotop.8").toString());
        pb.environment().put("MANWIDTH", "80");
        pb.environment().put("MAN_KEEP_FORMATTING", "");
        Path err = tmp.resolve("err");
        Process p = pb.redirectError(err.toFile()).start();
        String page = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(Files.readString(err)).isEmpty();
        assertThat(page).contains("JIOTOP(8)", "EXIT STATUS", "DIFFERENCES FROM IOTOP", "--delay=SEC")
                .as("no pointers into the README").doesNotContain("(see ");
    }

    @Test
    void theManPageAndTheHelpShowTheReportCommand() throws Exception {
        PackageFiles.write(tmp);
        ProcessBuilder pb = new ProcessBuilder("man", "-l", tmp.resolve("man8/jiotop.8").toString());
        pb.environment().put("MANWIDTH", "100");
        Assumptions.assumeTrue(new File("/usr/bin/man").canExecute(), "man is installed");
        Process p = pb.redirectErrorStream(true).start();
        String page = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        String synopsis = page.substring(page.indexOf("SYNOPSIS"), page.indexOf("DESCRIPTION"));
        assertThat(synopsis).contains("jiotop [OPTIONS]", "jiotop report FILE -o OUT.html");
        assertThat(page.replaceAll("\\s+", " ")).contains("Writes the recording FILE (made with --record) as one HTML");
        assertThat(Help.text()).contains("\n       jiotop report FILE -o OUT.html ");
    }

    @Test
    void theManPageDescribesEveryColumnOfTheSchemaAndWhereItIsShown() {
        String roff = ManPage.roff();
        String columns = roff.substring(roff.indexOf(".SH COLUMNS"), roff.indexOf(".SH KEYS"));
        for (Column c : Column.values()) {
            assertThat(columns).contains(".TP\n.B \"" + ManPage.escape(c.title(false)) + "\"\n"
                    + ManPage.escape(c.description));
        }
        assertThat(columns.split("\n\\.TP\n")).hasSize(Column.values().length + 1);
        assertThat(columns).contains("spent swapping in (needs delay accounting)\n",
                "; the live view shows it with key x, batch text with \\-\\-show=read_syscalls\n",
                "as a sparkline; live view only\n");
    }

    @Test
    void theManPageAndTheHelpSayTheSameOfPrivilegesAndExitStatus() {
        String roff = ManPage.roff();
        assertThat(roff).contains(ManPage.escape(Help.SOURCES)).doesNotContain("needs root");
        assertThat(roff).contains(".SH EXIT STATUS\n.TP\n.B 0\ndone\n.TP\n.B 1\ncannot run (/proc unreadable,");
        String help = Help.text().replaceAll("\\s+", " ");
        assertThat(help).contains(Help.SOURCES, "Exit status: 0 done, 1 cannot run (/proc unreadable,");
        assertThat(Help.SOURCES).contains("as root or with CAP_NET_ADMIN; any other user gets the processes /proc");
    }

    /** What bash completes for the words given, the last one being completed. */
    private String bashCompletes(String... words) throws Exception {
        return String.join(" ", bashReplies(words));
    }

    /** What bash completes for the words given, one reply each, in the order given. */
    private List<String> bashReplies(String... words) throws Exception {
        PackageFiles.write(tmp);
        StringBuilder quoted = new StringBuilder();
        for (String w : words) {
            quoted.append(" '").append(w.replace("'", "'\\''")).append('\'');
        }
        String script = "source " + tmp.resolve("bash/jiotop") + "; COMP_WORDS=(jiotop" + quoted + "); COMP_CWORD="
                + words.length + "; _jiotop; complete -p jiotop >&2; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process p = new ProcessBuilder("bash", "--norc", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).startsWith("complete -F _jiotop jiotop\n");
        return out.substring(out.indexOf('\n') + 1).lines().filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void bashCompletesLongNamesAndTheValuesOfChoices() throws Exception {
        assertThat(bashCompletes("--de")).isEqualTo("--delay --devices");
        assertThat(bashCompletes("--del")).isEqualTo("--delay");
        assertThat(bashCompletes("--export-p")).isEqualTo("--export-pids --export-pids-max");
        assertThat(bashCompletes("--format", "j")).isEqualTo("json");
        assertThat(bashCompletes("-d", "")).as("a number is not guessed").isEmpty();
    }

    @Test
    void bashCompletesFileNamesTheReportCommandAndValuesAfterAnEqualsSign() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("recordings"));
        Files.writeString(dir.resolve("night one.rec"), "");
        Files.writeString(dir.resolve("noon.rec"), "");
        String prefix = dir + "/n";
        assertThat(bashReplies("--replay", prefix)).containsExactlyInAnyOrder(dir + "/night one.rec",
                dir + "/noon.rec");
        assertThat(bashCompletes("--record", dir + "/noo")).isEqualTo(dir + "/noon.rec");
        assertThat(bashCompletes("rep")).isEqualTo("report");
        assertThat(bashCompletes("-b", "rep")).as("report comes first or not at all").isEmpty();
        assertThat(bashCompletes("report", dir + "/noo")).isEqualTo(dir + "/noon.rec");
        assertThat(bashCompletes("report", dir + "/noon.rec", "-o", dir + "/noo")).isEqualTo(dir + "/noon.rec");
        assertThat(bashCompletes("report", "--o")).isEqualTo("--output");
        assertThat(bashCompletes("report", "--gr")).isEqualTo("--group");
        assertThat(bashCompletes("report", "--group", "=", "c")).isEqualTo("cgroup container");
        // What bash makes of --format=j and --format=: the '=' is a word of its own.
        assertThat(bashCompletes("--format", "=", "j")).isEqualTo("json");
        assertThat(bashCompletes("--format", "=")).isEqualTo("text json csv");
    }

    /** zsh run as a user runs it, in a terminal, its completion system loaded from the script written. */
    @Test
    void zshCompletesLongNamesAndTheValuesOfChoices() throws Exception {
        Assumptions.assumeTrue(onPath("zsh") && onPath("tmux"), "zsh and tmux");
        PackageFiles.write(tmp);
        assertThat(Files.readString(tmp.resolve("zsh/_jiotop"))).startsWith("#compdef jiotop\n");
        Path home = Files.createDirectories(tmp.resolve("zdotdir"));
        Files.writeString(home.resolve(".zshrc"), "fpath=(" + tmp.resolve("zsh") + " $fpath)\n"
                + "autoload -U compinit && compinit -u -D\nPS1='ready> '\n");
        Duration patience = Duration.ofSeconds(20);
        try (Tmux zsh = new Tmux(120, 20, "ZDOTDIR=" + home + " zsh -i")) {
            assertThat(zsh.await(s -> s.contains("ready>"), patience)).contains("ready>");
            zsh.keys("jiotop --de", "Tab");
            assertThat(zsh.await(s -> s.contains("--devices"), patience))
                    .containsPattern("--delay +-- seconds between reports, fractions allowed")
                    .containsPattern("--devices +-- also the block devices' figures");
            zsh.keys("C-u", "jiotop --format ", "Tab");
            assertThat(zsh.await(s -> s.contains("json"), patience)).containsPattern("csv +json +text");
            Path dir = Files.createDirectories(tmp.resolve("recordings"));
            Files.writeString(dir.resolve("noon.rec"), "");
            zsh.keys("C-u", "C-l", "jiotop --replay " + dir + "/no", "Tab");
            assertThat(zsh.await(s -> s.contains("noon.rec"), patience)).contains("--replay " + dir + "/noon.rec");
            zsh.keys("C-u", "C-l", "jiotop rep", "Tab");
            assertThat(zsh.await(s -> s.contains("jiotop report"), patience)).contains("jiotop report");
            zsh.keys("C-u", "C-l", "jiotop report " + dir + "/no", "Tab");
            assertThat(zsh.await(s -> s.contains("noon.rec"), patience)).contains("report " + dir + "/noon.rec");
            zsh.keys("C-u", "C-l", "jiotop report " + dir + "/noon.rec -o " + dir + "/no", "Tab");
            String wanted = "-o " + dir + "/noon.rec";
            assertThat(zsh.await(s -> s.replace("\n", "").contains(wanted), patience).replace("\n", ""))
                    .as("the line, wrapped at the window's width").contains(wanted);
            zsh.keys("C-u", "C-l", "jiotop report x --group=", "Tab");
            assertThat(zsh.await(s -> s.contains("container"), patience)).containsPattern("cgroup +container +pod +unit");
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (new File(dir, command).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
