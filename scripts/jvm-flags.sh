# Sourced by ./jiotop, the package's /usr/bin/jiotop and bench/run.sh (POSIX sh). jiotop_jvm_flags
# sets JIOTOP_JVM_FLAGS: the JVM flags of every run and of the AOT cache's training run (a cache made
# with other module flags is refused). It turns pathname expansion off (set -f): the flags hold '*'
# and are expanded unquoted.
# No flag holds a space, so the word splitting of the unquoted flags is safe.

jiotop_jvm_flags() {
    # The serial collector grows the heap up to its ceiling before it collects the old generation,
    # so the ceiling sets the memory jiotop ends up using: 24 MiB plus 1 KiB per task on the machine
    # now (from /proc/loadavg). A task costs ~200 bytes of live state, an idle one no garbage. What
    # else jiotop holds is bounded whatever the tasks do: a command line is at most 1,024 characters
    # (2 KiB), shared by its process's threads; remembered ones 2 Mi characters in all (4 MiB);
    # output is written row by row. 5,000 processes with such command lines (10,000 tasks) held
    # 14 MiB live of a 33 MiB ceiling (HeavyLabelsIT runs the heavy cases through this ceiling).
    # Read by the shell itself: the package's launcher runs with no PATH it can count on.
    tasks=
    read -r _ _ _ tasks _ </proc/loadavg 2>/dev/null
    tasks=${tasks#*/}
    case $tasks in *[!0-9]* | '') tasks=0 ;; esac
    heap=$(( 24 + ${tasks:-0} / 1024 ))
    [ "$heap" -gt 2048 ] && heap=2048
    # JVM log lines (AOT notes among them) must never reach stdout, where batch output goes. Native
    # access is granted by the jar's manifest. CPU (BENCHMARKS.md): C1 only; no replay of the AOT
    # cache's training profiles (it compiles ahead what a short run never needs). A method is
    # compiled after 10x the usual number of calls, which keeps the compiler off the one-time work
    # of linking the first downcall, while loops keep the usual threshold (6000 x 10). What a
    # refresh runs goes back to the usual threshold (a per-method scale multiplies the global one:
    # 10 x 0.1): jiotop's own methods and the buffers and memory access under them, which saves
    # ~1.5 ms on each of the first dozens of refreshes. Not the JDK's collections and strings: the
    # linker's class-file generation runs them far more than a refresh does, and compiling them
    # early cost ~6 ms of start-up for no gain per refresh. The monitor-deflation thread wakes
    # every 60 s instead of four times a second (jiotop makes few monitors for it to clean up).
    # On exit the JVM waits up to 300 ms for each thread in a system call to come out of it, which
    # the exporter's always are (the JDK's poller of virtual-thread sockets among them): a
    # SIGTERM took 200-350 ms to end it, 20 ms without the wait. Such a thread cannot touch what
    # the exit frees without coming back into the JVM first, which the exit stops it from.
    # The AOT cache is mapped at the address it was made for, not at a random one (the JDK's
    # default): moving it means rewriting its pointers, 18-28 ms of CPU (in a worker thread) on
    # every start (BENCHMARKS.md, One-shot cost). When that address is taken, the JVM still moves
    # it. What the random address would hide is the layout of the JDK's own class metadata.
    set -f
    JIOTOP_JVM_FLAGS="-Xlog:disable -Xlog:all=warning:stderr
        -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xms8m -Xmx${heap}m -XX:-UsePerfData
        -XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining -XX:AsyncDeflationInterval=0
        -XX:CompileThresholdScaling=10 -XX:Tier3BackEdgeThreshold=6000 -XX:CompileCommand=quiet
        -XX:UserThreadWaitAttemptsAtExit=0 -XX:ArchiveRelocationMode=0"
    for hot in org.jiotop.'*' java.nio.'*' java.lang.Math'*' jdk.internal.misc.'*' jdk.internal.foreign.'*'; do
        JIOTOP_JVM_FLAGS="$JIOTOP_JVM_FLAGS -XX:CompileCommand=CompileThresholdScaling,$hot::*,0.1"
    done
}
