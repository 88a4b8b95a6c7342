#!/usr/bin/env bash
# Runs every test: starts the real services they need (scripts/setup-services.sh), then the unit tests and the
# integration tests of the solution, one project after the other, and ends with a digest of any failures.
#   ./test.sh                 everything, ending with the live install on Kubernetes (scripts/k8s-test.sh)
#   ./test.sh unit            the unit suite only: no services, no root, about a minute
#   ./test.sh [dotnet test args]   e.g. --filter "Needs!=Docker" (integration specs carry Needs=Docker/PostgreSQL/Chromium/Prometheus)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ ${1:-} == unit ]]; then
  shift
  exec dotnet test "$root/tests/SweLancer.Tests" -c Release --nologo "$@"
fi
"$root/scripts/setup-services.sh"
# The whole suite ends with the live install on Kubernetes; what it needs and takes long to make (the Kubernetes build,
# the offline images) is made meanwhile, in the background, on the CPU the .NET suites leave idle.
(( $# == 0 )) && "$root/scripts/k8s-test.sh" prepare
export SWELANCER_TEST_POSTGRES="${SWELANCER_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=swelancer;Password=swelancer;Database=postgres}"

results="$root/TestResults"
rm -rf "$results"
echo "test.sh: $(nproc) cores, $(free -g | awk '/Mem:/ {print $7}') GiB available, $(df -h "$root" | awk 'NR==2 {print $4}') disk free, docker $(docker version --format '{{.Server.Version}}' 2>/dev/null || echo 'not answering')"

# Warnings are errors through Directory.Build.props (NU1603 excepted there; -warnaserror would not except it).
dotnet build "$root/SweLancer.sln" -c Release --nologo -clp:ErrorsOnly
status=0
for project in tests/SweLancer.Tests tests/SweLancer.IntegrationTests; do
  # The integration specs print what they measured (recovery times, regraded counts), which only detailed shows.
  verbosity=normal; [[ $project == *Integration* ]] && verbosity=detailed
  # --blame names the test that was running if a test host crashes.
  dotnet test "$root/$project" -c Release --no-build --blame --logger "console;verbosity=$verbosity" \
    --logger "trx;LogFilePrefix=$(basename "$project")" --results-directory "$results" "$@" || status=1
done

# A tiny run of every benchmark under bench/ (bench/smoke.sh), so none rots; it asserts nothing about time. Only for the
# whole suite: a filtered run (./test.sh --filter ...) skips it.
bench_status=0
if [[ $# -eq 0 ]]; then
  "$root/bench/smoke.sh" || { status=1; bench_status=1; }
fi

# The Helm chart's static checks, then (whole suite only) the live install on a single-node Kubernetes 1.20.2 built from
# Debian's source package: docs/kubernetes.md, "What is tested".
k8s_status=0
k8s_mode=(); (( $# == 0 )) || k8s_mode=(static)
"$root/scripts/k8s-test.sh" "${k8s_mode[@]}" || { status=1; k8s_status=1; }

if (( status != 0 )); then
  (( k8s_status == 0 )) || echo "test.sh: FAILED: the Kubernetes checks (scripts/k8s-test.sh, output above)"
  (( bench_status == 0 )) || echo "test.sh: FAILED: a benchmark's smoke run (bench/smoke.sh, output above)"
  echo "test.sh: FAILURES (from $results/*.trx):"
  command -v python3 >/dev/null && python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for trx in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    for r in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", ns):
        if r.get("outcome") != "Passed":
            message = r.find(".//t:Message", ns)
            print(f"  {r.get('outcome')}: {r.get('testName')} ({r.get('duration')})")
            print("    " + (message.text or "").strip()[:1500].replace("\n", "\n    ") if message is not None else "    (no message)")
PY
  command -v python3 >/dev/null || grep -rhoE 'testName="[^"]+"[^>]*outcome="(Failed|NotExecuted)"' "$results" || true
fi
exit $status
