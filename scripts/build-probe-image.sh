#!/usr/bin/env bash
# Builds swelancer-probe/busybox:1, a tiny image (Debian's busybox-static and its applet links, nothing else) used by
# the container-limits specs. No registry is needed: the root filesystem is turned into an image with `docker import`.
# Rebuilt only when missing or with --force.
set -euo pipefail
IMAGE=${IMAGE:-swelancer-probe/busybox:1}
BUSYBOX=${BUSYBOX:-/bin/busybox}

if [[ ${1:-} != --force ]] && docker image inspect "$IMAGE" >/dev/null 2>&1; then
  exit 0
fi
if [[ ! -x $BUSYBOX ]] || file -L "$BUSYBOX" 2>/dev/null | grep 'dynamically linked' >/dev/null; then
  echo "build-probe-image: $BUSYBOX must be busybox-static (apt-get install -y busybox-static)" >&2
  exit 1
fi
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
"$(dirname "${BASH_SOURCE[0]}")/busybox-rootfs.sh" "$root" "$BUSYBOX"
tar -C "$root" --numeric-owner --owner=0 --group=0 -cf - . | docker import \
  --change 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'LABEL org.opencontainers.image.title=swelancer-probe' \
  - "$IMAGE" >/dev/null
echo "build-probe-image: built $IMAGE" >&2
