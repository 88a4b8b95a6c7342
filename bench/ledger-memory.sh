#!/usr/bin/env bash
# Benchmark: does the coordinator's live memory grow with the results of a sweep? One embedded sweep of N manager tasks
# (SQLite), with two heap dumps (dotnet-gcdump, which collects the whole heap first) at about 30 % and 70 % of it:
# the live heap's growth between them, per result graded in between. RSS cannot answer this: it moves with when the GC
# last compacted. With --before DLL another build's sweep runs right after on the same pool, ROUNDS times each.
# Usage: bench/ledger-memory.sh [--tasks N=100000] [--rounds R=1] [--before path/to/swelancer.dll] [--out NAME=ledger-memory]
#        (smoke: --tasks 20000 --out ledger-memory-smoke). Installs dotnet-gcdump into bench/.tools on first use.
# Prints its figures and writes bench/results/NAME.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/bench/.tools"
if [[ ! -x "$tools/dotnet-gcdump" ]]; then
  install_log=$(dotnet tool install dotnet-gcdump --version 10.0.750501 --tool-path "$tools" 2>&1) || { echo "$install_log" >&2; exit 1; }
fi
work="$(mktemp -d)"
trap 'pkill -f -- "--out $work/" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$root/bench/results"
"$root/swelancer" --help >/dev/null   # builds the coordinator once, outside the measurements
python3 "$root/bench/ledger_memory.py" "$root" "$work" "$tools/dotnet-gcdump" "$@"
