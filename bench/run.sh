#!/bin/sh
# jiotop's benchmark: see BENCHMARKS.md. Run as root from the repository:  bench/run.sh [N...]
# For each N (total tasks on the machine; default 200 2000 10000 30000) it starts sleeping processes
# of PER_PROCESS threads each (default 10; bench/tasks.sh)
# beside O_DIRECT I/O at known rates (a writer and a reader), measures the kernel floor of a refresh
# in this run, then jiotop (and iotop / iotop-c when installed) with the same arguments, ROUNDS
# times in turn (default 3). iotop and iotop-c are skipped above OTHERS_MAX tasks (default 30000):
# at 100,000 tasks each of their 16-report runs would take minutes.
# The medians go to target/bench/results.tsv and its chart to target/bench/scaling.svg.
set -eu
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
jiotop_require_jdk
java="$JIOTOP_JDK/bin/java"
rounds=${ROUNDS:-3}
sizes=${*:-200 2000 10000 30000}
[ "$(id -u)" -eq 0 ] || { echo "bench/run.sh: needs root (taskstats)" >&2; exit 1; }

JAVA_HOME="$JIOTOP_JDK" ./mvnw -q -B -ntp -DskipTests package >&2
./jiotop --version >/dev/null   # builds the AOT cache
cp="target/classes:target/test-classes"
mkdir -p target/bench

# The start-up floor: a JVM with jiotop's flags and an AOT cache of its own that links jiotop's one
# syscall(2) downcall and makes its first call (org.jiotop.linux.StartupFloor, in the test classes).
. scripts/jvm-flags.sh
jiotop_jvm_flags
set +f
floor_java() { set -f; "$java" $JIOTOP_JVM_FLAGS "$@"; set +f; }
rm -rf target/bench/startup-floor target/bench/startup-floor.jar target/bench/startup-floor.aot
mkdir -p target/bench/startup-floor/org/jiotop
cp -r target/classes/org/jiotop/linux target/bench/startup-floor/org/jiotop/
cp target/test-classes/org/jiotop/linux/StartupFloor.class target/bench/startup-floor/org/jiotop/linux/
printf 'Main-Class: org.jiotop.linux.StartupFloor\nEnable-Native-Access: ALL-UNNAMED\n' > target/bench/startup-floor.mf
"$JIOTOP_JDK/bin/jar" cfm target/bench/startup-floor.jar target/bench/startup-floor.mf -C target/bench/startup-floor .
floor_java -XX:AOTCacheOutput=target/bench/startup-floor.aot -jar target/bench/startup-floor.jar >/dev/null 2>&1
startup_floor() {
    floor_java -XX:AOTCache=target/bench/startup-floor.aot -jar target/bench/startup-floor.jar | awk '{print $NF}'
}
pidmax=$(cat /proc/sys/kernel/pid_max)
threadsmax=$(cat /proc/sys/kernel/threads-max)
children=""
cleanup() {
    for c in $children; do kill "$c" 2>/dev/null || true; done
    echo "$pidmax" > /proc/sys/kernel/pid_max
    echo "$threadsmax" > /proc/sys/kernel/threads-max
}
trap cleanup EXIT
trap 'exit 130' HUP INT PIPE TERM   # a signal (or a closed output) ends the run, and the EXIT trap cleans up

. bench/tasks.sh
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
minimum() { tr ' ' '\n' | grep . | sort -n | head -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

# Steady O_DIRECT I/O at known rates: a writer at 16 MiB/s and a reader at 8 MiB/s (which first
# writes the 64 MiB it then reads round and round).
"$java" -XX:TieredStopAtLevel=1 -cp "$cp" org.jiotop.testkit.SteadyWriter target/bench/writer 16777216 > target/bench/writer.out &
writer=$!; children="$children $writer"
"$java" -XX:TieredStopAtLevel=1 -cp "$cp" org.jiotop.testkit.SteadyReader target/bench/reader 8388608 > target/bench/reader.out &
reader=$!; children="$children $reader"
until grep -q ready target/bench/writer.out 2>/dev/null && grep -q ready target/bench/reader.out 2>/dev/null; do sleep 0.2; done
wtid=$(sed -n 's/^ready //p' target/bench/writer.out)
rtid=$(sed -n 's/^ready //p' target/bench/reader.out)

# The other tools, when installed. iotop-c 1.23 (Debian 12) block-buffers batch output into a pipe,
# so its reports would all arrive at its end: stdbuf makes its stdout line-buffered (it execs the
# tool in the same process, so the CPU read is still the tool's).
tools=""
for tool in iotop iotop-c; do command -v "$tool" >/dev/null 2>&1 && tools="$tools $tool"; done
tool_cmd() { if [ "$1" = iotop-c ]; then echo "stdbuf -oL iotop-c"; else echo "$1"; fi; }
others_max=${OTHERS_MAX:-30000}
row() { printf '%-7s %-16s %10s %10s %10s %10s %10s %10s %10s %10s %9s\n' "$@"; }
results=target/bench/results.tsv
printf 'tool\tmode\ttasks\tms_per_refresh\tpeak_rss_mib\n' > "$results"
# result TOOL MODE TASKS MS RSS_KIB: one line of the results file.
result() { printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$(if [ "$5" = - ]; then echo -; else echo $(($5 / 1024)); fi)" >> "$results"; }
# room_for N: raises the kernel's limits a machine of N tasks would hit (restored on exit), or stops
# the run when memory is short: a sleeping thread costs ~40 KiB (its kernel stack, the pages of its
# stack it touched, the JVM's record of it), ~50 KiB in a forked process of 10 (the page tables of
# the JVM it was forked from). The root user's processes count against no
# RLIMIT_NPROC, and a sleeper JVM's 5,000 threads map ~10,000 areas of its vm.max_map_count.
room_for() {
    [ "$1" -gt $((pidmax - 2000)) ] && echo 4194304 > /proc/sys/kernel/pid_max
    [ "$1" -gt $((threadsmax - 20000)) ] && echo $(($1 + 20000)) > /proc/sys/kernel/threads-max
    free=$(awk '/^MemAvailable:/ {print $2}' /proc/meminfo)
    if [ $((($1 - $(tasks)) * 50)) -gt "$free" ]; then
        echo "bench/run.sh: $1 tasks need ~$(($1 * 50 / 1024)) MiB, $((free / 1024)) MiB available" >&2
        exit 1
    fi
}
# field TOOL N: the median over the rounds of field N of TOOL's "tool:threads:-P:RSS:1st report" records.
field() { echo "$other" | tr ' ' '\n' | grep "^$1:" | cut -d: -f"$2" | median; }
row tasks tool "-o ms" "x floor" "all ms" "x floor" "-P ms" "x -Pfloor" "start ms" "1st rep ms" "RSS MiB"
for n in $sizes; do
    room_for "$n"
    fill_tasks "$n"
    floor_t=""; floor_p=""; hot_t=""; hot_p=""; floor_s=""; jt=""; ja=""; jp=""; js=""; jr=""; jas=""; jps=""; jf=""
    other=""
    others=$tools; [ "$n" -gt "$others_max" ] && others=""
    for r in $(seq "$rounds"); do
        # The floor of a refresh, each step a second after the last as jiotop's refreshes are (the
        # kernel's structures are then no longer in the CPU caches); and, for reference, back to back.
        f=$("$java" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$cp" org.jiotop.bench.Floor 10 1000)
        floor_t="$floor_t $(echo "$f" | awk '/floor, threads/ {print $NF}')"
        floor_p="$floor_p $(echo "$f" | awk '/floor, processes/ {print $NF}')"
        f=$("$java" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$cp" org.jiotop.bench.Floor 10)
        hot_t="$hot_t $(echo "$f" | awk '/floor, threads/ {print $NF}')"
        hot_p="$hot_p $(echo "$f" | awk '/floor, processes/ {print $NF}')"
        set -- $(WARMUP=6 bench/cpu-per-refresh.sh ./jiotop -b -o -n 16 -d 1)
        jt="$jt $1"; jr="$jr $3"; jf="$jf $4"
        # Every task's row printed: what a refresh costs when nothing is left out.
        set -- $(WARMUP=6 bench/cpu-per-refresh.sh ./jiotop -b -n 16 -d 1)
        ja="$ja $1"; jas="$jas $3"
        set -- $(WARMUP=6 bench/cpu-per-refresh.sh ./jiotop -b -o -P -n 16 -d 1)
        jp="$jp $1"; jps="$jps $3"
        for _ in 1 2 3; do
            js="$js $(JIOTOP_STARTUP_REPORT=1 ./jiotop -b -n 1 -d 0.05 -qqq 2>&1 >/dev/null | awk '/first sample/ {print $NF}')"
            floor_s="$floor_s $(startup_floor)"
        done
        for tool in $others; do
            set -- $(WARMUP=6 bench/cpu-per-refresh.sh $(tool_cmd "$tool") -b -o -n 16 -d 1)
            t1=$1; rss=$3; first=$4
            set -- $(WARMUP=6 bench/cpu-per-refresh.sh $(tool_cmd "$tool") -b -o -P -n 16 -d 1)
            other="$other $tool:$t1:$1:$rss:$first"
        done
    done
    ft=$(echo "$floor_t" | median); fp=$(echo "$floor_p" | median)
    t=$(echo "$jt" | median); a=$(echo "$ja" | median); p=$(echo "$jp" | median); f=$(echo "$jf" | median)
    r=$(echo "$jr" | median)
    counted=$(tasks)
    row "$counted" "floor" "$ft" "1.00" "$ft" "1.00" "$fp" "1.00" "$(echo "$floor_s" | median)" "-" "-"
    ht=$(echo "$hot_t" | median); hp=$(echo "$hot_p" | median)
    row "" "floor, hot" "$ht" "$(ratio "$ht" "$ft")" "-" "-" "$hp" "$(ratio "$hp" "$fp")" "-" "-" "-"
    row "" "jiotop median" "$t" "$(ratio "$t" "$ft")" "$a" "$(ratio "$a" "$ft")" "$p" "$(ratio "$p" "$fp")" \
        "$(echo "$js" | median)" "$f" "$((r / 1024))"
    tm=$(echo "$jt" | minimum); am=$(echo "$ja" | minimum); pm=$(echo "$jp" | minimum)
    row "" "jiotop min" "$tm" "$(ratio "$tm" "$ft")" "$am" "$(ratio "$am" "$ft")" "$pm" "$(ratio "$pm" "$fp")" \
        "$(echo "$js" | minimum)" "$(echo "$jf" | minimum)" "$(( $(echo "$jr" | minimum) / 1024 ))"
    echo "        rounds: floor$floor_t | -P floor$floor_p | jiotop -o$jt | all rows$ja | -P$jp | start$js | start floor$floor_s | 1st report$jf" >&2
    result floor threads "$counted" "$ft" -
    result floor -P "$counted" "$fp" -
    result jiotop "threads -o" "$counted" "$t" "$r"
    result jiotop "threads, all rows" "$counted" "$a" "$(echo "$jas" | median)"
    result jiotop -P "$counted" "$p" "$(echo "$jps" | median)"
    [ -n "$tools" ] && [ -z "$others" ] && echo "        $tools skipped: more than $others_max tasks" >&2
    # Each other tool's medians, then jiotop's medians as a fraction of the tool's.
    for tool in $others; do
        ot=$(field "$tool" 2); op=$(field "$tool" 3); orss=$(field "$tool" 4); of=$(field "$tool" 5)
        row "" "$tool median" "$ot" "$(ratio "$ot" "$ft")" "-" "-" "$op" "$(ratio "$op" "$fp")" "-" "$of" "$((orss / 1024))"
        row "" "jiotop/$tool" "$(ratio "$t" "$ot")" "" "" "" "$(ratio "$p" "$op")" "" "" "$(ratio "$f" "$of")" "$(ratio "$r" "$orss")"
        echo "        rounds, $tool (threads:-P:RSS KiB:1st report):$(echo "$other" | tr ' ' '\n' | grep "^$tool:" | cut -d: -f2- | tr '\n' ' ')" >&2
        result "$tool" "threads -o" "$counted" "$ot" "$orss"
        result "$tool" -P "$counted" "$op" -
    done
done
"$java" -cp "$cp" org.jiotop.output.html.ScalingChart "$results" target/bench/scaling.svg

# Reported rates of the writer and the reader against the kernel's own counters of their threads
# over the same intervals: a counter is read as each report arrives, so both sides span (nearly)
# the same second, and a second in which the writer or reader itself fell behind does not count
# against the tool. The first report is skipped: its interval began before the first line arrived.
# The I/O goes in 64 KiB blocks, 0.8 % of the reader's second: where the two sides' instants
# straddle a block, they differ by one. So the clock and the counter are read by bash's built-ins,
# within microseconds of the line's arrival (forking date and awk for them moved those instants by
# a few ms from one report to the next).
# rates TOOL COMMAND...: both checks for one tool.
rates() {
    name=$1; shift
    for what in "write $wtid $writer 16" "read $rtid $reader 8"; do
        set -f; set -- $what "$@"; set +f
        kind=$1; tid=$2; pid=$3; mib=$4; shift 4
        echo "$kind at $mib MiB/s (TID $tid): $name's rate per report against the kernel counter's over the same interval:"
        # The DISK READ column is the first figure in K/s of a row, DISK WRITE the second.
        column=1; [ "$kind" = write ] && column=2
        # shellcheck disable=SC2016
        "$@" -b -k -qqq -p "$tid" -n 6 -d 1 | LC_ALL=C bash -c '
            tid=$1 key=$2_bytes file=$3
            while IFS= read -r line; do
                # Only the row of the task: iotop-c 1.23 prints its summary lines even with -qqq.
                case "${line#"${line%%[! ]*}"}" in "$tid "*) ;; *) continue ;; esac
                now=$EPOCHREALTIME
                while IFS=": " read -r name value; do [ "$name" = "$key" ] && break; done < "$file"
                echo "$now $value $line"
            done' rates "$tid" "$kind" "/proc/$pid/task/$tid/io" | awk -v column="$column" '{
            n = 0
            for (i = 3; i < NF; i++) if ($(i+1) == "K/s" && ++n == column) shown = $i
            if (NR > 1) { kernel = ($2 - bytes) / 1024 / ($1 - at); printf "  %s K/s against %.2f K/s = %.1f%%\n", shown, kernel, 100 * shown / kernel }
            at = $1; bytes = $2
        }'
    done
}
echo
rates jiotop ./jiotop
for tool in $tools; do
    # shellcheck disable=SC2046
    rates "$tool" $(tool_cmd "$tool")
done
