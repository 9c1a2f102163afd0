#!/bin/bash
# What one `jiotop -b -n 1 -d 0.1` costs the user: the user + system CPU of the whole process tree
# (launcher, JVM, both samples, printing, exit), measured from outside by bash's `time` keyword
# (getrusage of the waited-for children, to the millisecond), beside a bare JVM that only prints its
# version, taken in turn RUNS times so that both see the same machine. Also, when present: the
# package's /usr/bin/jiotop, python iotop and iotop-c (`-b -n 1`), and the checkout launcher's own
# share: ./jiotop with JIOTOP_LAUNCHER_DRY_RUN=1, which does everything up to the exec of the JVM
# (finding the JDK, the staleness checks, the flags, the argfile) and then exits instead.
# `bash -c :` is measured too: the shell's own start, which the dry run includes. These two take a
# few ms, near the 1 ms resolution of `time`: each of their samples is the mean of REPEAT runs
# (default 50) in a row.
# Prints one line per command: median, least and most, in ms of CPU, the ratio of the medians of
# jiotop's and the bare JVM's, and the dry run's median less the shell's.
# BASE, a second checkout (built), adds its ./jiotop: an A/B of two builds.
# Usage, as root from the repository (RUNS, default 9):   [BASE=DIR] bench/one-shot.sh
set -u
cd "$(dirname "$0")/.." || exit 1
. scripts/find-jdk.sh
jiotop_require_jdk
runs=${RUNS:-9}
repeat=${REPEAT:-50}

names=(checkout "bare java -version" "launcher dry run" "bash -c :")
commands=("./jiotop -b -n 1 -d 0.1"
    "$JIOTOP_JDK/bin/java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -version"
    "JIOTOP_LAUNCHER_DRY_RUN=1 ./jiotop -b -n 1 -d 0.1"
    "bash -c :")
repeats=(1 1 "$repeat" "$repeat")
add() { names+=("$1"); commands+=("$2"); repeats+=(1); }
[ -n "${BASE:-}" ] && add base "$BASE/jiotop -b -n 1 -d 0.1"
[ -x /usr/bin/jiotop ] && add package "/usr/bin/jiotop -b -n 1 -d 0.1"
[ -x /usr/sbin/iotop ] && add "python iotop" "/usr/sbin/iotop -b -n 1"
[ -x /usr/sbin/iotop-c ] && add iotop-c "/usr/sbin/iotop-c -b -n 1"

# Warm-up, untimed: builds the jar and trains the AOT cache when they are missing or stale.
./jiotop -b -n 1 -d 0.1 >/dev/null || exit 1

TIMEFORMAT='%3U %3S'
declare -a samples
for ((i = 0; i < runs; i++)); do
    for ((c = 0; c < ${#commands[@]}; c++)); do
        t=$({ time for ((r = 0; r < repeats[c]; r++)); do
            eval "${commands[c]}" >/dev/null 2>&1
        done; } 2>&1)
        read -r user sys <<<"$t"
        ms=$(awk -v u="$user" -v s="$sys" -v n="${repeats[c]}" 'BEGIN { printf "%.1f", (u + s) * 1000 / n }')
        samples[c]="${samples[c]:-} $ms"
    done
done

# Prints "median least most" of the numbers in $1.
stats() {
    local sorted
    mapfile -t sorted < <(tr ' ' '\n' <<<"$1" | grep . | sort -n)
    echo "${sorted[${#sorted[@]} / 2]} ${sorted[0]} ${sorted[${#sorted[@]} - 1]}"
}
read -r _ _ _ tasks _ </proc/loadavg
echo "ms of CPU (user + system) over $runs runs each, taken in turn, ${tasks#*/} tasks: median least most"
for ((c = 0; c < ${#commands[@]}; c++)); do
    read -r med least most <<<"$(stats "${samples[c]}")"
    printf '%-20s %6s %6s %6s   %s\n' "${names[c]}" "$med" "$least" "$most" "${commands[c]}"
    medians[c]=$med
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "checkout / bare java -version: $(ratio "${medians[0]}" "${medians[1]}")"
echo "launcher's share (dry run less bash -c :): $(awk -v a="${medians[2]}" -v b="${medians[3]}" 'BEGIN { printf "%.1f", a - b }') ms"
for ((c = 4; c < ${#commands[@]}; c++)); do
    case ${names[c]} in
    base | package) echo "${names[c]} / bare java -version: $(ratio "${medians[c]}" "${medians[1]}")" ;;
    esac
done
