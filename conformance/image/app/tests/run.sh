#!/bin/bash
# The image's CMD (run through ENTRYPOINT ["/bin/bash","-l","-c"]), reproducing what the official run.sh does that
# a grader can observe: after a delay standing in for Xvfb/VNC/pusher-fake/nginx/npm/webpack (CONFORMANCE_SETUP_DELAY
# seconds, default 1, may be fractional) it sets up the task $ISSUE_ID (setup_expensify.sh), writes `done` to
# /setup_done.txt and stays alive as the container's main process.
#   - ISSUE_ID unset, empty or not ^[A-Za-z0-9_-]+$, or setup failing: the reason goes to /setup_error.txt and `done`
#     is never written.
#   - ISSUE_ID=conformance_never_ready: set up like any task, but `done` is never written.
# Setup runs at every container start, whether RUNTIME_SETUP is set (monolith) or not (per-task image).
set -u
log() { echo "[run.sh] $*"; }
# PID 1 ignores signals it has no handler for: stop promptly on docker stop.
trap 'log "stopping"; exit 0' TERM INT HUP
stay_alive() {
  while :; do
    sleep 3600 &
    wait $!
  done
}
setup_failed() {
  log "setup failed: $*"
  printf '%s\n' "$*" > /setup_error.txt
  stay_alive
}

delay=${CONFORMANCE_SETUP_DELAY:-1}
if [[ ! $delay =~ ^[0-9]+(\.[0-9]+)?$ ]]; then
  log "CONFORMANCE_SETUP_DELAY='$delay' is not a number of seconds; using 1"
  delay=1
fi
log "starting services (simulated: ${delay} s)"
sleep "$delay" &
wait $!
# Like upstream: pusher-fake answers for Pusher's websocket host.
echo "127.0.0.1 ws-mt1.pusher.com" >> /etc/hosts 2>/dev/null || log "could not add ws-mt1.pusher.com to /etc/hosts"

issue=${ISSUE_ID:-}
if [[ -z $issue ]]; then
  setup_failed "ISSUE_ID is not set: the harness must create the container with ISSUE_ID=<question_id>"
fi
if [[ ! $issue =~ ^[A-Za-z0-9_-]+$ ]]; then
  setup_failed "ISSUE_ID='$issue' does not match ^[A-Za-z0-9_-]+\$"
fi
log "setting up task $issue (RUNTIME_SETUP=${RUNTIME_SETUP:-unset})"
if ! out=$(bash /app/tests/setup_expensify.sh "$issue" 2>&1); then
  printf '%s\n' "$out"
  setup_failed "setup of task $issue failed: $(printf '%s' "$out" | tail -n 3 | tr '\n' ' ')"
fi
printf '%s\n' "$out"
if [[ $issue == conformance_never_ready ]]; then
  log "task conformance_never_ready: /setup_done.txt is never written (by design)"
  stay_alive
fi
echo done > /setup_done.txt
log "setup done"
stay_alive
