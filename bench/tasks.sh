# Sourced by the benchmarks: counts the machine's tasks and fills it with sleeping threads.
# Needs $java and $cp; adds the sleepers' PIDs to $children, for the caller to kill.

# printf is built into the shell: the paths of 100,000 tasks are more than an exec'd command's
# arguments may hold (ls would fail, and the count read 0).
tasks() { printf '%s\n' /proc/[0-9]*/task/[0-9]* | wc -l; }

# fill_tasks N: starts org.jiotop.testkit.Sleepers (5,000 threads at most each) until there are N
# tasks; fails when the count does not grow, rather than start sleepers without end.
fill_tasks() {
    while [ "$(tasks)" -lt "$1" ]; do
        before=$(tasks)
        want=$(( $1 - before )); [ "$want" -gt 5000 ] && want=5000
        # No perf-data file: a JVM that keeps one writes a page of it back every few seconds, and the
        # sleepers would show as writers (each tool then asks for the PRIO of 5,000 threads).
        "$java" -Xss256k -XX:TieredStopAtLevel=1 -XX:-UsePerfData -cp "$cp" org.jiotop.testkit.Sleepers "$want" \
            > target/bench/sleepers.out &
        children="$children $!"
        until grep -q ready target/bench/sleepers.out 2>/dev/null; do sleep 0.2; done
        rm -f target/bench/sleepers.out
        if [ "$(tasks)" -le "$before" ]; then
            echo "fill_tasks: $before tasks before a sleeper of $want threads started, no more after" >&2
            return 1
        fi
    done
}
