#!/usr/bin/env bash
# The chart's live test on a real single-node Kubernetes 1.20.2 (scripts/k8s/cluster.sh), with the images built offline
# (scripts/k8s/build-images.sh) on the engine the kubelet uses. It fails (exit 1) on the first broken expectation:
# 1. helm install (Helm 3.17.2) of helm/swelancer with the bundled PostgreSQL, one coordinator and two graders on the
#    node's Docker socket (scripts/k8s/live-values.yaml); every pod Ready (the probes: joined and persistence reachable).
# 2. The sample pool (samples/freelance-app, mixed.jsonl) submitted through the API, reached with kubectl port-forward;
#    grader-1's pod is deleted mid-sweep and must come back from its StatefulSet; the ledger must end exactly at
#    18 of 35 tasks passed, $42,250 of $80,250, no system errors.
# 3. A second sweep of the same pool while `helm upgrade` scales the graders to three: the third joins the cluster and
#    the ledger is exact again.
# 4. helm uninstall leaves no pod, and no grading container of this release's graders on the engine.
# Always stops and removes what it started (port-forward, the release, the cluster). Prints its timings.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE=${K8S_CACHE:-/var/cache/swelancer-k8s}
RUN=${K8S_RUN:-/var/lib/swelancer-k8s}
NS=swelancer-k8s
REL=swelancer-k8s
source "$CACHE/tools/tools.env"
export KUBECONFIG="$RUN/kubeconfig"
HELM=$HELM3
k() { kubectl -n "$NS" "$@"; }
start=$SECONDS
phase_start=$SECONDS
log() { echo "live-test [$(( SECONDS - start ))s]: $*"; }
phase() { log "$1 ($(( SECONDS - phase_start )) s)"; phase_start=$SECONDS; }
pf_pid=""
installed=false

diagnose() {
  echo "live-test: ---- diagnostics ----"
  k get pods -o wide 2>&1 || true
  for p in $(k get pods -o name 2>/dev/null); do
    echo "---- $p"; k describe "$p" 2>&1 | sed -n '/^Events:/,$p' | tail -n 15
    for c in $(k get "$p" -o jsonpath='{.spec.containers[*].name}' 2>/dev/null); do
      echo "---- $p/$c (last 40 lines)"; k logs "$p" -c "$c" --tail=40 2>&1 || true
    done
  done
  echo "---- DNS records"; cat "$RUN/dns/hosts" 2>/dev/null || true
}
cleanup() {
  local status=$?
  trap - EXIT
  set +e
  (( status != 0 )) && diagnose
  [[ -n $pf_pid ]] && kill "$pf_pid" 2>/dev/null
  if $installed; then "$HELM" uninstall "$REL" -n "$NS" --wait --timeout 3m >/dev/null 2>&1; fi
  "$repo/scripts/k8s/cluster.sh" down
  # Grading containers of this release's graders that survived everything (none expected) are removed too.
  leftovers=$(docker ps -aq --filter label=swelancer.node 2>/dev/null | xargs -r docker inspect -f '{{.Id}} {{index .Config.Labels "swelancer.node"}}' 2>/dev/null | awk -v p="$NS." 'index($2, p) == 1 {print $1}')
  [[ -n $leftovers ]] && docker rm -f -v $leftovers >/dev/null 2>&1
  log "cleaned up; total $(( SECONDS - start )) s"
  exit $status
}
trap cleanup EXIT
fail() { echo "live-test: FAILED: $*" >&2; exit 1; }

"$repo/scripts/k8s/cluster.sh" up
phase "cluster up"

kubectl create namespace "$NS" >/dev/null
installed=true
"$HELM" install "$REL" "$repo/helm/swelancer" -n "$NS" -f "$repo/scripts/k8s/live-values.yaml" --wait --timeout 6m >/dev/null \
  || fail "helm install did not become ready within 6 min"
phase "helm install --wait: $(k get pods --no-headers | awk '{print $1 "=" $2}' | tr '\n' ' ')"

coordinator="$REL-coordinator-0"
token=$(k get secret "$REL-api-token" -o jsonpath='{.data.token}' | base64 -d)
[[ ${#token} -ge 20 ]] || fail "no API token in Secret $REL-api-token"
port=$(( 25000 + RANDOM % 1000 ))
k port-forward "svc/$REL-api" "$port:80" >"$RUN/logs/port-forward.log" 2>&1 &
pf_pid=$!
api() { curl -fsS --max-time 20 -H "Authorization: Bearer $token" "$@"; }
for i in $(seq 1 30); do api "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 1; [[ $i == 30 ]] && fail "the API is not reachable through port-forward"; done
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/sweeps")
[[ $code == 401 ]] || fail "the API answered $code without the token (expected 401)"
# (Read whole before matching: grep -q stops early, curl then fails on the closed pipe under pipefail.)
page=$(api "http://127.0.0.1:$port/") && grep -qi "<html" <<<"$page" || fail "no status page at /"
members=$(api "http://127.0.0.1:$port/api/nodes" | jq '[.. | objects | select(has("roles")) | select(.roles | index("grader"))] | length')
[[ $members == 2 ]] || fail "the cluster has $members grader members, expected 2"
phase "API through port-forward: token required, status page served, 2 graders in the cluster"

k exec "$coordinator" -- mkdir -p /var/lib/swelancer/pools
k cp "$repo/samples/freelance-app" "$coordinator:/var/lib/swelancer/pools/freelance-app" >/dev/null
pool=/var/lib/swelancer/pools/freelance-app
phase "sample pool copied to the coordinator's volume"

submit() {  # submit SWEEP-ID
  api -X POST -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/sweeps" \
    -d "{\"sweep_id\":\"$1\",\"tasks_path\":\"$pool/tasks.json\",\"submissions_path\":\"$pool/submissions/mixed.jsonl\"}" >/dev/null \
    || fail "POST /api/sweeps $1 was refused"
}
view() { api "http://127.0.0.1:$port/api/sweeps/$1"; }
graded() { view "$1" | jq -r '.progress.graded // 0'; }
wait_finished() {  # wait_finished SWEEP-ID BUDGET-SECONDS
  local t=$SECONDS v state
  while true; do
    v=$(view "$1" 2>/dev/null || echo '{}')
    state=$(jq -r '.state // "?"' <<<"$v")
    [[ $state == finished ]] && break
    [[ $state == failed || $state == cancelled ]] && fail "sweep $1 is $state: $(jq -r '.problem' <<<"$v")"
    (( SECONDS - t < $2 )) || fail "sweep $1 did not finish within $2 s: $(jq -c '.progress' <<<"$v")"
    sleep 3
  done
}
check_ledger() {  # check_ledger SWEEP-ID: the sample pool's exact totals for mixed.jsonl
  local l; l=$(view "$1" | jq -c '.ledger')
  log "ledger of $1: $(jq -c '{tasks, graded, passed, failed, system_errors, earned_usd, available_usd}' <<<"$l")"
  if [[ $(jq -r '.passed' <<<"$l") != 18 || $(jq -r '.system_errors' <<<"$l") != 0 ]]; then
    # What did not pass, and why (a browser step that timed out under load reads differently from a wrong patch).
    api "http://127.0.0.1:$port/api/sweeps/$1/results.csv" | grep -v ',passed,' | cut -c1-220 >&2 || true
  fi
  [[ $(jq -r '.tasks' <<<"$l") == 35 ]] || fail "$1: tasks $(jq -r '.tasks' <<<"$l"), expected 35"
  [[ $(jq -r '.passed' <<<"$l") == 18 ]] || fail "$1: passed $(jq -r '.passed' <<<"$l"), expected 18"
  [[ $(jq -r '.earned_usd' <<<"$l") == 42250 ]] || fail "$1: earned \$$(jq -r '.earned_usd' <<<"$l"), expected \$42250"
  [[ $(jq -r '.available_usd' <<<"$l") == 80250 ]] || fail "$1: available \$$(jq -r '.available_usd' <<<"$l"), expected \$80250"
  [[ $(jq -r '.system_errors' <<<"$l") == 0 ]] || fail "$1: $(jq -r '.system_errors' <<<"$l") system errors, expected 0"
  local rows; rows=$(api "http://127.0.0.1:$port/api/sweeps/$1/results.csv" | tail -n +2 | grep -c .)
  [[ $rows == 35 ]] || fail "$1: results.csv has $rows rows, expected 35"
}

# 2. A sweep with a grader pod deleted in the middle.
submit k8s-mixed-a
victim="$REL-grader-1"
old_uid=$(k get pod "$victim" -o jsonpath='{.metadata.uid}')
t=$SECONDS
until (( $(graded k8s-mixed-a) >= 4 )); do (( SECONDS - t < 300 )) || fail "k8s-mixed-a graded nothing in 300 s"; sleep 2; done
log "k8s-mixed-a: $(graded k8s-mixed-a) of 35 graded; deleting pod $victim"
k delete pod "$victim" --wait=false >/dev/null
t=$SECONDS
until [[ $(k get pod "$victim" -o jsonpath='{.metadata.uid}' 2>/dev/null) != "$old_uid" && $(k get pod "$victim" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null) == True ]]; do
  (( SECONDS - t < 300 )) || fail "$victim did not come back Ready within 300 s"
  sleep 2
done
log "$victim is back from its StatefulSet (new pod, Ready after $(( SECONDS - t )) s)"
wait_finished k8s-mixed-a 900
check_ledger k8s-mixed-a
phase "sweep k8s-mixed-a with a grader pod deleted mid-sweep: exact"

# Prometheus endpoints: the graders on the node's network (ports by ordinal), the coordinator at its pod address.
node_ip=$(cat "$RUN/node-ip")
for i in 0 1; do
  metrics=$(curl -fsS --max-time 10 "http://$node_ip:$(( 29464 + i ))/metrics") && grep -q '^swelancer_container_slots' <<<"$metrics" || fail "grader $i serves no swelancer_container_slots on $node_ip:$(( 29464 + i ))/metrics"
done
coord_ip=$(k get pod "$coordinator" -o jsonpath='{.status.podIP}')
metrics=$(curl -fsS --max-time 10 "http://$coord_ip:29464/metrics") && grep -q '^swelancer_' <<<"$metrics" || fail "the coordinator serves no swelancer_ metrics on $coord_ip:29464/metrics"
log "metrics served by both graders and the coordinator"

# 3. A sweep while helm upgrade scales the graders to three.
submit k8s-mixed-b
t=$SECONDS
until (( $(graded k8s-mixed-b) >= 2 )); do (( SECONDS - t < 300 )) || fail "k8s-mixed-b graded nothing in 300 s"; sleep 2; done
log "k8s-mixed-b: $(graded k8s-mixed-b) of 35 graded; helm upgrade to 3 graders"
"$HELM" upgrade "$REL" "$repo/helm/swelancer" -n "$NS" -f "$repo/scripts/k8s/live-values.yaml" --set grader.replicas=3 --wait --timeout 5m >/dev/null \
  || fail "helm upgrade to 3 graders did not become ready within 5 min"
[[ $(k get statefulset "$REL-grader" -o jsonpath='{.status.readyReplicas}') == 3 ]] || fail "not 3 ready graders after the upgrade"
t=$SECONDS
until [[ $(api "http://127.0.0.1:$port/api/nodes" | jq '[.. | objects | select(has("roles")) | select(.roles | index("grader")) | select((.status | ascii_downcase) == "up")] | length') == 3 ]]; do
  (( SECONDS - t < 120 )) || fail "the third grader did not join the cluster within 120 s"
  sleep 2
done
log "helm upgrade done: 3 graders Up in the cluster; k8s-mixed-b at $(graded k8s-mixed-b) of 35"
wait_finished k8s-mixed-b 900
check_ledger k8s-mixed-b
phase "sweep k8s-mixed-b across helm upgrade to 3 graders: exact"

# 4. helm uninstall leaves nothing behind.
kill "$pf_pid" 2>/dev/null || true; pf_pid=""
"$HELM" uninstall "$REL" -n "$NS" --wait --timeout 4m >/dev/null || fail "helm uninstall failed"
installed=false
t=$SECONDS
until [[ -z $(k get pods -o name 2>/dev/null) ]]; do (( SECONDS - t < 240 )) || fail "pods left after helm uninstall: $(k get pods -o name | tr '\n' ' ')"; sleep 2; done
left=$(docker ps -aq --filter label=swelancer.node | xargs -r docker inspect -f '{{.Name}} {{index .Config.Labels "swelancer.node"}}' | awk -v p="$NS." 'index($2, p) == 1')
[[ -z $left ]] || fail "grading containers left after helm uninstall: $left"
pods_left=$(docker ps -aq --filter "label=io.kubernetes.pod.namespace=$NS")
[[ -z $pods_left ]] || fail "pod containers left after helm uninstall: $pods_left"
phase "helm uninstall: no pod and no grading container left"
log "passed"
