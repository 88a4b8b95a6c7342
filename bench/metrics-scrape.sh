#!/usr/bin/env bash
# Benchmark: what a metrics scrape costs as a sweep grows. One embedded sweep of N manager tasks (SQLite journal) serves
# Prometheus metrics and is scraped every INTERVAL seconds while it grades; each scrape's time is kept with the number
# of results graded at that moment. A scrape should cost the results added since the last one, not the whole sweep:
# the figure is the median scrape time in the sweep's last half against its first tenth, side by side in one run.
# With --before DLL, the same pool is graded again by another build (for example main before a change) right after,
# and the two builds' figures are compared as ratios.
# Usage: bench/metrics-scrape.sh [--tasks N=100000] [--interval S=0.25] [--before path/to/swelancer.dll] [--out NAME=metrics-scrape]
#        (smoke: --tasks 1000 --out metrics-scrape-smoke)
# Prints its figures and writes bench/results/NAME.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$root/bench/results"
"$root/swelancer" --help >/dev/null   # builds the coordinator once, outside the timings
python3 "$root/bench/metrics_scrape.py" "$root" "$work" "$@"
