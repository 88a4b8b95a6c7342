#!/usr/bin/env bash
# Runs one of the hold-runner benchmark drivers (bench/scale_out.py, bench/placement.py) in a fresh work folder and owns
# the teardown: on exit, Ctrl-C or failure it ends every process the driver started (their pids are in WORK/pids-*, each
# written as the process starts), drops the benchmark databases (WORK/dbs) and removes the folder (KEEP_WORK=1 keeps it).
# Usage: bench/hold-rig.sh DRIVER.py [driver flags]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
driver=""
cleanup() {
  trap - EXIT INT TERM
  [[ -n "$driver" ]] && kill -TERM "$driver" 2>/dev/null && wait "$driver" 2>/dev/null || true
  local pids
  pids="$(cat "$work"/pids-* 2>/dev/null || true)"
  if [[ -n "$pids" ]]; then
    for pid in $pids; do kill -TERM "$pid" 2>/dev/null || true; done
    sleep 2
    for pid in $pids; do kill -KILL "$pid" 2>/dev/null || true; done
  fi
  if [[ -f "$work/dbs" ]]; then
    while read -r db; do
      PGPASSWORD=swelancer psql -h 127.0.0.1 -U swelancer -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null || true
    done <"$work/dbs"
  fi
  [[ -n "${KEEP_WORK:-}" ]] && echo "work folder kept: $work" || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$root/bench/results"
"$root/swelancer" --help >/dev/null   # builds the coordinator (and the grader beside it) once, outside the timings

script="$1"; shift
python3 "$root/bench/$script" "$root" "$work" "$@" &
driver=$!
wait "$driver"
status=$?
driver=""
exit $status
