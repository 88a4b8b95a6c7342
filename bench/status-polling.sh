#!/usr/bin/env bash
# Benchmark: what the live status page costs the coordinator as a sweep grows. A PostgreSQL-backed `swelancer
# coordinator` grading here too (roles coordinator,grader) takes one sweep of N manager tasks through POST /api/sweeps,
# and every INTERVAL seconds the bench fetches what the page fetches on each refresh: GET /api/sweeps, the sweep's
# /timeline and /estimates. Reported: each one's median time in the sweep's second half and its size at the end, the
# sweep's time and the coordinator's CPU seconds. With --before DLL, another build (for example main before a change)
# grades the same pool right after, and the two are compared as ratios.
# Usage: bench/status-polling.sh [--tasks N=100000] [--interval S=2] [--before path/to/swelancer.dll] [--out NAME=status-polling]
#        (smoke: --tasks 1000 --interval 0.5 --out status-polling-smoke). Needs PostgreSQL (scripts/setup-services.sh).
# Prints its figures and writes bench/results/NAME.json.
exec "$(dirname "${BASH_SOURCE[0]}")/hold-rig.sh" status_polling.py "$@"
