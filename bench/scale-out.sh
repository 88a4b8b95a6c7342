#!/usr/bin/env bash
# Benchmark (issue 13, target 4): scale-out. One PostgreSQL-backed `swelancer coordinator` and G `swelancer-grader`
# processes on this machine, each with S slots of the test-only hold runner (every attempt holds a slot for HOLD and
# passes), grade one sweep of N ic_swe stand-in tasks submitted with `swelancer submit`. Reports the sustained rate in
# the steady window against the ideal (G x S / HOLD), and the coordinator's CPU and RSS (from /proc).
# Usage: bench/scale-out.sh [--graders 8] [--slots-per-grader 128] [--hold 2s] [--tasks N] [--max-in-flight M]
#                           [--out NAME]     (smoke: --graders 2 --slots-per-grader 8 --tasks 100 --hold 100ms)
# Default N: 60 s of ideal work. Default M: twice the slots, so every node keeps a queue. Prints its figures and writes
# bench/results/NAME.json (default scale-out). Every process it starts ends with it, on Ctrl-C or failure too.
exec "$(dirname "${BASH_SOURCE[0]}")/hold-rig.sh" scale_out.py "$@"
