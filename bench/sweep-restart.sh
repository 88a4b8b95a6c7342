#!/usr/bin/env bash
# Benchmark (issue 13, target 6): restart. In one run, on the embedded cluster with a SQLite journal:
#  (a) a sweep of N manager tasks is SIGKILLed once about half its results are persisted, then resumed with the same
#      sweep id and folder: attempts graded again after the restart, seconds from the resumed process's start to its
#      first newly graded attempt, and its ledger against a clean sweep of the same pool run just before;
#  (b) a finished sweep of M tasks is run again: seconds to recover it and report, in phases.
# Usage: bench/sweep-restart.sh [--kill-tasks N=10000] [--recover-tasks M=100000] [--max-in-flight W=256]
#                               [--kill-at F=0.5] [--out NAME=sweep-restart]      (smoke: --kill-tasks 2000 --kill-at 0.3 --recover-tasks 2000)
# Prints its figures and writes bench/results/NAME.json. KEEP_WORK=1 keeps the work folder (logs, journals).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap '[[ -n "${KEEP_WORK:-}" ]] && echo "work kept in $work" || rm -rf "$work"' EXIT   # KEEP_WORK=1 keeps the logs and journals
mkdir -p "$root/bench/results"
"$root/swelancer" --help >/dev/null   # builds the coordinator once, outside the timings
python3 "$root/bench/sweep_restart.py" "$root" "$work" "$@"
