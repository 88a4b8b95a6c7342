#!/usr/bin/env bash
# Benchmark: the grading container pool (ContainerPool + IcTaskRunner) against plain `xargs -P N docker run --rm`,
# on the same K command-runner tasks of the sample pool, with the same concurrency N. See bench/README.md.
# Usage: bench/container-pool.sh [--k K=24] [--n N=4] [--pool-slots S=N] [--rounds R=2] [--no-warmup]
# Prints its figures and writes bench/results/container-pool.json; exits non-zero when any task did not pass.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
docker info >/dev/null 2>&1 || { echo "container-pool: no Docker engine; run scripts/setup-docker.sh" >&2; exit 1; }
"$root/samples/freelance-app/build-image.sh"
build_log=$(dotnet build "$root/bench/ContainerPoolBench/ContainerPoolBench.csproj" -c Release -nologo 2>&1) || { echo "$build_log" >&2; exit 1; }
exec dotnet "$root/bench/ContainerPoolBench/bin/Release/net10.0/container-pool-bench.dll" "$@"
