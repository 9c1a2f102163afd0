#!/bin/sh
# Prints how long the exporter takes to exit after SIGTERM, in milliseconds, once per run (RUNS,
# default 10), then the median: from the kill to the end of the process, as a service manager
# stopping it waits. Each run starts `./jiotop --serve 127.0.0.1:0`, waits for its "serving" line
# and one scrape, then sends SIGTERM. Needs root (taskstats), python3 for the clock and the scrape.
# Usage: bench/exporter-stop.sh
set -eu
cd "$(dirname "$0")/.."
runs=${RUNS:-10}
./jiotop --version >/dev/null
python3 - "$runs" <<'PY'
import re, signal, statistics, subprocess, sys, time, urllib.request
times = []
for _ in range(int(sys.argv[1])):
    p = subprocess.Popen(["./jiotop", "--serve", "127.0.0.1:0", "-d", "1"], stderr=subprocess.PIPE, text=True)
    url = None
    for line in p.stderr:
        m = re.search(r"(http://\S+/metrics)", line)
        if m:
            url = m.group(1)
            break
    time.sleep(1.5)  # one refresh, so the exporter has sampled and its threads are running
    urllib.request.urlopen(url, timeout=10).read()
    start = time.monotonic()
    p.send_signal(signal.SIGTERM)
    p.wait()
    times.append((time.monotonic() - start) * 1000)
    print(f"{times[-1]:.0f} ms (exit status {p.returncode})")
print(f"median {statistics.median(times):.0f} ms over {len(times)} runs")
PY
