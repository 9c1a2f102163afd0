#!/bin/sh
# jiotop's benchmark: see BENCHMARKS.md. Run as root from the repository:  bench/run.sh [N...]
# For each N (total tasks on the machine; default 200 2000 10000 30000) it starts sleeping threads
# and one O_DIRECT writer, measures the kernel floor of a refresh in this run, then jiotop (and
# iotop / iotop-c when installed) with the same arguments, ROUNDS times in turn (default 3).
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
children=""
cleanup() {
    for c in $children; do kill "$c" 2>/dev/null || true; done
    echo "$pidmax" > /proc/sys/kernel/pid_max
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # a signal ends the run, and the EXIT trap cleans up

tasks() { ls -d /proc/[0-9]*/task/[0-9]* 2>/dev/null | wc -l; }
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
minimum() { tr ' ' '\n' | grep . | sort -n | head -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

# One steady writer, 16 MiB/s with O_DIRECT.
"$java" -XX:TieredStopAtLevel=1 -cp "$cp" org.jiotop.testkit.SteadyWriter target/bench/writer 16777216 > target/bench/writer.out &
writer=$!; children="$children $writer"
sleep 1
wtid=$(sed -n 's/^ready //p' target/bench/writer.out)

printf '%-7s %-16s %10s %10s %10s %10s %10s %9s\n' tasks tool "ms/refresh" "x floor" "-P ms" "x -Pfloor" "start ms" "RSS MiB"
for n in $sizes; do
    [ "$n" -gt $((pidmax - 2000)) ] && echo 4194304 > /proc/sys/kernel/pid_max
    while [ "$(tasks)" -lt "$n" ]; do
        want=$(( n - $(tasks) )); [ "$want" -gt 5000 ] && want=5000
        "$java" -Xss256k -XX:TieredStopAtLevel=1 -cp "$cp" org.jiotop.testkit.Sleepers "$want" > target/bench/sleepers.out &
        children="$children $!"
        until grep -q ready target/bench/sleepers.out 2>/dev/null; do sleep 0.2; done
        rm -f target/bench/sleepers.out
    done
    floor_t=""; floor_p=""; hot_t=""; hot_p=""; floor_s=""; jt=""; jp=""; js=""; jr=""; other=""
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
        jt="$jt $1"; jr="$jr $3"
        set -- $(WARMUP=6 bench/cpu-per-refresh.sh ./jiotop -b -o -P -n 16 -d 1)
        jp="$jp $1"
        for _ in 1 2 3; do
            js="$js $(JIOTOP_STARTUP_REPORT=1 ./jiotop -b -n 1 -d 0.05 -qqq 2>&1 >/dev/null | awk '/first sample/ {print $NF}')"
            floor_s="$floor_s $(startup_floor)"
        done
        for tool in iotop iotop-c; do
            if command -v "$tool" >/dev/null 2>&1; then
                set -- $(WARMUP=6 bench/cpu-per-refresh.sh "$tool" -b -o -n 16 -d 1)
                other="$other $tool:$1:$3"
            fi
        done
    done
    ft=$(echo "$floor_t" | median); fp=$(echo "$floor_p" | median)
    t=$(echo "$jt" | median); p=$(echo "$jp" | median)
    printf '%-7s %-16s %10s %10s %10s %10s %10s %9s\n' "$(tasks)" "floor" "$ft" "1.00" "$fp" "1.00" \
        "$(echo "$floor_s" | median)" "-"
    ht=$(echo "$hot_t" | median); hp=$(echo "$hot_p" | median)
    printf '%-7s %-16s %10s %10s %10s %10s %10s %9s\n' "" "floor, hot" "$ht" "$(ratio "$ht" "$ft")" "$hp" "$(ratio "$hp" "$fp")" "-" "-"
    printf '%-7s %-16s %10s %10s %10s %10s %10s %9s\n' "" "jiotop median" "$t" "$(ratio "$t" "$ft")" "$p" \
        "$(ratio "$p" "$fp")" "$(echo "$js" | median)" "$(( $(echo "$jr" | median) / 1024 ))"
    t=$(echo "$jt" | minimum); p=$(echo "$jp" | minimum)
    printf '%-7s %-16s %10s %10s %10s %10s %10s %9s\n' "" "jiotop min" "$t" "$(ratio "$t" "$ft")" "$p" \
        "$(ratio "$p" "$fp")" "$(echo "$js" | minimum)" "$(( $(echo "$jr" | minimum) / 1024 ))"
    echo "        rounds: floor$floor_t | -P floor$floor_p | jiotop$jt | -P$jp | start$js | start floor$floor_s" >&2
    for tool in iotop iotop-c; do
        v=$(echo "$other" | tr ' ' '\n' | grep "^$tool:" | cut -d: -f2 | median)
        [ -n "$v" ] && printf '%-7s %-16s %10s %10s\n' "" "$tool median" "$v" "$(ratio "$v" "$ft")"
    done
done

# Reported rate of the writer against the kernel's own counter of its thread over the same
# intervals: the counter is read as each report arrives, so both sides span (nearly) the same
# second, and a second in which the writer itself fell behind does not count against jiotop. The
# first report is skipped: its interval began before the first line arrived.
echo
echo "writer (TID $wtid) at 16 MiB/s: jiotop's rate per report against the kernel counter's over the same interval:"
./jiotop -b -k -qqq -p "$wtid" -n 6 -d 1 | while IFS= read -r line; do
    echo "$(date +%s.%N) $(awk '/^write_bytes/ {print $2}' "/proc/$writer/task/$wtid/io") $line"
done | awk '{
    for (i = 3; i < NF; i++) if ($(i+1) == "K/s") shown = $i
    if (NR > 1) { kernel = ($2 - bytes) / 1024 / ($1 - at); printf "  %s K/s against %.2f K/s = %.1f%%\n", shown, kernel, 100 * shown / kernel }
    at = $1; bytes = $2
}'
