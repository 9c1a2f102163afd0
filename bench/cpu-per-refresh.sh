#!/bin/sh
# Runs COMMAND (an iotop-like batch run printing one "Total DISK READ" line per report) and prints
# "refresh_ms_median refresh_ms_min peak_rss_kib": the CPU time of all its threads (from
# /proc/PID/task/*/schedstat) between consecutive reports after the first WARMUP ones (but for the
# last), and its peak resident memory (VmHWM).
# Usage: bench/cpu-per-refresh.sh COMMAND...      (WARMUP, default 2)
set -eu
fifo=$(mktemp -u); mkfifo "$fifo"
"$@" > "$fifo" 2>/dev/null &
pid=$!
cpu() { cat /proc/$pid/task/*/schedstat 2>/dev/null | awk '{s+=$1} END {printf "%d", s/1000}'; }
i=0; prev=; deltas=; hwm=0
while IFS= read -r line; do
    case "$line" in
    *"Total DISK READ"*)
        i=$((i+1)); now=$(cpu)
        h=$(awk '/VmHWM/ {print $2}' /proc/$pid/status 2>/dev/null || echo 0); [ "${h:-0}" -gt "$hwm" ] && hwm=$h
        if [ "$i" -gt "${WARMUP:-2}" ]; then deltas="$deltas $((now - prev))"; fi
        prev=$now ;;
    esac
done < "$fifo"
wait $pid || true
rm -f "$fifo"
# The last report is dropped: jiotop may already be exiting, its threads ending, as it is read.
echo "${deltas% *}" | tr ' ' '\n' | grep . | sort -n | awk -v hwm="$hwm" '{a[NR]=$1} END {printf "%.1f %.1f %d\n", a[int((NR+1)/2)]/1000, a[1]/1000, hwm}'
