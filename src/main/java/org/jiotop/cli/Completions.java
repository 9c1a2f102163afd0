package org.jiotop.cli;

import java.util.ArrayList;
import java.util.List;

/** Shell completion scripts for bash and zsh, from the {@link Option} table. */
final class Completions {
    private Completions() {
    }

    /** For {@code /usr/share/bash-completion/completions/jiotop}. */
    static String bash() {
        List<String> names = new ArrayList<>();
        List<String> valued = new ArrayList<>();
        StringBuilder values = new StringBuilder();
        for (Option o : Option.values()) {
            List<String> forms = forms(o);
            names.addAll(forms);
            if (o.spec.valueName != null) {
                valued.addAll(forms);
                String words = bashWords(o);
                if (words != null) {
                    values.append("    ").append(String.join("|", forms)).append(") ").append(words)
                            .append("; return ;;\n");
                }
            }
        }
        // bash splits --delay=1 at the '=' (COMP_WORDBREAKS): the value after it is completed as
        // after --delay 1. A file name is completed as one (a space kept, a folder ending in /).
        return "# bash completion for jiotop, made from its option table\n"
                + "_jiotop_files() {\n"
                + "    compopt -o filenames 2>/dev/null\n"
                + "    local IFS=$'\\n'\n"
                + "    COMPREPLY=($(compgen -f -- \"$1\"))\n"
                + "}\n"
                + "_jiotop() {\n"
                + "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
                + "    [ \"$cur\" = = ] && cur=\n"
                + "    [ \"$prev\" = = ] && [ \"$COMP_CWORD\" -gt 2 ] && prev=${COMP_WORDS[COMP_CWORD-2]}\n"
                + "    COMPREPLY=()\n"
                + "    if [ \"$COMP_CWORD\" -gt 1 ] && [ \"${COMP_WORDS[1]}\" = " + ReportCommand.NAME + " ]; then\n"
                + "        case $prev in\n"
                + "        " + String.join("|", ReportCommand.OUTPUT) + ") _jiotop_files \"$cur\"; return ;;\n"
                + "        " + ReportCommand.GROUP + ") COMPREPLY=($(compgen -W '"
                + String.join(" ", ReportCommand.groupWords()) + "' -- \"$cur\")); return ;;\n"
                + "        esac\n"
                + "        case $cur in\n"
                + "        -*) COMPREPLY=($(compgen -W '" + String.join(" ", ReportCommand.OUTPUT) + " "
                + ReportCommand.GROUP + " " + String.join(" ", ReportCommand.HELP) + "' -- \"$cur\")) ;;\n"
                + "        *) _jiotop_files \"$cur\" ;;\n"
                + "        esac\n"
                + "        return\n"
                + "    fi\n"
                + "    case $prev in\n"
                + values
                + "    " + String.join("|", valued) + ") return ;;\n"
                + "    esac\n"
                + "    case $cur in\n"
                + "    -*) COMPREPLY=($(compgen -W '" + String.join(" ", names) + "' -- \"$cur\")) ;;\n"
                + "    *) if [ \"$COMP_CWORD\" -eq 1 ]; then COMPREPLY=($(compgen -W " + ReportCommand.NAME
                + " -- \"$cur\")); fi ;;\n"
                + "    esac\n"
                + "}\n"
                + "complete -F _jiotop jiotop\n";
    }

    /** For {@code /usr/share/zsh/vendor-completions/_jiotop}. */
    static String zsh() {
        StringBuilder b = new StringBuilder("#compdef jiotop\n");
        b.append("# zsh completion for jiotop, made from its option table\n");
        b.append("if (( CURRENT > 2 )) && [[ $words[2] == ").append(ReportCommand.NAME).append(" ]]; then\n")
                .append("  shift words; (( CURRENT-- ))\n  _arguments -S \\\n");
        for (String output : ReportCommand.OUTPUT) {
            b.append("    '").append(output).append(output.startsWith("--") ? "=" : "+")
                    .append(zshHelp(ReportCommand.OUTPUT_HELP)).append(":OUT.html:_files' \\\n");
        }
        b.append("    '").append(ReportCommand.GROUP).append("=").append(zshHelp(ReportCommand.GROUP_HELP))
                .append(":KIND:(").append(String.join(" ", ReportCommand.groupWords())).append(")' \\\n");
        for (String help : ReportCommand.HELP) {
            b.append("    '").append(help).append(zshHelp("show its usage and exit")).append("' \\\n");
        }
        b.append("    '1:FILE:_files' && return 0\n  return 1\nfi\n")
                .append("if (( CURRENT == 2 )) && [[ $PREFIX != -* ]]; then\n  compadd ")
                .append(ReportCommand.NAME).append(" && return 0\nfi\n")
                .append("_arguments -s -S \\\n");
        for (Option o : Option.values()) {
            String help = zshHelp(o.spec.help());
            String value = o.spec.valueName == null ? "" : ":" + o.spec.valueName.replace(":", "\\:") + ":"
                    + zshAction(o);
            String repeat = o.spec.kind == ValueKind.COUNTED || o.spec.kind.repeatable() ? "*" : "";
            if (o.spec.shortName != 0) {
                b.append("  '").append(repeat).append('-').append(o.spec.shortName)
                        .append(o.spec.valueName == null ? "" : "+").append(help).append(value).append("' \\\n");
            }
            b.append("  '").append(repeat).append("--").append(o.spec.longName)
                    .append(o.spec.valueName == null ? "" : "=").append(help).append(value).append("' \\\n");
        }
        return b.append("  && return 0\n").toString();
    }

    /** An option's help as the description of an {@code _arguments} spec, in brackets. */
    private static String zshHelp(String help) {
        return "[" + help.replace("\\", "\\\\").replace("'", "'\\''").replace("[", "\\[")
                .replace("]", "\\]").replace(":", "\\:") + "]";
    }

    /** The names of an option as the parser takes them, the short one first. */
    static List<String> forms(Option o) {
        List<String> forms = new ArrayList<>();
        if (o.spec.shortName != 0) {
            forms.add("-" + o.spec.shortName);
        }
        forms.add("--" + o.spec.longName);
        return forms;
    }

    /** What fills COMPREPLY with an option's values, or null when they cannot be listed. */
    private static String bashWords(Option o) {
        return switch (o.spec.kind) {
            case CHOICE, SORT -> "COMPREPLY=($(compgen -W '" + String.join(" ", o.spec.choices) + "' -- \"$cur\"))";
            case USER -> "COMPREPLY=($(compgen -u -- \"$cur\"))";
            case ID -> "COMPREPLY=($(compgen -W \"$(ls /proc | grep '^[0-9]')\" -- \"$cur\"))";
            case FILE -> "_jiotop_files \"$cur\"";
            default -> null;
        };
    }

    private static String zshAction(Option o) {
        return switch (o.spec.kind) {
            case CHOICE, SORT -> "(" + String.join(" ", o.spec.choices) + ")";
            case USER -> "_users";
            case ID -> "_pids";
            case FILE -> "_files";
            default -> " ";
        };
    }
}
