#!/usr/bin/env bash
# Benchmark: the SWE-Lancer protocol runner's pre-warmed pool (containers set up for queued attempts while others
# grade) against a naive per-slot loop (start, wait until ready, grade, remove), same grading slots, side by side, on
# the conformance image with a setup delay and a test time baked into a derived tag. See bench/README.md.
# Usage: bench/protocol-pool.sh [--tasks N=12] [--slots S=2] [--setup-seconds X=10] [--test-seconds Y=6] [--rounds R=1] [--out FILE]
# Prints its figures and writes bench/results/protocol-pool.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
docker info >/dev/null 2>&1 || { echo "protocol-pool: no Docker engine; run scripts/setup-docker.sh" >&2; exit 1; }
"$root/scripts/build-conformance-image.sh"
build_log=$(dotnet build "$root/bench/ProtocolPoolBench/ProtocolPoolBench.csproj" -c Release -nologo 2>&1) || { echo "$build_log" >&2; exit 1; }
cd "$root"
exec dotnet "$root/bench/ProtocolPoolBench/bin/Release/net10.0/protocol-pool-bench.dll" "$@"
