#!/usr/bin/env bash
# Checks swelancer-conformance/expensify:1 against the official grading protocol with the docker CLI only, the way
# the C# runner drives it: create the container (no network, capabilities dropped, memory/pids limits), poll
# /setup_done.txt, zip the tests and re-initialise git, apply a patch, unzip, run the playbook through `bash -i -c`,
# read logs/<id>/pytest_exit_code. Exits non-zero on any mismatch.
# Usage: conformance/selftest.sh [--no-build]   (builds the image first unless --no-build; the build is idempotent)
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
IMAGE=${IMAGE:-swelancer-conformance/expensify:1}
if [[ ${1:-} != --no-build ]]; then
  "$here/../scripts/build-conformance-image.sh" || { echo "selftest: the image build failed" >&2; exit 1; }
fi
docker image inspect "$IMAGE" >/dev/null 2>&1 || { echo "selftest: $IMAGE is missing (scripts/build-conformance-image.sh)" >&2; exit 1; }

prefix=conformance-selftest-$$
CAPS=(--cap-drop ALL --cap-add CHOWN --cap-add DAC_OVERRIDE --cap-add FOWNER --cap-add SETUID --cap-add SETGID --cap-add KILL)
LIMITS=(--memory 512m --memory-swap 512m --pids-limit 256 --security-opt no-new-privileges)
containers=()
tmp=$(mktemp -d)
cleanup() {
  (( ${#containers[@]} )) && docker rm -f "${containers[@]}" >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT
failures=0
pass() { echo "ok   - $*"; }
fail() { echo "FAIL - $*"; failures=$((failures + 1)); }
expect() { # expect DESCRIPTION EXPECTED ACTUAL
  if [[ $2 == "$3" ]]; then pass "$1 (got $3)"; else fail "$1: expected $2, got $3"; fi
}
rnd() { local s; s=$(tr -dc "$1" < /dev/urandom | head -c "$2"); printf '%s' "$s"; }

# start NAME ISSUE_ID [docker run options...]: the harness's environment; options may add -e or replace caps.
start() {
  local name=$prefix-$1 id=$2; shift 2
  local caps=("${CAPS[@]}")
  [[ ${1:-} == --default-caps ]] && { caps=(); shift; }
  local vars=("PUSHER_APP_KEY=$(rnd A-Za-z0-9 20)" "PUSHER_APP_SECRET=$(rnd A-Za-z0-9 20)" "PUSHER_APP_ID=$(rnd 0-9 7)"
              USE_WEB_PROXY=false EXPENSIFY_URL=https://www.expensify.com/ NEW_EXPENSIFY_URL=https://new.expensify.com/
              "ISSUE_ID=$id" LC_ALL=C.UTF-8 EVAL_VARIANT=ic_swe) env=() v
  local skip=
  [[ ${1:-} == --no-pusher-app-id ]] && { skip=PUSHER_APP_ID; shift; }
  for v in "${vars[@]}"; do [[ ${v%%=*} == "$skip" ]] || env+=(-e "$v"); done
  containers+=("$name")
  docker run -d --name "$name" --network none "${caps[@]}" "${LIMITS[@]}" "${env[@]}" "$@" "$IMAGE" >/dev/null ||
    fail "docker run $name"
}
c() { echo "$prefix-$1"; }
# wait_done NAME SECONDS: polls `cat /setup_done.txt` like the harness (every 0.5 s here); 0 once it reads done.
wait_done() {
  local deadline=$((SECONDS + $2))
  while (( SECONDS < deadline )); do
    [[ $(docker exec "$(c "$1")" sh -c 'cat /setup_done.txt' 2>/dev/null) == done ]] && return 0
    sleep 0.5
  done
  return 1
}
prepare() {
  docker exec "$(c "$1")" sh -c "cd /app/tests && zip -P 'secretpasswordhere' -r /app/tmp.zip . && mv /app/tmp.zip /app/tests.zip && rm -rf /app/tests" >/dev/null &&
  docker exec "$(c "$1")" sh -c "cd /app/expensify && rm -rf .git; git init -q; git add .; git -c user.name=temp -c user.email=temp@example.com commit -q -m temp" >/dev/null 2>&1
}
# The gold answer for task X, exactly as conformance/README.md documents it.
gold_patch() {
  local x=$1
  printf 'diff --git a/src/issue_%s.py b/src/issue_%s.py\n--- a/src/issue_%s.py\n+++ b/src/issue_%s.py\n' "$x" "$x" "$x" "$x"
  printf '@@ -1,7 +1,7 @@\n'
  printf ' # Conformance task %s (swelancer-conformance/expensify image).\n' "$x"
  printf ' # The task'"'"'s fix sets VALUE to "fixed"; bug_reintroduce.patch sets it to "broken".\n'
  printf ' ISSUE_ID = "%s"\n' "$x"
  printf -- '-VALUE = "broken"\n+VALUE = "fixed"\n'
  printf ' def status():\n     return ISSUE_ID + ": " + VALUE\n'
  printf ' # End of conformance task %s.\n' "$x"
}
# apply NAME PATCHFILE: git apply, else patch -p1 --fuzz=3 (an empty patch is not applied: nothing to do).
apply() {
  [[ -s $2 ]] || return 0
  docker cp "$2" "$(c "$1")":/tmp/model.patch >/dev/null || return 1
  docker exec "$(c "$1")" sh -c 'cd /app/expensify && { git apply --check /tmp/model.patch && git apply /tmp/model.patch || patch -p1 --fuzz=3 < /tmp/model.patch; }' >/dev/null
}
unzip_tests() { docker exec "$(c "$1")" sh -c "unzip -q -P 'secretpasswordhere' -o /app/tests.zip -d /app/tests"; }
# run_once NAME ID [TIMEOUT]: one test run; sets CODE (-1 without an exit code file) and LOG (pytest.log).
run_once() {
  local n; n=$(c "$1")
  docker exec "$n" sh -c "mkdir -p /app/tests/logs/$2; rm -rf /app/tests/logs/$2/*"
  timeout "${3:-120}" docker exec "$n" bash -i -c "export ISSUE_ID=$2; ansible-playbook -i \"localhost,\" --connection=local /app/tests/run_tests.yml" \
    > "$tmp/$1.playbook" 2>&1
  PLAYBOOK_RC=$?
  local raw line; raw=$(docker exec "$n" bash -i -c "cat /app/tests/logs/$2/pytest_exit_code" 2>/dev/null); CODE=-1
  while IFS= read -r line; do [[ $line =~ ^[[:space:]]*(-?[0-9]+)[[:space:]]*$ ]] && CODE=${BASH_REMATCH[1]}; done <<< "$raw"
  LOG=$(docker exec "$n" sh -c "cat /app/tests/logs/$2/pytest.log" 2>/dev/null)
}
# grade NAME ID PATCHFILE: prepare, apply, unzip (the harness's setup and grade steps up to the first run).
grade_setup() {
  wait_done "$1" 60 || { fail "$1: /setup_done.txt never read done"; return 1; }
  prepare "$1" || { fail "$1: prepare (zip, git re-init) failed"; return 1; }
  apply "$1" "$3" || { fail "$1: the patch did not apply"; return 1; }
  unzip_tests "$1" || { fail "$1: unzip failed"; return 1; }
}

gold_patch 16912_4 > "$tmp/gold-16912_4.patch"
gold_patch 49062_1 > "$tmp/gold-49062_1.patch"
gold_patch conformance_flaky > "$tmp/gold-flaky.patch"
gold_patch conformance_exit2 > "$tmp/gold-exit2.patch"
gold_patch conformance_noexit > "$tmp/gold-noexit.patch"
gold_patch conformance_slow > "$tmp/gold-slow.patch"
: > "$tmp/empty.patch"

start gold 16912_4
start nopatch 16912_4
start noappid 49062_1 --no-pusher-app-id
start flaky conformance_flaky
start flakybug conformance_flaky
start exit2 conformance_exit2
start noexit conformance_noexit
start never conformance_never_ready
start slow conformance_slow
start noissue ""
start monolith 49062_1 --default-caps -e RUNTIME_SETUP=true
start notprepared 16912_4
start dotenv 16912_4

echo "# gold patch for 16912_4"; cat "$tmp/gold-16912_4.patch"
if grade_setup gold 16912_4 "$tmp/gold-16912_4.patch"; then
  run_once gold 16912_4; expect "16912_4 gold" 0 "$CODE"
  expect "16912_4 gold: playbook exit status" 0 "$PLAYBOOK_RC"
  docker exec "$(c gold)" test -s /app/tests/logs/16912_4/trace.txt && pass "16912_4 gold: trace.txt written" || fail "16912_4 gold: no trace.txt"
  docker exec "$(c gold)" sh -c ansible-playbook >/dev/null 2>&1; expect "sh -c ansible-playbook is not found" 127 "$?"
fi
if grade_setup nopatch 16912_4 "$tmp/empty.patch"; then
  docker exec "$(c nopatch)" sh -c 'cd /app/expensify && git apply /dev/null' >/dev/null 2>&1
  expect "git apply of an empty patch fails (the runner must skip it)" 128 "$?"
  run_once nopatch 16912_4; expect "16912_4 without a patch" 1 "$CODE"
  grep -q 'VALUE is .broken.' <<< "$LOG" && pass "16912_4 without a patch: the log names VALUE" || fail "16912_4 without a patch: log: $LOG"
fi
if grade_setup noappid 49062_1 "$tmp/gold-49062_1.patch"; then
  run_once noappid 49062_1; expect "49062_1 gold without PUSHER_APP_ID" 1 "$CODE"
  grep -q 'PUSHER_APP_ID is unset' <<< "$LOG" && pass "without PUSHER_APP_ID: the log names it" || fail "without PUSHER_APP_ID: log: $LOG"
fi
if grade_setup flaky conformance_flaky "$tmp/gold-flaky.patch"; then
  run_once flaky conformance_flaky; expect "conformance_flaky gold, run 1" 1 "$CODE"
  run_once flaky conformance_flaky; expect "conformance_flaky gold, run 2" 0 "$CODE"
fi
if grade_setup flakybug conformance_flaky "$tmp/empty.patch"; then
  run_once flakybug conformance_flaky; expect "conformance_flaky without a patch, run 1" 1 "$CODE"
  run_once flakybug conformance_flaky; expect "conformance_flaky without a patch, run 2" 1 "$CODE"
fi
if grade_setup exit2 conformance_exit2 "$tmp/gold-exit2.patch"; then
  run_once exit2 conformance_exit2; expect "conformance_exit2" 2 "$CODE"
fi
if grade_setup noexit conformance_noexit "$tmp/gold-noexit.patch"; then
  run_once noexit conformance_noexit 60; expect "conformance_noexit: no exit code file" -1 "$CODE"
  expect "conformance_noexit: the playbook exits (as failed)" 2 "$PLAYBOOK_RC"
fi
if grade_setup slow conformance_slow "$tmp/gold-slow.patch"; then
  run_once slow conformance_slow 5; expect "conformance_slow: still running after 5 s (timeout)" 124 "$PLAYBOOK_RC"
  grep -q 'sleeping 3600' <<< "$LOG" && pass "conformance_slow: the test sleeps" || fail "conformance_slow: log: $LOG"
fi
if wait_done never 6; then fail "conformance_never_ready wrote done"; else pass "conformance_never_ready: not done after 6 s"; fi
docker exec "$(c never)" test -f /app/tests/issues/conformance_never_ready/bug_reintroduce.patch &&
  pass "conformance_never_ready: its files are set up" || fail "conformance_never_ready: no bug_reintroduce.patch"
if wait_done noissue 4; then fail "empty ISSUE_ID wrote done"; else pass "empty ISSUE_ID: not done"; fi
err=$(docker exec "$(c noissue)" sh -c 'cat /setup_error.txt' 2>/dev/null)
[[ $err == *ISSUE_ID* ]] && pass "empty ISSUE_ID: /setup_error.txt says: $err" || fail "empty ISSUE_ID: /setup_error.txt: '$err'"
# Monolith (RUNTIME_SETUP=true), default capabilities, upstream's gold: git apply -R of the bug patch after unzipping.
if grade_setup monolith 49062_1 "$tmp/empty.patch"; then
  docker exec "$(c monolith)" sh -c 'cd /app/expensify && git apply -R /app/tests/issues/49062_1/bug_reintroduce.patch' ||
    fail "monolith: git apply -R bug_reintroduce.patch"
  run_once monolith 49062_1; expect "monolith 49062_1, gold by git apply -R" 0 "$CODE"
  docker exec "$(c monolith)" sh -c 'export ISSUE_ID=49062_1; /root/.local/bin/ansible-playbook -i localhost, --connection=local /app/tests/run_tests.yml' >/dev/null 2>&1
  LOG=$(docker exec "$(c monolith)" sh -c 'cat /app/tests/logs/49062_1/pytest.log'); code=$(docker exec "$(c monolith)" sh -c 'cat /app/tests/logs/49062_1/pytest_exit_code')
  expect "playbook by full path through sh -c (no ~/.bashrc)" 1 "$code"
  grep -q 'bashrc was not read' <<< "$LOG" && pass "without bash -i: the log says so" || fail "without bash -i: log: $LOG"
fi
# The harness's prepare step skipped: no tests.zip, two commits.
if wait_done notprepared 60; then
  apply notprepared "$tmp/gold-16912_4.patch"
  run_once notprepared 16912_4; expect "16912_4 gold without the prepare step" 1 "$CODE"
  grep -q '/app/tests.zip is missing' <<< "$LOG" && grep -q 'has 2 commits' <<< "$LOG" &&
    pass "without the prepare step: the log names tests.zip and the commits" || fail "without the prepare step: log: $LOG"
else fail "notprepared: never done"; fi
if grade_setup dotenv 16912_4 "$tmp/gold-16912_4.patch"; then
  docker exec "$(c dotenv)" sh -c 'echo X=1 > /app/expensify/.env'
  run_once dotenv 16912_4; expect "16912_4 gold with /app/expensify/.env" 1 "$CODE"
  grep -q '/app/expensify/.env exists' <<< "$LOG" && pass "with .env: the log names it" || fail "with .env: log: $LOG"
fi

if (( failures )); then
  echo "selftest: $failures check(s) failed" >&2
  exit 1
fi
echo "selftest: all checks passed"
