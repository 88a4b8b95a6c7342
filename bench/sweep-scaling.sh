#!/usr/bin/env bash
# Benchmark: does the orchestration hold its rate as a sweep grows? Grades pools of manager tasks (no containers: the
# actor pipeline, sharding, persistence, projection and reports) at each size, one process per size, side by side in
# one run, and reports results/s end to end, the ratio of the largest size's rate to the smallest's, peak RSS, and how
# fast RSS grows with the results graded (the slope between a tenth and nine tenths of the sweep: flat is near 0).
# Beside each sweep it runs bench/JournalRateBench on the same journal kind with the same number of events: the
# plugin's own write rate, so the pipeline's cost is a ratio measured in the same run.
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
build_log=$(dotnet build "$root/bench/JournalRateBench/JournalRateBench.csproj" -c Release -nologo 2>&1) || { echo "$build_log" >&2; exit 1; }

python3 - "$root" "$work" "$db" $sizes <<'PY'
import json, os, subprocess, sys, time
root, work, db, sizes = sys.argv[1], sys.argv[2], sys.argv[3], [int(s) for s in sys.argv[4:]]
journal_bench = os.path.join(root, "bench/JournalRateBench/bin/Release/net10.0/journal-rate-bench.dll")

def timed(args, log_path):
    """Runs a process; returns (exit code, seconds, CPU seconds, peak RSS in MB, samples) read from its own /proc entry.
    samples: (attempts graded, RSS in KB) whenever the sweep's progress line (printed twice a second) moved on."""
    start = time.monotonic()
    samples = []
    with open(log_path, "w") as log, open(log_path) as reader:
        process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT)
        peak_kb, cpu, graded, tail = 0, 0.0, -1, ""
        while process.poll() is None:
            try:
                status = open(f"/proc/{process.pid}/status").read()
                peak_kb = max(peak_kb, int(status.split("VmHWM:")[1].split()[0]))
                rss_kb = int(status.split("VmRSS:")[1].split()[0])
                fields = open(f"/proc/{process.pid}/stat").read().rsplit(")", 1)[1].split()
                cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
                tail = (tail + reader.read())[-4096:]
                progress = [line for line in tail.splitlines() if line.startswith("progress: ")]
                if progress:
                    now = int(progress[-1].split()[1].split("/")[0])
                    if now != graded:
                        graded = now
                        samples.append((graded, rss_kb))
            except (FileNotFoundError, IndexError, ProcessLookupError, ValueError):
                pass
            time.sleep(0.2)
    return process.returncode, time.monotonic() - start, cpu, peak_kb // 1024, samples

def growth_per_result(samples, n):
    """Least-squares slope of RSS over attempts graded, between a tenth and nine tenths of the sweep: bytes per result."""
    middle = [(g, kb * 1024) for g, kb in samples if n // 10 <= g <= n * 9 // 10]
    if len(middle) < 3:
        return None
    mean_g = sum(g for g, _ in middle) / len(middle)
    mean_r = sum(r for _, r in middle) / len(middle)
    spread = sum((g - mean_g) ** 2 for g, _ in middle)
    return round(sum((g - mean_g) * (r - mean_r) for g, r in middle) / spread) if spread else None

runs = []
for n in sizes:
    folder = os.path.join(work, str(n))
    os.makedirs(folder)
    subprocess.check_call(["python3", os.path.join(root, "bench/manager-pool.py"), str(n), folder])
    # Through ./swelancer, as users run it (its runtime settings included); it was built above, outside the timings.
    args = [os.path.join(root, "swelancer"), "sweep", "--tasks", f"{folder}/tasks.json", "--submissions", f"{folder}/answers.jsonl",
            "--sweep-id", f"scale-{n}", "--out", f"{folder}/out", "--max-in-flight", "256"]
    if db:
        args += ["--db", db]
    code, seconds, cpu, peak_mb, samples = timed(args, f"{folder}/log")
    if code != 0:
        sys.exit(f"sweep-scaling: the {n}-task sweep failed (exit {code}); see its log:\n" + open(f"{folder}/log").read()[-2000:])
    summary = json.load(open(f"{folder}/out/summary.json"))
    if summary["graded"] != n:
        sys.exit(f"sweep-scaling: the {n}-task sweep graded {summary['graded']}")
    raw_args = ["dotnet", journal_bench, "--events", str(n), "--out", f"{folder}/journal.json"] + (["--db", db] if db else [])
    code, _, _, _, _ = timed(raw_args, f"{folder}/journal.log")
    if code != 0:
        sys.exit(f"sweep-scaling: the journal bench failed (exit {code}):\n" + open(f"{folder}/journal.log").read()[-2000:])
    raw = json.load(open(f"{folder}/journal.json"))
    run = {"tasks": n, "seconds": round(seconds, 2), "results_per_second": round(n / seconds, 1), "cpu_seconds": round(cpu, 1),
           "peak_rss_mb": peak_mb, "rss_growth_bytes_per_result": growth_per_result(samples, n),
           "rss_samples": len(samples), "journal_events_per_second": raw["events_per_second"],
           "journal_rate_over_sweep_rate": round(raw["events_per_second"] / (n / seconds), 2)}
    runs.append(run)
    print(f"{n} tasks: {seconds:.1f} s end to end, {n / seconds:.0f} results/s, {run['cpu_seconds']} CPU s, peak RSS {peak_mb} MB, "
          f"RSS growth {run['rss_growth_bytes_per_result']} bytes per result graded (10-90 %); "
          f"the journal alone: {raw['events_per_second']:.0f} events/s, {run['journal_rate_over_sweep_rate']}x the sweep's rate", flush=True)
ratio = runs[-1]["results_per_second"] / runs[0]["results_per_second"]
print(f"rate at {runs[-1]['tasks']} / rate at {runs[0]['tasks']}: {ratio:.2f} (1.0 = the rate holds)")
result = {"journal": "postgresql" if db else "sqlite", "runs": runs, "rate_ratio_largest_to_smallest": round(ratio, 2),
          "machine_cores": os.cpu_count()}
json.dump(result, open(os.path.join(root, "bench/results/sweep-scaling.json"), "w"), indent=2)
PY
