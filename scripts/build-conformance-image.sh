#!/usr/bin/env bash
# Builds swelancer-conformance/expensify:1, a small local image reproducing the interface of the official SWE-Lancer
# IC images (swelancer/swelancer_x86_<id>:releasev1 and the monolith): ENTRYPOINT ["/bin/bash","-l","-c"],
# CMD ["/app/tests/run.sh"], WORKDIR /app/expensify, /setup_done.txt, /app/tests (run_tests.yml, issues/<id>/...),
# an ansible-playbook reachable only through `bash -i`. See conformance/README.md.
# No registry is needed: the root filesystem comes from Debian's packages (debootstrap --variant=minbase, cached in
# $CONFORMANCE_CACHE_DIR, default /var/cache/swelancer) with conformance/image/ (/app), conformance/ansible-playbook
# and conformance/bashrc.snippet added, turned into an image with `docker import`.
# Idempotent: the image carries the label swelancer.conformance.hash (a hash of conformance/, this script and the
# package list) and is rebuilt only when that hash changes, or with --force.
# Needs root on a Debian 12 machine (installs debootstrap with apt-get when missing) and a running Docker engine.
# Environment: IMAGE, CONFORMANCE_MIRROR (default: the machine's bookworm apt source, else http://deb.debian.org/debian),
#              CONFORMANCE_CACHE_DIR.
# Usage: scripts/build-conformance-image.sh [--force]
set -euo pipefail
self="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
repo="$(cd "$(dirname "$self")/.." && pwd)"
src="$repo/conformance"

IMAGE=${IMAGE:-swelancer-conformance/expensify:1}
CACHE_DIR=${CONFORMANCE_CACHE_DIR:-/var/cache/swelancer}
SUITE=bookworm
PACKAGES=bash,git,zip,unzip,python3,patch
# Bump when the way the cached root filesystem is made changes (it is part of the cache key).
ROOTFS_RECIPE=1

die() { echo "build-conformance-image: $*" >&2; exit 1; }
force=false
case ${1:-} in
  --force) force=true ;;
  "") ;;
  *) die "usage: $0 [--force]" ;;
esac

[[ $(id -u) -eq 0 ]] || die "needs root (debootstrap and the root filesystem's file owners); run it with sudo"
[[ -d $src/image ]] || die "$src/image is missing"
for tool in docker tar git sha256sum flock; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing (apt-get install -y ${tool/docker/docker.io}; for Docker run scripts/setup-docker.sh)"
done
docker info >/dev/null 2>&1 || die "the Docker engine does not answer (docker info failed); run scripts/setup-docker.sh"

hash=$( { (cd "$src" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum &&
                     find . -type f -perm -u+x | LC_ALL=C sort);
          sha256sum < "$self"; echo "$SUITE $PACKAGES $ROOTFS_RECIPE"; } | sha256sum | cut -c1-16)
current() { docker image inspect -f '{{index .Config.Labels "swelancer.conformance.hash"}}' "$IMAGE" 2>/dev/null || true; }
if ! $force && [[ $(current) == "$hash" ]]; then
  echo "build-conformance-image: $IMAGE is up to date (hash $hash)" >&2
  exit 0
fi

mkdir -p "$CACHE_DIR"
exec 9> "$CACHE_DIR/conformance.lock"
flock 9
# Another build may have finished while this one waited for the lock.
if ! $force && [[ $(current) == "$hash" ]]; then
  echo "build-conformance-image: $IMAGE is up to date (hash $hash)" >&2
  exit 0
fi

# The machine's apt source for Debian's main archive (one-line or deb822 format), else deb.debian.org.
detect_mirror() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f $f ]] || continue
    awk -v s="$SUITE" '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
                        if ($(i+1) == s && $i !~ /security/) { print $i; exit } }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f $f ]] || continue
    awk -v s="$SUITE" 'function flush() { if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " s " ") && uris !~ /security/ && uris != "") { split(uris, u, " "); print u[1]; found = 1 } types = suites = uris = "" }
                       /^[ \t]*$/ { flush(); if (found) exit; next }
                       /^#/ { next }
                       tolower($1) == "types:" { $1 = ""; types = $0 }
                       tolower($1) == "suites:" { $1 = ""; suites = $0 }
                       tolower($1) == "uris:" { $1 = ""; uris = $0 }
                       END { if (!found) flush() }' "$f"
  done
}
mirror=${CONFORMANCE_MIRROR:-$(detect_mirror | head -n 1)}
mirror=${mirror:-http://deb.debian.org/debian}

rootfs_key=$(echo "$SUITE $PACKAGES $ROOTFS_RECIPE $(dpkg --print-architecture 2>/dev/null || uname -m)" | sha256sum | cut -c1-16)
rootfs_tar="$CACHE_DIR/conformance-rootfs-$rootfs_key.tar"
work=$(mktemp -d /var/tmp/swelancer-conformance.XXXXXX)
trap 'rm -rf "$work"' EXIT
start=$SECONDS

if [[ ! -s $rootfs_tar ]]; then
  if ! command -v debootstrap >/dev/null 2>&1; then
    command -v apt-get >/dev/null 2>&1 || die "debootstrap is missing and there is no apt-get to install it"
    echo "build-conformance-image: installing debootstrap" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null 2>&1 || {
      DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null; } ||
      die "could not install debootstrap with apt-get"
  fi
  echo "build-conformance-image: debootstrap $SUITE from $mirror (packages $PACKAGES; about a minute)" >&2
  mkdir "$work/rootfs"
  if ! debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$work/rootfs" "$mirror" > "$work/debootstrap.log" 2>&1; then
    tail -n 20 "$work/debootstrap.log" >&2
    [[ -f $work/rootfs/debootstrap/debootstrap.log ]] && tail -n 20 "$work/rootfs/debootstrap/debootstrap.log" >&2
    die "debootstrap failed (mirror $mirror; set CONFORMANCE_MIRROR to use another)"
  fi
  r="$work/rootfs"
  # Small-ish: no package caches, lists, documentation, manuals or translations. Docker provides /dev, /proc, /sys.
  rm -rf "$r"/var/cache/apt/archives/*.deb "$r"/var/cache/apt/*.bin "$r"/var/lib/apt/lists/* \
         "$r"/usr/share/doc/* "$r"/usr/share/man/* "$r"/usr/share/info/* "$r"/usr/share/locale/* \
         "$r"/usr/share/lintian "$r"/var/cache/debconf/*-old "$r"/var/log/*.log "$r"/var/log/apt/* \
         "$r"/dev/* "$r"/proc/* "$r"/sys/* "$r"/tmp/* "$r"/var/tmp/* "$r"/etc/hostname "$r"/etc/resolv.conf
  tar -C "$r" --numeric-owner -cf "$rootfs_tar.tmp" .
  mv "$rootfs_tar.tmp" "$rootfs_tar"
  rm -rf "$r"
  echo "build-conformance-image: cached the root filesystem in $rootfs_tar ($(( SECONDS - start )) s)" >&2
fi

r="$work/rootfs"
mkdir "$r"
tar -C "$r" --numeric-owner -xf "$rootfs_tar"
# conformance/image/ holds /app (expensify and tests); ansible-playbook goes to /root/.local/bin, on PATH through
# /root/.bashrc only (like upstream's pip --user and nvm).
cp -R "$src/image/." "$r/"
install -D -m 755 "$src/ansible-playbook" "$r/root/.local/bin/ansible-playbook"
cat "$src/bashrc.snippet" >> "$r/root/.bashrc"
chown -R 0:0 "$r/app" "$r/root"
chmod -R u+rwX,go+rX "$r/app" "$r/root/.local"
chmod 755 "$r/app/tests/run.sh" "$r/app/tests/setup_expensify.sh" "$r/root/.local/bin/ansible-playbook"
# /app/expensify is a git checkout (upstream: Expensify/App at the task's commit; setup commits the task's file).
(
  cd "$r/app/expensify"
  export HOME="$work" GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_DATE="2024-01-01T00:00:00Z" GIT_COMMITTER_DATE="2024-01-01T00:00:00Z"
  git -c init.defaultBranch=main init -q
  git add -A
  git -c user.name="Expensify Conformance" -c user.email=conformance@example.invalid commit -q -m "Initial commit"
)

old_id=$(docker image inspect -f '{{.Id}}' "$IMAGE" 2>/dev/null || true)
tar -C "$r" --numeric-owner -cf - . | docker import \
  --change "LABEL swelancer.conformance.hash=$hash" \
  --change 'LABEL org.opencontainers.image.title=swelancer-conformance-expensify' \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV CONFORMANCE_SETUP_DELAY=1' \
  --change 'WORKDIR /app/expensify' \
  --change 'ENTRYPOINT ["/bin/bash","-l","-c"]' \
  --change 'CMD ["/app/tests/run.sh"]' \
  - "$IMAGE" >/dev/null
new_id=$(docker image inspect -f '{{.Id}}' "$IMAGE")
# Drop the previous build unless a container still uses it.
[[ -n $old_id && $old_id != "$new_id" ]] && docker image rm "$old_id" >/dev/null 2>&1 || true
size=$(docker image inspect -f '{{.Size}}' "$IMAGE")
echo "build-conformance-image: built $IMAGE (hash $hash, $(( size / 1000000 )) MB, $(( SECONDS - start )) s)" >&2
