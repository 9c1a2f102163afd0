# Sourced by ./jiotop and the package's /usr/bin/jiotop (bash). jiotop_exec JAVA JAR AOT ARGS...
# replaces the shell with jiotop's JVM so that /proc/PID/cmdline reads `jiotop @/proc/self/fd/3
# ARGS` and the process is named jiotop (ps, top, jiotop's own rows): the JVM flags, the jar and the
# AOT cache (used when the file exists) reach the java launcher as an @argfile read from a pipe
# instead of as ~700 bytes of argv (/proc/self/fd rather than /dev/fd: jiotop needs /proc anyway,
# some containers have no /dev/fd). JAVA is the java launcher itself or a link to it named jiotop:
# the kernel names a process after the file it executes, and java finds its runtime through
# /proc/self/exe, so a link works. Needs jiotop_jvm_flags (scripts/jvm-flags.sh) first.

jiotop_exec() {
    local java=$1 jar=$2 aot=$3
    shift 3
    local flags=$JIOTOP_JVM_FLAGS
    if [ -f "$aot" ] && [ ! "$jar" -nt "$aot" ]; then
        flags="$flags -XX:AOTCache=\"$aot\""
    fi
    # JIOTOP_LAUNCHER_DRY_RUN=1 does all but the exec (bench/one-shot.sh measures the launcher's
    # own CPU by it): the same argfile goes to the `:` built-in, which reads nothing.
    local run=exec
    [ -n "${JIOTOP_LAUNCHER_DRY_RUN:-}" ] && run=:
    # An argfile takes one argument per word; a quoted path may hold spaces. The fd stays open in
    # the JVM but is empty once the launcher has read it.
    $run -a jiotop "$java" @/proc/self/fd/3 "$@" 3<<ARGS
$flags
-jar "$jar"
ARGS
}
