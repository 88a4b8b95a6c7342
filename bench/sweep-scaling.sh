#!/usr/bin/env bash
# Benchmark: does the orchestration hold its rate as a sweep grows? Grades pools of manager tasks (no containers: the
# actor pipeline, sharding, persistence, projection and reports) at each size, one process per size, side by side in
# one run, and reports results/s end to end, the ratio of the largest size's rate to the smallest's, and peak RSS.
# Usage: bench/sweep-scaling.sh [SIZES="10000 100000"] [--db CONNSTRING]   (default journal: SQLite per run)
# Prints its figures and writes bench/results/sweep-scaling.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="10000 100000"
db=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    *) sizes="$1"; shift ;;
  esac
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$root/bench/results"
"$root/swelancer" --help >/dev/null   # builds the coordinator once, outside the timings

python3 - "$root" "$work" "$db" $sizes <<'PY'
import json, os, resource, subprocess, sys, time
root, work, db, sizes = sys.argv[1], sys.argv[2], sys.argv[3], [int(s) for s in sys.argv[4:]]
dll = os.path.join(root, "src/Coordinator/bin/Release/net10.0/swelancer.dll")
runs = []
for n in sizes:
    folder = os.path.join(work, str(n))
    os.makedirs(folder)
    subprocess.check_call(["python3", os.path.join(root, "bench/manager-pool.py"), str(n), folder])
    args = ["dotnet", dll, "sweep", "--tasks", f"{folder}/tasks.json", "--submissions", f"{folder}/answers.jsonl",
            "--sweep-id", f"scale-{n}", "--out", f"{folder}/out", "--max-in-flight", "256"]
    if db:
        args += ["--db", db]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    with open(f"{folder}/log", "w") as log:
        code = subprocess.call(args, stdout=log, stderr=subprocess.STDOUT)
    seconds = time.monotonic() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    if code != 0:
        sys.exit(f"sweep-scaling: the {n}-task sweep failed (exit {code}); see its log:\n" + open(f"{folder}/log").read()[-2000:])
    summary = json.load(open(f"{folder}/out/summary.json"))
    if summary["graded"] != n:
        sys.exit(f"sweep-scaling: the {n}-task sweep graded {summary['graded']}")
    run = {"tasks": n, "seconds": round(seconds, 2), "results_per_second": round(n / seconds, 1),
           "cpu_seconds": round(usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime, 1),
           "peak_rss_mb": usage.ru_maxrss // 1024}
    runs.append(run)
    print(f"{n} tasks: {seconds:.1f} s end to end, {n / seconds:.0f} results/s, {run['cpu_seconds']} CPU s, peak RSS so far {run['peak_rss_mb']} MB", flush=True)
ratio = runs[-1]["results_per_second"] / runs[0]["results_per_second"]
print(f"rate at {runs[-1]['tasks']} / rate at {runs[0]['tasks']}: {ratio:.2f} (1.0 = the rate holds)")
result = {"journal": "postgresql" if db else "sqlite", "runs": runs, "rate_ratio_largest_to_smallest": round(ratio, 2),
          "machine_cores": os.cpu_count()}
json.dump(result, open(os.path.join(root, "bench/results/sweep-scaling.json"), "w"), indent=2)
PY
