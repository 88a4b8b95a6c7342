#!/usr/bin/env bash
# Benchmark (issue 13, target 4): scale-out. One PostgreSQL-backed `swelancer coordinator` and G `swelancer-grader`
# processes on this machine, each with S slots of the test-only hold runner (every attempt holds a slot for HOLD and
# passes), grade one sweep of N ic_swe stand-in tasks submitted with `swelancer submit`. Reports the sustained rate in
# the steady window against the ideal (G x S / HOLD), and the coordinator's CPU and RSS (from /proc).
# Usage: bench/scale-out.sh [--graders 8] [--slots-per-grader 128] [--hold 2s] [--tasks N] [--max-in-flight M]
#                           [--out NAME]     (smoke: --graders 2 --slots-per-grader 8 --tasks 100 --hold 100ms)
# Default N: 60 s of ideal work. Default M: twice the slots, so every node keeps a queue. Prints its figures and writes
# bench/results/NAME.json (default scale-out). Every process it starts ends with it, on Ctrl-C or failure too.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
driver=""
cleanup() {
  trap - EXIT INT TERM
  [[ -n "$driver" ]] && kill -TERM "$driver" 2>/dev/null && wait "$driver" 2>/dev/null || true
  if [[ -f "$work/pids" ]]; then
    while read -r pid; do kill -TERM "$pid" 2>/dev/null || true; done <"$work/pids"
    sleep 2
    while read -r pid; do kill -KILL "$pid" 2>/dev/null || true; done <"$work/pids"
  fi
  if [[ -f "$work/db" ]]; then
    PGPASSWORD=swelancer psql -h 127.0.0.1 -U swelancer -d postgres -qc "DROP DATABASE IF EXISTS $(cat "$work/db") WITH (FORCE)" 2>/dev/null || true
  fi
  [[ -n "${KEEP_WORK:-}" ]] && echo "work folder kept: $work" || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$root/bench/results"
"$root/swelancer" --help >/dev/null   # builds the coordinator (and the grader beside it) once, outside the timings

python3 - "$root" "$work" "$@" <<'PY' &
import argparse, json, os, sys, time, signal
root, work = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(root, "bench"))
import hold_rig
p = argparse.ArgumentParser(prog="bench/scale-out.sh")
p.add_argument("--graders", type=int, default=8)
p.add_argument("--slots-per-grader", type=int, default=128)
p.add_argument("--hold", default="2s")
p.add_argument("--tasks", type=int)
p.add_argument("--max-in-flight", type=int)
p.add_argument("--out", default="scale-out")
a = p.parse_args(sys.argv[3:])
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
hold = hold_rig.duration_seconds(a.hold)
slots = a.graders * a.slots_per_grader
ideal = slots / hold
tasks = a.tasks or int(ideal * 60)
window = a.max_in_flight or 2 * slots
print(f"scale-out: {a.graders} graders x {a.slots_per_grader} slots = {slots} slots, hold {a.hold}: ideal {ideal:.0f} tasks/s; {tasks} tasks, max in flight {window}", flush=True)
folder = os.path.join(work, "pool"); os.makedirs(folder)
import subprocess
subprocess.check_call(["python3", os.path.join(root, "bench/hold-pool.py"), str(tasks), folder])
rig = hold_rig.Rig(root, work)
open(os.path.join(work, "db"), "w").write(rig.db)
try:
    started = time.monotonic()
    rig.start(a.graders, a.slots_per_grader, a.hold)
    print(f"cluster up in {time.monotonic() - started:.1f} s; submitting", flush=True)
    t0, submitted, samples, results = rig.sweep(f"{folder}/tasks.json", f"{folder}/answers.jsonl", "scale-out", window, timeout=540)
    f = hold_rig.figures(results, samples, submitted, slots, hold)
finally:
    rig.stop()
out = {"bench": "scale-out", "graders": a.graders, "slots_per_grader": a.slots_per_grader, "slots": slots, "hold": a.hold,
       "tasks": tasks, "max_in_flight": window, "journal": "postgresql", "machine_cores": os.cpu_count(),
       "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), **f}
print(f"steady rate {f['steady_tasks_per_second']} tasks/s of ideal {f['ideal_tasks_per_second']} = {f['steady_percent_of_ideal']} % "
      f"(window {f['steady_window_seconds']} s, {f['steady_window']}); end to end {f['end_to_end_tasks_per_second']} tasks/s, "
      f"makespan {f['makespan_seconds']} s (ideal {f['ideal_makespan_seconds']} s)")
print(f"coordinator: {f['coordinator_cpu_cores_steady']} cores in the steady window, {f['coordinator_cpu_seconds_sweep']} CPU s in all, "
      f"RSS peak {f['coordinator_rss_mb_peak']} MB; attempts per node {f['attempts_per_node']}; not passed {f['not_passed']}")
path = os.path.join(root, "bench/results", a.out + ".json")
json.dump(out, open(path, "w"), indent=2)
print(f"wrote {path}")
PY
driver=$!
wait "$driver"
status=$?
driver=""
exit $status
