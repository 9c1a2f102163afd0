#!/bin/sh
# A long soak by hand (RELIABILITY.md): jiotop in process mode beside a churn of short-lived
# processes for DURATION (sleep(1) syntax, e.g. 4h); prints jiotop's resident memory every minute.
# Run as root from the repository:  bench/soak.sh 4h
set -eu
cd "$(dirname "$0")/.."
duration=${1:-1h}
./jiotop --version >/dev/null
( while :; do for i in $(seq 100); do /bin/true & done; wait; sleep 0.1; done ) &
churn=$!
./jiotop -b -P -o -d 1 > /dev/null &
jiotop=$!
trap 'kill $churn $jiotop 2>/dev/null' EXIT INT TERM
( sleep "$duration"; kill $jiotop ) &
while kill -0 $jiotop 2>/dev/null; do
    echo "$(date +%T) VmRSS $(awk '/VmRSS/ {print $2, $3}' /proc/$jiotop/status 2>/dev/null)"
    sleep 60
done
