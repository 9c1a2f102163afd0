#!/bin/sh
# The cost of counting system calls in thread mode: this build against BASE, another checkout of
# jiotop built before the logical-I/O columns, run alternately under bench/cpu-per-refresh.sh.
# Run as root from the repository:  bench/iops.sh BASE [N]
# It starts two O_DIRECT writers (250 writes of 4 KiB a second) and two readers of a cached file
# (500 reads a second), whose threads move bytes every refresh, and sleeping threads until the
# machine has N tasks (default 10000); then ROUNDS rounds (default 4) of BASE and this build.
set -eu
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
jiotop_require_jdk
java="$JIOTOP_JDK/bin/java"
base=$1
n=${2:-10000}
rounds=${ROUNDS:-4}
[ "$(id -u)" -eq 0 ] || { echo "bench/iops.sh: needs root (taskstats)" >&2; exit 1; }

for dir in . "$base"; do
    (cd "$dir" && JAVA_HOME="$JIOTOP_JDK" ./mvnw -q -B -ntp -o -DskipTests package >&2 && ./jiotop --version >/dev/null)
done
cp="target/classes:target/test-classes"
mkdir -p target/bench
children=""
cleanup() { for c in $children; do kill "$c" 2>/dev/null || true; done; }
trap cleanup EXIT
trap 'exit 130' HUP INT PIPE TERM

for i in 1 2; do
    "$java" -XX:TieredStopAtLevel=1 -cp "$cp" org.jiotop.testkit.PacedCalls write "target/bench/calls-w$i" 250 \
        > "target/bench/calls-w$i.out" &
    children="$children $!"
    "$java" -XX:TieredStopAtLevel=1 -cp "$cp" org.jiotop.testkit.PacedCalls read "target/bench/calls-r$i" 500 \
        > "target/bench/calls-r$i.out" &
    children="$children $!"
done
. bench/tasks.sh
fill_tasks "$n"
echo "tasks: $(tasks)"
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
with=""; without=""
for r in $(seq "$rounds"); do
    a=$(cd "$base" && WARMUP=6 "$OLDPWD/bench/cpu-per-refresh.sh" ./jiotop -b -o -n 16 -d 1 | cut -d' ' -f1)
    b=$(WARMUP=6 bench/cpu-per-refresh.sh ./jiotop -b -o -n 16 -d 1 | cut -d' ' -f1)
    echo "round $r: without $a ms, with $b ms" >&2
    without="$without $a"; with="$with $b"
done
m0=$(echo "$without" | median); m1=$(echo "$with" | median)
echo "threads, ms/refresh (median of $rounds): without $m0, with $m1, ratio $(awk -v a="$m1" -v b="$m0" 'BEGIN {printf "%.2f", a / b}')"
