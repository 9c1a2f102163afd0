#!/bin/sh
# Runs COMMAND (an iotop-like batch run printing one "Total DISK READ" line per report) and prints
# "refresh_ms_median refresh_ms_min peak_rss_kib first_report_ms": the CPU time of all its threads
# (from /proc/PID/task/*/schedstat) between consecutive reports after the first WARMUP ones (but for
# the last), its peak resident memory (VmHWM), and the CPU time it had used when its first report
# came.
# While the command runs, this script starts no process: it reads /proc with shell built-ins only.
# A process started per report (cat, awk, a $(...) subshell) would exit during the measured
# intervals, and a monitor that accounts exited tasks, as jiotop does, would be charged for it.
# One grep, started before the command and living as long as it, passes on only the summary lines:
# the shell's `read` takes a byte per system call, too slow for a report of every task's row.
# Usage: bench/cpu-per-refresh.sh COMMAND...      (WARMUP, default 2)
set -eu
out=$(mktemp -u); mkfifo "$out"
fifo=$(mktemp -u); mkfifo "$fifo"
"$@" > "$out" 2>/dev/null &
pid=$!
grep --line-buffered -F 'Total DISK READ' < "$out" > "$fifo" &

# Sets $cpu_us: the CPU time of every thread of $pid so far, in microseconds.
read_cpu() {
    cpu_us=0
    for stat in /proc/$pid/task/*/schedstat; do
        if { read -r ns rest < "$stat"; } 2>/dev/null; then
            cpu_us=$((cpu_us + ns / 1000))
        fi
    done
}

# Raises $hwm to the peak resident memory of $pid (KiB), when it is higher.
read_hwm() {
    if [ -r /proc/$pid/status ]; then
        while read -r key value rest; do
            if [ "$key" = "VmHWM:" ] && [ "$value" -gt "$hwm" ]; then hwm=$value; fi
        done < /proc/$pid/status || true
    fi
}

i=0; prev=0; deltas=; hwm=0; first=0
while IFS= read -r line; do
    case "$line" in
    *"Total DISK READ"*)
        i=$((i+1))
        read_cpu
        read_hwm
        if [ "$i" -eq 1 ]; then first=$cpu_us; fi
        if [ "$i" -gt "${WARMUP:-2}" ]; then deltas="$deltas $((cpu_us - prev))"; fi
        prev=$cpu_us ;;
    esac
done < "$fifo"
wait $pid || true
wait
rm -f "$out" "$fifo"
# The last report is dropped: jiotop may already be exiting, its threads ending, as it is read.
echo "${deltas% *}" | tr ' ' '\n' | grep . | sort -n | awk -v hwm="$hwm" -v first="$first" \
    '{a[NR]=$1} END {printf "%.1f %.1f %d %.0f\n", a[int((NR+1)/2)]/1000, a[1]/1000, hwm, first/1000}'
