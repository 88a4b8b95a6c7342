#!/usr/bin/env bash
# Static checks of the Helm chart helm/swelancer, offline, with Helm 3 (3.17.2) and Helm 4 (4.1.4):
# - helm lint --strict with the default values and each value set in helm/swelancer/ci/;
# - helm template of the default values and the two other sets (external PostgreSQL with Docker-in-Docker; socket
#   mode with a ServiceMonitor), for Kubernetes 1.20.2 and for each Helm's default (newer) Kubernetes;
# - every rendered object checked by scripts/k8s/validate-manifests.js (kubernetes-models schemas, resources and
#   probes on every pod, one seed list, no plain secrets), and that script's self-test (it refuses broken renderings);
# - wrong values refused at install time by values.schema.json, with a message naming the value;
# - the chart's Grafana dashboard is the repository's (dashboards/swelancer-grafana.json).
# Exit status 1 on the first failure. Prints its timings.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
chart="$repo/helm/swelancer"
start=$SECONDS
"$repo/scripts/k8s/tools.sh"
source "${K8S_CACHE:-/var/cache/swelancer-k8s}/tools/tools.env"
export NODE_PATH=$NODE_TOOLS
out=$(mktemp -d /tmp/swelancer-k8s-chart.XXXXXX)
trap 'rm -rf "$out"' EXIT
log() { echo "check-chart: $*"; }
die() { echo "check-chart: FAILED: $*" >&2; exit 1; }

cmp -s "$chart/files/swelancer-grafana.json" "$repo/dashboards/swelancer-grafana.json" \
  || die "helm/swelancer/files/swelancer-grafana.json differs from dashboards/swelancer-grafana.json (copy it over)"

sets=(default "$chart/ci/external-dind-values.yaml" "$chart/ci/socket-servicemonitor-values.yaml")
for helm in "$HELM3" "$HELM4"; do
  v=$("$helm" version --short)
  for set in "${sets[@]}"; do
    f=(); [[ $set == default ]] || f=(-f "$set")
    "$helm" lint --strict "$chart" "${f[@]}" >"$out/lint.log" 2>&1 || { cat "$out/lint.log"; die "helm $v lint --strict ${set##*/}"; }
    for kube in 1.20.2 default; do
      k=(); [[ $kube == default ]] || k=(--kube-version "$kube")
      name="$(basename "$set" .yaml)-$kube-${v%%+*}"
      "$helm" template swl "$chart" --namespace sweeps "${f[@]}" "${k[@]}" > "$out/$name.yaml" 2>"$out/template.log" \
        || { cat "$out/template.log"; die "helm $v template ${set##*/} (kube $kube)"; }
      kv=$kube; [[ $kube == default ]] && kv=1.32
      node "$repo/scripts/k8s/validate-manifests.js" --kube-version "$kv" "$out/$name.yaml" | sed "s#$out/##" || die "$name"
    done
  done
  log "helm $v: lint --strict and template of ${#sets[@]} value sets x 2 Kubernetes versions passed"
done
node "$repo/scripts/k8s/validate-selftest.js" "$out/default-default-${v%%+*}.yaml"

# Wrong values fail at install time with the value's name.
refuse() {  # refuse EXPECTED-TEXT HELM-ARGS...
  local expected=$1; shift
  if "$HELM3" template swl "$chart" "$@" >/dev/null 2>"$out/err.log"; then die "helm template $* was accepted"; fi
  grep -qF -- "$expected" "$out/err.log" || { cat "$out/err.log"; die "helm template $*: the message does not name $expected"; }
  log "refused $* ($(grep -F -- "$expected" "$out/err.log" | head -n 1 | sed 's/^[- ]*//'))"
}
refuse grader.docker.mode --set grader.docker.mode=podman
refuse grader.replicas --set grader.replicas=-1
refuse grader.containerUser --set grader.containerUser=root:root:x
refuse grader.resources.requests.cpu --set grader.resources.requests.cpu=lots
refuse postgresql.external.existingSecret --set postgresql.mode=external
refuse grader.antiAffinity --set grader.antiAffinity=preferred
refuse cluster.remotingPort --set cluster.remotingPort=70000
refuse telemetry.otlpEndpoint --set telemetry.otlpEndpoint=collector:4317
refuse "Additional property replica is not allowed" --set grader.replica=3
log "passed in $(( SECONDS - start )) s"
