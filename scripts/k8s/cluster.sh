#!/usr/bin/env bash
# A single-node Kubernetes 1.20.2 control plane and kubelet on this machine, for the chart's live test.
#   scripts/k8s/cluster.sh up     start etcd, kube-apiserver, kube-controller-manager, kube-scheduler, the kubelet (on the
#                                 machine's Docker engine, dockershim) and the cluster DNS; wait until the node is Ready
#   scripts/k8s/cluster.sh down   delete every pod, stop everything it started (by PID), restore the sysctls the kubelet
#                                 changed, unmount and remove its state
# Binaries come from scripts/k8s/build-kubernetes.sh. Pod network: the CNI bridge plugin (Debian's
# containernetworking-plugins) on a bridge of its own, swlk8s0 with 10.244.0.0/24; its gateway 10.244.0.1 is the node's
# address, so pods reach host-network pods there (Docker's docker0 is not used: other work on this machine's engine may
# delete it). Control plane on 127.0.0.1: apiserver :16443, etcd :23790.
# Cluster DNS: no CoreDNS image exists here, so a host dnsmasq on the node address is the kubelet's --cluster-dns, fed
# by a loop that writes every StatefulSet pod's record (<pod>.<service>.<namespace>.svc.cluster.local) and each headless
# Service's records from the API. No kube-proxy: Service IPs do not route (the chart's pods use pod DNS names, and
# kubectl port-forward goes to a pod). Privileged pods are refused (--allow-privileged=false; they cannot run here).
# State and logs: $K8S_RUN (default /var/lib/swelancer-k8s). The kubeconfig: $K8S_RUN/kubeconfig.
set -euo pipefail
CACHE=${K8S_CACHE:-/var/cache/swelancer-k8s}
RUN=${K8S_RUN:-/var/lib/swelancer-k8s}
BIN="$CACHE/bin"
PAUSE_IMAGE=swelancer-k8s/pause:3.2
DOMAIN=cluster.local
BRIDGE=swlk8s0
NODE_IP=10.244.0.1
POD_SUBNET=10.244.0.0/24
FORWARD_RULE=(FORWARD -i "$BRIDGE" -o "$BRIDGE" -m comment --comment swelancer-k8s -j ACCEPT)
log() { echo "k8s-cluster: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
[[ $(id -u) -eq 0 ]] || die "needs root"
export KUBECONFIG="$RUN/kubeconfig"

start_bg() {  # start_bg NAME COMMAND...: runs it in the background, PID in $RUN/pids/NAME, log in $RUN/logs/NAME.log
  local name=$1; shift
  setsid "$@" >"$RUN/logs/$name.log" 2>&1 </dev/null &
  echo $! > "$RUN/pids/$name"
}

stop_pid() {
  local f="$RUN/pids/$1" pid
  [[ -f $f ]] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

dns_feeder() {  # writes the pods' and headless Services' records for dnsmasq and reloads it when they change
  local hosts="$RUN/dns/hosts" json new
  while true; do
    if json=$("$KUBECTL" get pods -A -o json 2>/dev/null); then
      new=$(jq -r --arg d "$DOMAIN" '.items[] | select(.status.podIP != null and .spec.hostname != null and .spec.subdomain != null and .metadata.deletionTimestamp == null)
            | "\(.status.podIP) \(.spec.hostname).\(.spec.subdomain).\(.metadata.namespace).svc.\($d)\n\(.status.podIP) \(.spec.subdomain).\(.metadata.namespace).svc.\($d)"' <<<"$json" | sort -u)
      if [[ $new != "$(cat "$hosts" 2>/dev/null)" ]]; then
        printf '%s\n' "$new" > "$hosts.tmp" && mv "$hosts.tmp" "$hosts"
        kill -HUP "$(cat "$RUN/pids/dnsmasq")" 2>/dev/null || true
      fi
    fi
    sleep 1
  done
}

up() {
  [[ -x /usr/lib/cni/bridge && -x /usr/lib/cni/host-local && -x /usr/lib/cni/loopback ]] || die "CNI plugins missing: run scripts/k8s/tools.sh"
  for b in kube-apiserver kube-controller-manager kube-scheduler kubelet; do [[ -x $BIN/$b ]] || die "$BIN/$b missing: run scripts/k8s/build-kubernetes.sh"; done
  docker image inspect "$PAUSE_IMAGE" >/dev/null 2>&1 || die "image $PAUSE_IMAGE missing: run scripts/k8s/build-kubernetes.sh"
  KUBECTL=$(command -v kubectl) || die "kubectl missing: run scripts/k8s/tools.sh"
  [[ -d $RUN/pids && -n $(ls -A "$RUN/pids" 2>/dev/null) ]] && { log "a previous cluster is still recorded in $RUN; stopping it first"; down; }
  rm -rf "$RUN" && mkdir -p "$RUN"/{pids,logs,pki,dns,etcd,kubelet}
  local node_ip=$NODE_IP
  echo "$node_ip" > "$RUN/node-ip"
  # The pod bridge exists before the first pod, so the node address and the DNS server are there from the start.
  ip link show "$BRIDGE" >/dev/null 2>&1 || ip link add "$BRIDGE" type bridge
  ip addr replace "$NODE_IP/24" dev "$BRIDGE" && ip link set "$BRIDGE" up
  # Docker's FORWARD policy is DROP and bridged traffic passes iptables: let pods on the bridge talk to each other.
  iptables -w -C "${FORWARD_RULE[@]}" 2>/dev/null || iptables -w -I "${FORWARD_RULE[@]}"
  mkdir -p "$RUN/cni"
  cat > "$RUN/cni/10-swelancer-k8s.conflist" <<CNI
{"cniVersion": "0.4.0", "name": "swelancer-k8s", "plugins": [
  {"type": "bridge", "bridge": "$BRIDGE", "isGateway": true, "ipMasq": false, "hairpinMode": true,
   "ipam": {"type": "host-local", "subnet": "$POD_SUBNET", "gateway": "$NODE_IP", "dataDir": "$RUN/cni/ipam", "routes": [{"dst": "0.0.0.0/0"}]}}]}
CNI
  sysctl -n vm.overcommit_memory kernel.panic kernel.panic_on_oops > "$RUN/sysctls"

  # A self-made CA, the apiserver's certificate and the service-account key pair.
  local p="$RUN/pki"
  ( cd "$p"
    openssl genrsa -out ca.key 2048 2>/dev/null
    openssl req -x509 -new -key ca.key -subj /CN=swelancer-k8s-ca -days 2 -out ca.crt 2>/dev/null
    openssl genrsa -out apiserver.key 2048 2>/dev/null
    openssl req -new -key apiserver.key -subj /CN=kube-apiserver -out apiserver.csr 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,IP:10.96.0.1,IP:%s,DNS:localhost,DNS:kubernetes.default.svc\n' "$node_ip" > san.ext
    openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile san.ext -out apiserver.crt 2>/dev/null
    openssl genrsa -out sa.key 2048 2>/dev/null
    openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
    token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    echo "$token,admin,admin,system:masters" > tokens.csv
    echo "$token" > admin.token )
  "$KUBECTL" config set-cluster local --server=https://127.0.0.1:16443 --certificate-authority="$p/ca.crt" --embed-certs >/dev/null
  "$KUBECTL" config set-credentials admin --token="$(cat "$p/admin.token")" >/dev/null
  "$KUBECTL" config set-context local --cluster=local --user=admin >/dev/null
  "$KUBECTL" config use-context local >/dev/null

  start_bg etcd etcd --data-dir "$RUN/etcd" --listen-client-urls http://127.0.0.1:23790 --advertise-client-urls http://127.0.0.1:23790 \
    --listen-peer-urls http://127.0.0.1:23800 --initial-advertise-peer-urls http://127.0.0.1:23800 \
    --initial-cluster default=http://127.0.0.1:23800 --name default
  start_bg kube-apiserver "$BIN/kube-apiserver" --etcd-servers=http://127.0.0.1:23790 --bind-address=127.0.0.1 --secure-port=16443 \
    --advertise-address="$node_ip" --insecure-port=0 --tls-cert-file="$p/apiserver.crt" --tls-private-key-file="$p/apiserver.key" \
    --client-ca-file="$p/ca.crt" --token-auth-file="$p/tokens.csv" --authorization-mode=RBAC \
    --service-cluster-ip-range=10.96.0.0/16 --service-account-key-file="$p/sa.pub" --service-account-signing-key-file="$p/sa.key" \
    --service-account-issuer=https://kubernetes.default.svc.$DOMAIN --allow-privileged=false \
    --enable-admission-plugins=NamespaceLifecycle,LimitRanger,ServiceAccount,DefaultStorageClass,ResourceQuota \
    --kubelet-preferred-address-types=InternalIP --endpoint-reconciler-type=none
  for i in $(seq 1 60); do "$KUBECTL" get --raw /readyz >/dev/null 2>&1 && break; sleep 1; [[ $i == 60 ]] && { tail -n 20 "$RUN/logs/kube-apiserver.log" >&2; die "kube-apiserver not ready in 60 s"; }; done
  start_bg kube-controller-manager "$BIN/kube-controller-manager" --kubeconfig="$KUBECONFIG" --controllers='*,-nodeipam' \
    --service-account-private-key-file="$p/sa.key" --root-ca-file="$p/ca.crt" --leader-elect=false --bind-address=127.0.0.1 \
    --port=0 --secure-port=0
  start_bg kube-scheduler "$BIN/kube-scheduler" --kubeconfig="$KUBECONFIG" --leader-elect=false --bind-address=127.0.0.1 --port=0 --secure-port=0

  # Cluster DNS: dnsmasq on the node address answers *.cluster.local from the feeder's records, nothing else.
  : > "$RUN/dns/hosts"
  start_bg dnsmasq dnsmasq --keep-in-foreground --no-resolv --no-hosts --addn-hosts="$RUN/dns/hosts" --listen-address="$node_ip" \
    --bind-interfaces --port=53 --local=/$DOMAIN/ --no-negcache --user=root --pid-file="$RUN/dnsmasq.pid" --log-facility=-
  export KUBECTL RUN DOMAIN KUBECONFIG
  export -f dns_feeder
  start_bg dns-feeder bash -c dns_feeder

  start_bg kubelet "$BIN/kubelet" --kubeconfig="$KUBECONFIG" --container-runtime=docker --pod-infra-container-image="$PAUSE_IMAGE" \
    --cgroup-driver=cgroupfs --cgroups-per-qos=false --enforce-node-allocatable= --fail-swap-on=false --hostname-override=localhost \
    --node-ip="$node_ip" --network-plugin=cni --cni-bin-dir=/usr/lib/cni --cni-conf-dir="$RUN/cni" --oom-score-adj=0 --cluster-dns="$node_ip" --cluster-domain=$DOMAIN --root-dir="$RUN/kubelet" \
    --image-gc-high-threshold=100 --image-gc-low-threshold=99 --eviction-hard= --make-iptables-util-chains=false \
    --anonymous-auth=true --authorization-mode=AlwaysAllow --read-only-port=0 --port=10250 --healthz-port=10248 \
    --allowed-unsafe-sysctls= --serialize-image-pulls=false --max-pods=30
  local t=$SECONDS
  until [[ $("$KUBECTL" get node localhost -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null) == True ]]; do
    (( SECONDS - t < 120 )) || { tail -n 30 "$RUN/logs/kubelet.log" >&2; die "the node did not become Ready in 120 s"; }
    for n in etcd kube-apiserver kube-controller-manager kube-scheduler kubelet dnsmasq; do
      kill -0 "$(cat "$RUN/pids/$n")" 2>/dev/null || { tail -n 30 "$RUN/logs/$n.log" >&2; die "$n exited"; }
    done
    sleep 1
  done
  for _ in $(seq 1 60); do "$KUBECTL" get serviceaccount default >/dev/null 2>&1 && break; sleep 1; done
  log "Kubernetes $("$BIN/kubelet" --version | awk '{print $2}') up: node localhost Ready after $(( SECONDS - t )) s (node address $node_ip; KUBECONFIG=$KUBECONFIG)"
}

down() {
  [[ -d $RUN ]] || return 0
  KUBECTL=$(command -v kubectl || true)
  if [[ -n $KUBECTL && -f $RUN/pids/kube-apiserver && -f $RUN/pids/kubelet ]]; then
    # Pods first: the kubelet leaves their containers running when it is stopped.
    "$KUBECTL" delete pods -A --all --grace-period=30 --wait=false >/dev/null 2>&1 || true
    for _ in $(seq 1 60); do [[ -z $("$KUBECTL" get pods -A -o name 2>/dev/null) ]] && break; sleep 1; done
  fi
  for n in kubelet dns-feeder dnsmasq kube-scheduler kube-controller-manager kube-apiserver etcd; do stop_pid "$n"; done
  # Anything a pod of this kubelet left (dockershim names its containers k8s_*; the kubelet's root dir is ours).
  local left; left=$(docker ps -aq --filter "label=io.kubernetes.docker.type" --filter "name=^k8s_" 2>/dev/null || true)
  if [[ -n $left ]]; then
    for c in $left; do
      docker inspect -f '{{index .Config.Labels "io.kubernetes.pod.uid"}}' "$c" >/dev/null 2>&1 || continue
      [[ -e $RUN/kubelet/pods/$(docker inspect -f '{{index .Config.Labels "io.kubernetes.pod.uid"}}' "$c") ]] && docker rm -f "$c" >/dev/null 2>&1 || true
    done
  fi
  iptables -w -D "${FORWARD_RULE[@]}" 2>/dev/null || true
  ip link show "$BRIDGE" >/dev/null 2>&1 && ip link delete "$BRIDGE" 2>/dev/null || true
  if [[ -f $RUN/sysctls ]]; then
    mapfile -t v < "$RUN/sysctls"
    sysctl -q -w vm.overcommit_memory="${v[0]}" kernel.panic="${v[1]}" kernel.panic_on_oops="${v[2]}" || true
  fi
  awk -v r="$RUN/" 'index($2, r) == 1 {print $2}' /proc/mounts | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
  rm -rf "$RUN"
  log "stopped and removed"
}

case ${1:-} in
  up) up ;;
  down) down ;;
  *) die "usage: $0 up|down" ;;
esac
