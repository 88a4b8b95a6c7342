#!/usr/bin/env bash
# Benchmark: how long a sweep of N results takes to grade, and to recover once finished (journal + snapshots + ledger).
# Usage: bench/sweep-recovery.sh [N=100000]. Prints its figures and writes bench/results/sweep-recovery.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "sweep-recovery: $*" >&2; [[ -f "$work/log" ]] && tail -20 "$work/log" >&2; exit 1; }
mkdir -p "$root/bench/results"

python3 "$root/bench/manager-pool.py" "$n" "$work"

run() { "$root/swelancer" sweep --tasks "$work/tasks.json" --submissions "$work/answers.jsonl" --sweep-id bench --out "$work/out" --max-in-flight 256 >"$work/log" 2>&1; }
t0=$(date +%s.%N); run || fail "the sweep failed"; t1=$(date +%s.%N)
run || fail "the resumed sweep failed"; t2=$(date +%s.%N)
grep -q "resuming: $n of $n" "$work/log" || { echo "second run did not resume all $n results" >&2; tail "$work/log" >&2; exit 1; }
grade=$(echo "$t1 - $t0" | bc); recover=$(echo "$t2 - $t1" | bc)
db=$(du -m "$work/out/sweep.db" | cut -f1)
printf 'sweep of %d results: graded in %.1f s (%.0f results/s); finished sweep recovered and reported in %.1f s; SQLite journal %s MB\n' \
  "$n" "$grade" "$(echo "$n / $grade" | bc -l)" "$recover" "$db"
printf '{"results": %d, "grade_seconds": %.2f, "recover_seconds": %.2f, "journal_mb": %s, "machine_cores": %d}\n' \
  "$n" "$grade" "$recover" "$db" "$(nproc)" > "$root/bench/results/sweep-recovery.json"
