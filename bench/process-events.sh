#!/bin/sh
# The task list from /proc against the one kept from the kernel's process events
# (org.jiotop.bench.ProcessEvents), with the machine filled to N tasks (default 10000) of sleeping
# threads: once idle, once under a churn of short-lived processes. Run as root from the repository:
#   bench/process-events.sh [N]        (ROUNDS, default 30; bursts of CHURN_BURST shells, default 8,
#                                       CHURN_PAUSE apart, default 0.02 s)
set -eu
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
jiotop_require_jdk
java="$JIOTOP_JDK/bin/java"
[ "$(id -u)" -eq 0 ] || { echo "bench/process-events.sh: needs root (process events)" >&2; exit 1; }
JAVA_HOME="$JIOTOP_JDK" ./mvnw -q -B -ntp -DskipTests test-compile >&2
cp="target/classes:target/test-classes"
mkdir -p target/bench
children=
cleanup() { for c in $children; do kill "$c" 2>/dev/null || true; done; }
trap cleanup EXIT
trap 'exit 130' HUP INT PIPE TERM

. bench/tasks.sh
fill_tasks "${1:-10000}"
run() { "$java" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$cp" \
    org.jiotop.bench.ProcessEvents "${ROUNDS:-30}" 1000; }

echo "== idle, $(tasks) tasks"
run

# Bursts of short-lived shells; the loop counts them so the rate can be given.
rm -f target/bench/churn.stop target/bench/churn.count
( n=0; start=$(date +%s); burst=${CHURN_BURST:-8}
  while [ ! -e target/bench/churn.stop ]; do
      i=0; while [ $i -lt "$burst" ]; do sh -c : & i=$((i + 1)); done
      wait; n=$((n + burst)); sleep "${CHURN_PAUSE:-0.02}"
  done
  echo "$n $(( $(date +%s) - start ))" > target/bench/churn.count ) &
churn=$!; children="$children $churn"
echo "== churn, $(tasks) tasks"
run
touch target/bench/churn.stop; wait "$churn"
read -r n secs < target/bench/churn.count
echo "churn: $n processes in $secs s ($(( n / (secs > 0 ? secs : 1) ))/s)"
