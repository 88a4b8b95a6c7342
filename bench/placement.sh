#!/usr/bin/env bash
# Benchmark (issue 13, target 5): image-aware placement against plain hash sharding. Grades one pool of ic_swe stand-in
# tasks (bench/hold-pool.py: each task names one of M images, several attempts each) twice, each time on a fresh
# PostgreSQL-backed cluster of real processes (bench/hold-rig.sh): shards keyed by attempt (the default hash
# sharding), then by image (SWELANCER_SHARD_KEY=image on every process). Graders run the test-only hold runner with a
# simulated pull: the first attempt of an image a grader does not hold waits the pull cost (one pull at a time per node),
# and each grader keeps an LRU of K images. Reports pulls, pull time and makespan of both.
# Usage: bench/placement.sh [--graders 8] [--slots-per-grader 8] [--hold 500ms] [--images 160] [--tasks N]
#                           [--attempts 4] [--pull-cost 1s] [--image-cache 4] [--out NAME]
# Prints its figures and writes bench/results/NAME.json (default placement).
exec "$(dirname "${BASH_SOURCE[0]}")/hold-rig.sh" placement.py "$@"
