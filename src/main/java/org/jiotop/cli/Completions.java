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
                    values.append("    ").append(String.join("|", forms)).append(") COMPREPLY=($(").append(words)
                            .append(" -- \"$cur\")); return ;;\n");
                }
            }
        }
        return "# bash completion for jiotop, made from its option table\n"
                + "_jiotop() {\n"
                + "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
                + "    COMPREPLY=()\n"
                + "    case $prev in\n"
                + values
                + "    " + String.join("|", valued) + ") return ;;\n"
                + "    esac\n"
                + "    case $cur in\n"
                + "    -*) COMPREPLY=($(compgen -W '" + String.join(" ", names) + "' -- \"$cur\")) ;;\n"
                + "    esac\n"
                + "}\n"
                + "complete -F _jiotop jiotop\n";
    }

    /** For {@code /usr/share/zsh/vendor-completions/_jiotop}. */
    static String zsh() {
        StringBuilder b = new StringBuilder("#compdef jiotop\n# zsh completion for jiotop, made from its option table\n"
                + "_arguments -s -S \\\n");
        for (Option o : Option.values()) {
            String help = "[" + o.spec.help().replace("\\", "\\\\").replace("'", "'\\''").replace("[", "\\[")
                    .replace("]", "\\]").replace(":", "\\:") + "]";
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

    /** The names of an option as the parser takes them, the short one first. */
    static List<String> forms(Option o) {
        List<String> forms = new ArrayList<>();
        if (o.spec.shortName != 0) {
            forms.add("-" + o.spec.shortName);
        }
        forms.add("--" + o.spec.longName);
        return forms;
    }

    /** The compgen that lists an option's values, or null when they cannot be listed. */
    private static String bashWords(Option o) {
        return switch (o.spec.kind) {
            case CHOICE, SORT -> "compgen -W '" + String.join(" ", o.spec.choices) + "'";
            case USER -> "compgen -u";
            case ID -> "compgen -W \"$(ls /proc | grep '^[0-9]')\"";
            default -> null;
        };
    }

    private static String zshAction(Option o) {
        return switch (o.spec.kind) {
            case CHOICE, SORT -> "(" + String.join(" ", o.spec.choices) + ")";
            case USER -> "_users";
            case ID -> "_pids";
            default -> " ";
        };
    }
}
