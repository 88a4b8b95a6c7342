#!/usr/bin/env bash
# Builds the sample app image swelancer-sample/freelance-app:1 without any registry:
# a root filesystem made of Debian's busybox-static (/bin/busybox plus its applet symlinks) and the app
# (app/ -> /srv/app), turned into an image with `docker import`.
# Idempotent: the image carries the label swelancer.sample.hash (a hash of the app sources, this script and
# the busybox binary) and is rebuilt only when that hash changes.  Usage: ./build-image.sh [--force]
set -euo pipefail
self="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
rootfs="$(cd "$(dirname "$self")/../../scripts" && pwd)/busybox-rootfs.sh"
cd "$(dirname "$self")"

IMAGE=${IMAGE:-swelancer-sample/freelance-app:1}
BUSYBOX=${BUSYBOX:-/bin/busybox}

if [[ ! -x $BUSYBOX ]] || ! "$BUSYBOX" --list | grep -x httpd >/dev/null; then
  echo "build-image: $BUSYBOX (busybox-static with httpd) is missing; run scripts/setup-docker.sh" >&2
  exit 1
fi
if file -L "$BUSYBOX" 2>/dev/null | grep 'dynamically linked' >/dev/null; then
  echo "build-image: $BUSYBOX is dynamically linked; install busybox-static" >&2
  exit 1
fi

hash=$( { (cd app && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum; find . -type f -perm -u+x | LC_ALL=C sort);
          sha256sum < "$self"; sha256sum < "$rootfs"; sha256sum < "$BUSYBOX"; } | sha256sum | cut -c1-16)

if [[ ${1:-} != --force ]] && [[ $(docker image inspect -f '{{index .Config.Labels "swelancer.sample.hash"}}' "$IMAGE" 2>/dev/null || true) == "$hash" ]]; then
  echo "build-image: $IMAGE is up to date (hash $hash)" >&2
  exit 0
fi

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
"$rootfs" "$root" "$BUSYBOX"
mkdir -p "$root"/{srv,hidden-tests,var/www}
printf 'www:x:33:33:www:/var/www:/bin/false\n' >> "$root/etc/passwd"
printf 'www:x:33:\n' >> "$root/etc/group"
cp -a app "$root/srv/app"
chmod -R u+rwX,go+rX "$root/srv/app"
chmod 755 "$root"/srv/app/cgi-bin/*

tar -C "$root" --numeric-owner --owner=0 --group=0 -cf - . | docker import \
  --change 'LABEL swelancer.sample.hash='"$hash" \
  --change 'LABEL org.opencontainers.image.title=freelance-app' \
  --change 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'WORKDIR /srv/app' \
  --change 'EXPOSE 8080' \
  --change 'CMD ["/bin/busybox", "httpd", "-f", "-p", "8080", "-h", "/srv/app"]' \
  - "$IMAGE" >/dev/null
echo "build-image: built $IMAGE (hash $hash)" >&2
