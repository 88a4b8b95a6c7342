#!/usr/bin/env bash
# Runs every test: starts the real services they need (scripts/setup-services.sh), then the whole solution's tests.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$root/scripts/setup-services.sh"
export SWELANCER_TEST_POSTGRES="${SWELANCER_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=swelancer;Password=swelancer;Database=postgres}"
exec dotnet test "$root/SweLancer.sln" -c Release --logger "console;verbosity=normal" "$@"
