#!/usr/bin/env bash
# Runs every benchmark once at a tiny size, so none of them can rot unnoticed. It checks that each one runs to the end
# and that every task in it passed (each bench exits non-zero otherwise); it asserts nothing about time.
# test.sh calls it after the test projects. Usage: bench/smoke.sh   (needs the services of scripts/setup-services.sh)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
failed=()
smoke() {
  local name="$1"; shift
  local start=$SECONDS log
  log="$(mktemp)"
  if "$@" >"$log" 2>&1; then
    echo "bench smoke: $name passed in $((SECONDS - start)) s: $(tail -1 "$log")"
  else
    echo "bench smoke: $name FAILED after $((SECONDS - start)) s: $*"
    tail -30 "$log" | sed 's/^/    /'
    failed+=("$name")
  fi
  rm -f "$log"
}
smoke sweep-scaling "$root/bench/sweep-scaling.sh" "500 1000"
smoke ledger-memory "$root/bench/ledger-memory.sh" --tasks 20000 --out ledger-memory-smoke
smoke sweep-recovery "$root/bench/sweep-recovery.sh" 1000
smoke sweep-restart "$root/bench/sweep-restart.sh" --kill-tasks 2000 --kill-at 0.3 --recover-tasks 2000 --out sweep-restart-smoke
smoke container-pool "$root/bench/container-pool.sh" --k 4 --n 2 --rounds 1 --out "$root/bench/results/container-pool-smoke.json"
smoke protocol-pool "$root/bench/protocol-pool.sh" --tasks 2 --slots 1 --setup-seconds 1 --test-seconds 1 --out "$root/bench/results/protocol-pool-smoke.json"
smoke browser-sharing "$root/bench/browser-sharing.sh" --tests 4 --rounds 1 --no-warmup --out "$root/bench/results/browser-sharing-smoke.json"
smoke scale-out "$root/bench/scale-out.sh" --graders 2 --slots-per-grader 8 --tasks 100 --hold 100ms --out scale-out-smoke
smoke metrics-scrape "$root/bench/metrics-scrape.sh" --tasks 1000 --out metrics-scrape-smoke
smoke status-polling "$root/bench/status-polling.sh" --tasks 1000 --interval 0.5 --out status-polling-smoke
smoke placement "$root/bench/placement.sh" --graders 2 --slots-per-grader 4 --tasks 16 --images 8 --attempts 2 --hold 100ms --pull-cost 200ms --out placement-smoke
if (( ${#failed[@]} > 0 )); then
  echo "bench smoke: FAILED: ${failed[*]}"
  exit 1
fi
echo "bench smoke: all benchmarks ran"
