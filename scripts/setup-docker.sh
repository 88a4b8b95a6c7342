#!/usr/bin/env bash
# Installs (from Debian's packages) and starts a Docker engine for the container runner and the sample pool.
# Idempotent; needs root (or sudo) on a fresh Debian 12 machine. Installs docker.io, busybox-static, patch and iproute2
# when missing, starts dockerd in the background when it is not running, and waits up to 60 s for it.
set -euo pipefail

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
need_packages=()
command -v dockerd >/dev/null 2>&1 || need_packages+=(docker.io)
[[ -x /bin/busybox ]] && /bin/busybox --list 2>/dev/null | grep -x httpd >/dev/null || need_packages+=(busybox-static)
command -v patch >/dev/null 2>&1 || need_packages+=(patch)
# ip: DockerdRestartedSpec runs a private engine in a network namespace of its own.
command -v ip >/dev/null 2>&1 || need_packages+=(iproute2)

if (( ${#need_packages[@]} )); then
  echo "setup-docker: installing ${need_packages[*]}" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

docker_ok() { as_root docker info >/dev/null 2>&1; }

if ! docker_ok; then
  if pgrep -x dockerd >/dev/null 2>&1; then
    echo "setup-docker: dockerd is running but not answering yet; waiting" >&2
  else
    echo "setup-docker: starting dockerd (log: /var/log/dockerd.log)" >&2
    as_root bash -c 'nohup dockerd >/var/log/dockerd.log 2>&1 </dev/null &'
  fi
  for _ in $(seq 1 60); do
    docker_ok && break
    sleep 1
  done
fi

if ! docker_ok; then
  echo "setup-docker: ERROR: the Docker engine did not become ready within 60 s." >&2
  echo "setup-docker: last lines of /var/log/dockerd.log:" >&2
  as_root tail -n 20 /var/log/dockerd.log >&2 || true
  exit 1
fi
# Chromium (the browser runner) aborts in-flight requests with net::ERR_NETWORK_CHANGED whenever an interface gets
# a new IPv6 address, which Docker's veth interfaces do each time a container starts or stops. Interfaces created
# from now on get no IPv6 (existing ones keep theirs). Set SWELANCER_KEEP_IPV6=1 to skip this.
if [[ ${SWELANCER_KEEP_IPV6:-0} != 1 ]] && [[ $(sysctl -n net.ipv6.conf.default.disable_ipv6 2>/dev/null || echo 1) != 1 ]]; then
  as_root sysctl -q -w net.ipv6.conf.default.disable_ipv6=1 && echo "setup-docker: IPv6 disabled on new interfaces (see script)" >&2
fi
echo "setup-docker: Docker $(as_root docker version --format '{{.Server.Version}}') ready" >&2
