#!/usr/bin/env bash
# The Kubernetes checks of ./test.sh (docs/kubernetes.md, "What is tested"):
#   scripts/k8s-test.sh prepare   start, in the background at the lowest priority, what the live test needs and takes
#                                 long to make: the tools, the Kubernetes 1.20.2 build (skipped when already built) and
#                                 the offline images. test.sh calls it before the .NET suites so they overlap; the
#                                 preparation gets only the CPU they leave idle (its own session, autogroup nice 19;
#                                 `prepare-in-background` is that session's own entry, not for callers).
#   scripts/k8s-test.sh static    the static checks of the chart only (what a filtered ./test.sh runs; about a minute).
#   scripts/k8s-test.sh           the static checks of the chart (scripts/k8s/check-chart.sh), then (after waiting for
#                                 prepare, or doing it now) the live install test (scripts/k8s/live-test.sh), bounded
#                                 in time; prints each step's time. Exit 1 when anything fails.
# Large artefacts stay outside the repository: $K8S_CACHE (default /var/cache/swelancer-k8s), $K8S_RUN.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE=${K8S_CACHE:-/var/cache/swelancer-k8s}
mkdir -p "$CACHE"
prep_log="$CACHE/prepare.log"
prep_status="$CACHE/prepare.status"

prepare_steps() {
  local t=$SECONDS s
  "$repo/scripts/k8s/tools.sh" && echo "tools $(( SECONDS - t )) s" || return 1
  s=$SECONDS; "$repo/scripts/k8s/build-kubernetes.sh" && echo "kubernetes build $(( SECONDS - s )) s" || return 1
  s=$SECONDS; "$repo/scripts/k8s/build-images.sh" && echo "images $(( SECONDS - s )) s" || return 1
}

if [[ ${1:-} == prepare ]]; then
  rm -f "$prep_status" "$CACHE/prepare.pid"
  # A session of its own, so its autogroup's nice can be set without touching the tests' session. With autogroups
  # (the kernel's default) a process's nice value only weighs against its own session's processes. The Go build at
  # nice 10 beside the integration suite kept the load at 17-21 on 2 cores, and a cluster spec ended a passed task short.
  setsid "${BASH_SOURCE[0]}" prepare-in-background </dev/null >/dev/null 2>&1 &
  for _ in $(seq 1 50); do [[ -f $CACHE/prepare.pid ]] && break; sleep 0.1; done
  echo "k8s-test: preparing in the background at the lowest priority (log $prep_log)"
  exit 0
fi
if [[ ${1:-} == prepare-in-background ]]; then
  echo $$ > "$CACHE/prepare.pid"
  echo 19 > /proc/self/autogroup 2>/dev/null || true
  renice -n 19 -p $$ >/dev/null 2>&1 || true  # what still weighs where autogroups are off
  set +e
  prepare_steps >"$prep_log.timings" 2>"$prep_log"
  echo $? > "$prep_status"
  exit 0
fi

start=$SECONDS
timings=()
step() {  # step NAME COMMAND...
  local t=$SECONDS
  echo "k8s-test: == $1"
  if "${@:2}"; then timings+=("$1: $(( SECONDS - t )) s"); else timings+=("$1: FAILED after $(( SECONDS - t )) s"); report; exit 1; fi
}
report() {
  echo "k8s-test: timings"
  printf '  %s\n' "${timings[@]}"
  [[ -f $prep_log.timings ]] && sed 's/^/  prepare: /' "$prep_log.timings"
  echo "  total: $(( SECONDS - start )) s"
}
wait_prepare() {  # the background preparation's result, or the preparation now when none was started
  if [[ ! -f $prep_status && -f $CACHE/prepare.pid ]] && kill -0 "$(cat "$CACHE/prepare.pid")" 2>/dev/null; then
    echo "k8s-test: waiting for the background preparation"
    local t=$SECONDS
    while [[ ! -f $prep_status ]] && kill -0 "$(cat "$CACHE/prepare.pid")" 2>/dev/null; do
      (( SECONDS - t < 2400 )) || { echo "k8s-test: the preparation did not finish in 40 min"; tail -n 30 "$prep_log"; return 1; }
      sleep 5
    done
  fi
  if [[ -f $prep_status ]]; then
    cat "$prep_log"
    [[ $(cat "$prep_status") == 0 ]] || { echo "k8s-test: the background preparation failed (above)"; rm -f "$prep_status" "$CACHE/prepare.pid"; return 1; }
    rm -f "$prep_status" "$CACHE/prepare.pid"
  else
    rm -f "$prep_log.timings"
    prepare_steps | tee "$prep_log.timings"
  fi
}
step "static checks (helm lint, template, schemas)" "$repo/scripts/k8s/check-chart.sh"
if [[ ${1:-} == static ]]; then
  echo "k8s-test: static checks passed in $(( SECONDS - start )) s"
  exit 0
fi
step "tools, Kubernetes build, images" wait_prepare
step "live install on Kubernetes 1.20.2" timeout --kill-after=60s 40m "$repo/scripts/k8s/live-test.sh"
report
