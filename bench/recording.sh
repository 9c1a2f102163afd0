#!/bin/sh
# What --record costs: bytes per recorded row, and CPU per refresh with and without recording.
# Starts ACTIVE (default 50) threads that each write a few pages a second, and sleeping threads up
# to TASKS (default 10000) tasks on the machine; then, ROUNDS times (default 3), alternately
#   bench/cpu-per-refresh.sh ./jiotop -b -o -n 16 -d 1                 and
#   bench/cpu-per-refresh.sh ./jiotop -b -o -n 16 -d 1 --record FILE
# and prints the median ms per refresh of each. Bytes per row is the recording's size, less the
# labels of tasks that stayed idle (counted apart), over the rows it holds (tasks that read, wrote,
# waited or made system calls). Run as root from the repository.
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
intervals=$(./jiotop --replay target/bench/bench.jiotop --format=json | wc -l)
# The bytes of the TASK records of tasks that never had a row (what listing idle tasks costs), their
# number, and the number of rows.
idle=$(python3 - target/bench/bench.jiotop <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
def varint(b, at):
    v = shift = 0
    while True:
        x = b[at]; at += 1; v |= (x & 0x7F) << shift; shift += 7
        if not x & 0x80:
            return v, at
task_bytes, with_rows, at, rows = {}, set(), 9, 0
while at + 8 <= len(data):
    n = struct.unpack_from("<I", data, at)[0]
    body = data[at + 8:at + 8 + n]; at += 8 + n
    if body[0] == 1:
        task_bytes, with_rows = {}, set()  # a new segment: refs start again
    elif body[0] == 2:
        ref = varint(body, 1)[0]; task_bytes[ref] = task_bytes.get(ref, 0) + 8 + n
    elif body[0] == 3:
        p = 1
        for _ in range(7):
            p = varint(body, p)[1] if _ != 3 else p + 1
        ended, p = varint(body, p)
        for _ in range(ended):
            p = varint(body, p)[1]
        count, p = varint(body, p)
        for _ in range(count):
            ref, p = varint(body, p); flags = body[p]; p += 1
            fields = 2 + (flags >> 2 & 1) + 2 * (flags >> 3 & 1) + 4 * (flags >> 7 & 1) + 9 * (flags >> 4 & 1)
            for _ in range(fields):
                p = varint(body, p)[1]
            if flags & 32:
                length, p = varint(body, p); p += length
            with_rows.add(ref); rows += 1
print(sum(b for r, b in task_bytes.items() if r not in with_rows), len([r for r in task_bytes if r not in with_rows]),
      rows)
PY
)
awk -v b="$bytes" -v i="$intervals" -v idle="$idle" 'BEGIN {
    split(idle, x, " "); a = b - x[1]; r = x[3]
    printf "recording: %d bytes, %d intervals, %d active rows (%.1f per interval)\n", b, i, r, r / i
    printf "idle tasks: %d named once in %d bytes (%.1f a task)\n", x[2], x[1], x[1] / x[2]
    printf "the rest: %.1f bytes per active row\n", a / r
    printf "a day at -d 1 with 50 active tasks: %.0f MB\n", a / r * 50 * 86400 / 1e6 }'
