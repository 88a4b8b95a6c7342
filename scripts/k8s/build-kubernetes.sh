#!/usr/bin/env bash
# Builds the Kubernetes 1.20.2 server binaries (kube-apiserver, kube-controller-manager, kube-scheduler, kubelet) from
# Debian bookworm's `kubernetes` source package, and the pause image, for the live install test (scripts/k8s-test.sh).
# No registry or GitHub is needed: the source (with vendor/) comes from the Debian mirror the machine already uses.
# Patches (see ../shared/PLATFORM.md, "Kubernetes on this machine"): this machine lacks CAP_SYS_RESOURCE, so no
# process may set a negative oom_score_adj; the pod sandbox gets 0 and Guaranteed pods get 1 instead of -997, and
# Burstable pods' floor becomes 2 (upstream: 1000 + the Guaranteed value, which would then be an invalid 1001).
# Idempotent: skipped when $K8S_CACHE/bin holds binaries built by this recipe (stamp file). Runs under `nice -n 10`.
# Output: $K8S_CACHE/bin/{kube-apiserver,kube-controller-manager,kube-scheduler,kubelet}, image swelancer-k8s/pause:3.2.
# Environment: K8S_CACHE (default /var/cache/swelancer-k8s), K8S_MIRROR (default: the machine's bookworm source).
set -euo pipefail
CACHE=${K8S_CACHE:-/var/cache/swelancer-k8s}
RECIPE="kubernetes-1.20.2 bookworm oomadj0 r2"
PAUSE_IMAGE=swelancer-k8s/pause:3.2
log() { echo "build-kubernetes: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
[[ $(id -u) -eq 0 ]] || die "needs root"
start=$(date +%s)

need=()
command -v go >/dev/null 2>&1 || need+=(golang-go)
command -v etcd >/dev/null 2>&1 || need+=(etcd-server)
command -v rsync >/dev/null 2>&1 || need+=(rsync)
command -v jq >/dev/null 2>&1 || need+=(jq)
command -v gcc >/dev/null 2>&1 || need+=(gcc libc6-dev)
command -v make >/dev/null 2>&1 || need+=(make)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v dpkg-source >/dev/null 2>&1 || need+=(dpkg-dev)
if (( ${#need[@]} )); then
  log "installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

mkdir -p "$CACHE"
exec 8> "$CACHE/build.lock"
flock 8

bins=(kube-apiserver kube-controller-manager kube-scheduler kubelet)
if [[ -f $CACHE/bin/.recipe && $(cat "$CACHE/bin/.recipe") == "$RECIPE" ]]; then
  log "binaries up to date in $CACHE/bin ($RECIPE)"
else
  # The bookworm mirror the machine uses (deb822 or one-line sources), else deb.debian.org.
  mirror=${K8S_MIRROR:-$( { grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security;
                            grep -hE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | grep -v security | awk '{for(i=2;i<=NF;i++) if ($i ~ /^https?:/) {print $i; break}}'; } | grep -i debian | head -n 1 || true)}
  mirror=${mirror:-http://deb.debian.org/debian}
  src="$CACHE/src"
  if [[ ! -d $src/kubernetes ]]; then
    log "downloading the kubernetes source package from $mirror (bookworm)"
    rm -rf "$src" && mkdir -p "$src/lists/partial" && chmod -R a+rwx "$src"
    echo "deb-src $mirror bookworm main" > "$src/sources.list"
    opts=(-o Dir::Etc::SourceList="$src/sources.list" -o Dir::Etc::SourceParts=/nonexistent -o Dir::State::Lists="$src/lists")
    apt-get "${opts[@]}" update -qq
    (cd "$src" && apt-get "${opts[@]}" source -qq --download-only kubernetes)
    dsc=$(ls "$src"/kubernetes_*.dsc | head -n 1)
    (cd "$src" && dpkg-source --no-check -x "$dsc" kubernetes >/dev/null)
  fi
  k="$src/kubernetes"
  sed -i -E 's/^(\s*defaultSandboxOOMAdj\s+int\s*=\s*)-[0-9]+/\10/' "$k/pkg/kubelet/dockershim/docker_sandbox.go"
  sed -i -E 's/^(\s*guaranteedOOMScoreAdj\s+int\s*=\s*)-[0-9]+/\11/' "$k/pkg/kubelet/qos/policy.go"
  # Burstable pods' floor is 1000 + guaranteedOOMScoreAdj upstream (2); with Guaranteed at 1 it must become 2 itself,
  # else every Burstable container asks Docker for oom_score_adj 1001 and is refused.
  sed -i 's/(1000 + guaranteedOOMScoreAdj)/(guaranteedOOMScoreAdj + 1)/g' "$k/pkg/kubelet/qos/policy.go"
  grep -qE 'defaultSandboxOOMAdj\s+int\s*=\s*0' "$k/pkg/kubelet/dockershim/docker_sandbox.go" || die "sandbox oom patch did not apply"
  grep -qF '(guaranteedOOMScoreAdj + 1)' "$k/pkg/kubelet/qos/policy.go" || die "burstable oom floor patch did not apply"
  grep -qE 'guaranteedOOMScoreAdj\s+int\s*=\s*1' "$k/pkg/kubelet/qos/policy.go" || die "qos oom patch did not apply"
  log "building ${bins[*]} (about 10 min on 2 cores; Go cache $CACHE/gocache)"
  b0=$(date +%s)
  (cd "$k" && export GOCACHE="$CACHE/gocache" GOFLAGS=-mod=vendor KUBE_GIT_VERSION=v1.20.2 KUBE_GIT_TREE_STATE=clean \
     && nice -n 10 make WHAT="cmd/kube-apiserver cmd/kube-controller-manager cmd/kube-scheduler cmd/kubelet" >"$CACHE/make.log" 2>&1) \
    || { tail -n 40 "$CACHE/make.log" >&2; die "make failed (log $CACHE/make.log)"; }
  mkdir -p "$CACHE/bin"
  for b in "${bins[@]}"; do install -m 0755 "$k/_output/bin/$b" "$CACHE/bin/$b"; done
  echo "$RECIPE" > "$CACHE/bin/.recipe"
  log "built in $(( $(date +%s) - b0 )) s: $("$CACHE/bin/kubelet" --version)"
fi

if ! docker image inspect "$PAUSE_IMAGE" >/dev/null 2>&1; then
  pause_c="$CACHE/src/kubernetes/build/pause/linux/pause.c"
  [[ -f $pause_c ]] || die "$pause_c missing"
  tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
  gcc -Os -static -DVERSION=3.2 -o "$tmp/pause" "$pause_c"
  tar -C "$tmp" -c pause | docker import -c 'ENTRYPOINT ["/pause"]' -c 'LABEL swelancer-k8s=1' - "$PAUSE_IMAGE" >/dev/null
  log "imported $PAUSE_IMAGE"
fi
log "done in $(( $(date +%s) - start )) s"
