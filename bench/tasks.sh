# Sourced by the benchmarks: counts the machine's tasks and fills it with sleeping threads.
# Needs $java and $cp; adds the sleepers' PIDs to $children, for the caller to kill.

# printf is built into the shell: the paths of 100,000 tasks are more than an exec'd command's
# arguments may hold (ls would fail, and the count read 0).
tasks() { printf '%s\n' /proc/[0-9]*/task/[0-9]* | wc -l; }

# fill_tasks N: adds sleeping tasks until there are N; fails when the count does not grow, rather
# than start sleepers without end. The tasks come as processes of PER_PROCESS threads each (default
# 10, as most of a server's processes are): org.jiotop.testkit.SleepingProcesses forks them from a
# JVM, 1,000 processes at most per JVM. PER_PROCESS=5000 gives the other shape, a few JVMs of 5,000
# threads each (org.jiotop.testkit.Sleepers), where the kernel's summing of a process's threads
# for /proc/PID/io and the per-group query is most of a process scan.
fill_tasks() {
    local per=${PER_PROCESS:-10} before want sleepers
    while [ "$(tasks)" -lt "$1" ]; do
        before=$(tasks)
        want=$(( $1 - before ))
        # No perf-data file: a JVM that keeps one writes a page of it back every few seconds, and the
        # sleepers would show as writers (each tool then asks for the PRIO of 5,000 threads).
        if [ "$per" -gt 100 ]; then
            [ "$want" -gt "$per" ] && want=$per
            "$java" -Xss256k -XX:TieredStopAtLevel=1 -XX:-UsePerfData -cp "$cp" org.jiotop.testkit.Sleepers "$want" \
                > target/bench/sleepers.out &
        else
            want=$(( (want + per - 1) / per )); [ "$want" -gt 1000 ] && want=1000
            # Interpreted only, with no periodic safepoint: a forked copy must never wait for a JVM
            # thread it does not have (a compiler's lock, a safepoint begun before the fork).
            "$java" --enable-native-access=ALL-UNNAMED -Xint -XX:+UnlockDiagnosticVMOptions \
                -XX:GuaranteedSafepointInterval=0 -XX:AsyncDeflationInterval=0 -XX:+UseSerialGC -Xmx32m \
                -XX:-UsePerfData -cp "$cp" org.jiotop.testkit.SleepingProcesses "$want" "$per" \
                > target/bench/sleepers.out &
        fi
        sleepers=$!
        children="$children $sleepers"
        until grep -q ready target/bench/sleepers.out 2>/dev/null; do
            kill -0 "$sleepers" 2>/dev/null || { echo "fill_tasks: the sleepers ended" >&2; return 1; }
            sleep 0.2
        done
        rm -f target/bench/sleepers.out
        if [ "$(tasks)" -le "$before" ]; then
            echo "fill_tasks: $before tasks before sleepers of $want started, no more after" >&2
            return 1
        fi
    done
}
