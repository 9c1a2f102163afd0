#!/bin/sh
# What --record costs: bytes per recorded row, and CPU per refresh with and without recording.
# Starts ACTIVE (default 50) threads that each write a few pages a second, and sleeping threads up
# to TASKS (default 10000) tasks on the machine; then, ROUNDS times (default 3), alternately
#   bench/cpu-per-refresh.sh ./jiotop -b -o -n 16 -d 1                 and
#   bench/cpu-per-refresh.sh ./jiotop -b -o -n 16 -d 1 --record FILE
# and prints the median ms per refresh of each. Bytes per row is the recording's size over the
# rows its replay lists (--format=csv, less the header). Run as root from the repository.
set -eu
[ "$(id -u)" -eq 0 ] || { echo "bench/recording.sh: needs root (taskstats)" >&2; exit 1; }
rounds=${ROUNDS:-3} active=${ACTIVE:-50} want=${TASKS:-10000}
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
jiotop_require_jdk
java="$JIOTOP_JDK/bin/java"
./jiotop --version >/dev/null
mkdir -p target/bench
children=""
cleanup() { for c in $children; do kill "$c" 2>/dev/null || true; done; }
trap cleanup EXIT
trap 'exit 130' HUP INT PIPE TERM

python3 - "$active" target/bench/record-writers <<'PY' &
import os, random, sys, threading, time
n, base = int(sys.argv[1]), sys.argv[2]
def write(i):
    fd = os.open(f"{base}.{i}", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    while True:
        os.pwrite(fd, b"x" * 4096 * random.randint(1, 8), 4096 * random.randint(0, 255))
        time.sleep(random.uniform(0.2, 0.8))
for i in range(n):
    threading.Thread(target=write, args=(i,), daemon=True).start()
time.sleep(10 ** 9)
PY
children="$children $!"
have=$(ls -d /proc/[0-9]*/task/[0-9]* 2>/dev/null | wc -l)
if [ "$have" -lt "$want" ]; then
    "$java" -Xss256k -XX:TieredStopAtLevel=1 -XX:-UsePerfData -cp target/test-classes org.jiotop.testkit.Sleepers \
        $((want - have)) > target/bench/record-sleepers.out &
    children="$children $!"
    until grep -q ready target/bench/record-sleepers.out 2>/dev/null; do sleep 0.2; done
fi
echo "tasks: $(ls -d /proc/[0-9]*/task/[0-9]* 2>/dev/null | wc -l), writing threads: $active"

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
plain=""; recorded=""
for r in $(seq "$rounds"); do
    rm -f target/bench/bench.jiotop
    plain="$plain $(WARMUP=6 bench/cpu-per-refresh.sh ./jiotop -b -o -n 16 -d 1 | awk '{print $1}')"
    recorded="$recorded $(WARMUP=6 bench/cpu-per-refresh.sh ./jiotop -b -o -n 16 -d 1 \
        --record target/bench/bench.jiotop | awk '{print $1}')"
done
p=$(echo "$plain" | median); q=$(echo "$recorded" | median)
echo "ms/refresh without --record: $p (runs:$plain)"
echo "ms/refresh with --record:    $q (runs:$recorded)"
awk -v a="$p" -v b="$q" 'BEGIN { printf "recording adds %.1f %%\n", (b - a) / a * 100 }'
bytes=$(stat -c %s target/bench/bench.jiotop)
rows=$(./jiotop --replay target/bench/bench.jiotop --format=csv | tail -n +2 | wc -l)
intervals=$(./jiotop --replay target/bench/bench.jiotop --format=json | wc -l)
awk -v b="$bytes" -v r="$rows" -v i="$intervals" 'BEGIN {
    printf "recording: %d bytes, %d intervals, %d rows: %.1f bytes per row, %.1f rows per interval\n", b, i, r, b / r, r / i
    printf "a day at -d 1 with 50 active tasks: %.0f MB\n", b / r * 50 * 86400 / 1e6 }'
