#!/usr/bin/env bash
# Benchmark: the grader node's shared browser (BrowserPool + BrowserTestRun: one Chromium, a fresh confined context per
# test) against one Chromium launched per test (the pytest-playwright way), on the same N browser tests of the sample
# pool with the same concurrency, side by side in each round. See bench/README.md.
# Usage: bench/browser-sharing.sh [--tests N=60] [--concurrency C=cores] [--rounds R=2] [--no-warmup] [--out FILE]
# Smoke (well under a minute): bench/browser-sharing.sh --tests 4 --rounds 1 --no-warmup --out bench/results/browser-sharing-smoke.json
# Prints its figures and writes bench/results/browser-sharing.json; exits 1 when any test did not pass.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
docker info >/dev/null 2>&1 || { echo "browser-sharing: no Docker engine; run scripts/setup-docker.sh" >&2; exit 1; }
[[ -x /usr/bin/chromium ]] || { echo "browser-sharing: no /usr/bin/chromium (apt-get install -y chromium)" >&2; exit 1; }
"$root/samples/freelance-app/build-image.sh"
build_log=$(dotnet build "$root/bench/BrowserSharingBench/BrowserSharingBench.csproj" -c Release -nologo 2>&1) || { echo "$build_log" >&2; exit 1; }
cd "$root"
exec dotnet "$root/bench/BrowserSharingBench/bin/Release/net10.0/browser-sharing-bench.dll" "$@"
