#!/usr/bin/env bash
# Builds the chart's three images offline (no registry is reachable here) and imports them into the local Docker
# engine: swelancer-k8s/coordinator:$TAG, swelancer-k8s/grader:$TAG, swelancer-k8s/postgresql:15.
# - A root filesystem from Debian's packages: debootstrap --variant=minbase bookworm (with ca-certificates, gpgv, ICU,
#   OpenSSL, tzdata); the grader's adds chromium, patch and iptables, the database's postgresql-15 (uid 999).
#   Each is cached as a tarball in $K8S_CACHE/rootfs, keyed by its package list.
# - `dotnet publish -r linux-x64 --self-contained` of src/Coordinator and src/GraderNode into /opt/swelancer
#   (intermediate files under $K8S_CACHE/artifacts, so the checkout's bin/obj are untouched).
# - `docker import` with the same ENV/USER/WORKDIR/ENTRYPOINT as helm/images/*/Dockerfile (for users with a registry).
# Idempotent: an image whose label swelancer-k8s.hash matches its inputs is kept. Every image carries the label
# swelancer-k8s=1. Needs root and a running Docker engine.
# Environment: TAG (default local), K8S_CACHE (default /var/cache/swelancer-k8s), K8S_MIRROR.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
self="$repo/scripts/k8s/build-images.sh"
CACHE=${K8S_CACHE:-/var/cache/swelancer-k8s}
TAG=${TAG:-local}
SUITE=bookworm
BASE_PACKAGES=ca-certificates,libicu72,libssl3,tzdata,gpgv
GRADER_PACKAGES="chromium patch iptables"
PG_PACKAGES="postgresql-15"
log() { echo "build-images: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
[[ $(id -u) -eq 0 ]] || die "needs root (debootstrap, chroot, file owners)"
docker info >/dev/null 2>&1 || die "the Docker engine does not answer; run scripts/setup-docker.sh"
command -v debootstrap >/dev/null 2>&1 || { log "installing debootstrap"; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null 2>&1 || { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null; }; }
start=$SECONDS
mkdir -p "$CACHE/rootfs"
exec 9> "$CACHE/images.lock"
flock 9

mirror=${K8S_MIRROR:-$( { grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security;
                          grep -hE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | grep -v security | awk '{for(i=2;i<=NF;i++) if ($i ~ /^https?:/) {print $i; break}}'; } | grep -i debian | head -n 1 || true)}
mirror=${mirror:-http://deb.debian.org/debian}
work=$(mktemp -d /var/tmp/swelancer-k8s-images.XXXXXX)
trap 'rm -rf "$work"' EXIT

slim() {  # no package caches, lists, docs, manuals or locales; Docker provides /dev, /proc, /sys
  local r=$1
  rm -rf "$r"/var/cache/apt/archives/*.deb "$r"/var/cache/apt/*.bin "$r"/var/lib/apt/lists/* \
         "$r"/usr/share/doc/* "$r"/usr/share/man/* "$r"/usr/share/info/* "$r"/usr/share/locale/* \
         "$r"/usr/share/lintian "$r"/var/log/*.log "$r"/var/log/apt/* "$r"/dev/* "$r"/proc/* "$r"/sys/* \
         "$r"/tmp/* "$r"/var/tmp/* "$r"/etc/hostname "$r"/usr/sbin/policy-rc.d
  printf 'nameserver 127.0.0.1\n' > "$r/etc/resolv.conf"
}

# rootfs NAME KEY SETUP: the cached tarball of root filesystem NAME, made by function SETUP on a fresh base.
base_key=$(echo "$SUITE $BASE_PACKAGES r1" | sha256sum | cut -c1-12)
base_tar="$CACHE/rootfs/base-$base_key.tar"
if [[ ! -s $base_tar ]]; then
  log "debootstrap --variant=minbase $SUITE from $mirror (about a minute)"
  t=$SECONDS
  debootstrap --variant=minbase --include="$BASE_PACKAGES" "$SUITE" "$work/base" "$mirror" > "$work/debootstrap.log" 2>&1 \
    || { tail -n 20 "$work/debootstrap.log" >&2; die "debootstrap failed (mirror $mirror; set K8S_MIRROR)"; }
  slim "$work/base"
  tar -C "$work/base" --numeric-owner -cf "$base_tar.tmp" . && mv "$base_tar.tmp" "$base_tar"
  rm -rf "$work/base"
  log "base root filesystem cached ($(( SECONDS - t )) s)"
fi

derived() {  # derived NAME PACKAGES PRE-COMMAND: the base plus Debian packages installed in a chroot
  local name=$1 packages=$2 pre=$3 key tarball r t
  key=$(echo "$base_key $packages $pre r1" | sha256sum | cut -c1-12)
  tarball="$CACHE/rootfs/$name-$key.tar"
  if [[ ! -s $tarball ]]; then
    t=$SECONDS
    log "root filesystem $name: apt-get install $packages (in a chroot)"
    r="$work/$name" && mkdir "$r"
    tar -C "$r" --numeric-owner -xf "$base_tar"
    cp /etc/resolv.conf "$r/etc/resolv.conf"
    printf '#!/bin/sh\nexit 101\n' > "$r/usr/sbin/policy-rc.d" && chmod 755 "$r/usr/sbin/policy-rc.d"
    # The device nodes apt and maintainer scripts use (removed again by slim; Docker provides /dev).
    mknod -m 666 "$r/dev/null" c 1 3 && mknod -m 666 "$r/dev/zero" c 1 5 && mknod -m 666 "$r/dev/urandom" c 1 9 && mknod -m 666 "$r/dev/random" c 1 8
    [[ -n $pre ]] && chroot "$r" /bin/sh -c "$pre"
    { chroot "$r" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      chroot "$r" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages; } > "$work/$name-apt.log" 2>&1 \
      || { tail -n 20 "$work/$name-apt.log" >&2; die "apt-get install $packages failed in the $name root filesystem"; }
    slim "$r"
    tar -C "$r" --numeric-owner -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
    rm -rf "$r"
    log "root filesystem $name cached ($(( SECONDS - t )) s)"
  fi
  echo "$tarball"
}
grader_tar=$(derived grader "$GRADER_PACKAGES" "")
pg_tar=$(derived postgresql "$PG_PACKAGES" "groupadd -g 999 postgres && useradd -u 999 -g 999 -d /var/lib/postgresql -M postgres && mkdir -p /etc/postgresql-common && echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.conf")

publish() {  # publish PROJECT NAME
  local t=$SECONDS
  rm -rf "$CACHE/publish/$2"
  nice -n 5 dotnet publish "$repo/$1" -c Release -r linux-x64 --self-contained --nologo -clp:ErrorsOnly \
    --artifacts-path "$CACHE/artifacts" -o "$CACHE/publish/$2" >"$work/publish-$2.log" 2>&1 \
    || { tail -n 30 "$work/publish-$2.log" >&2; die "dotnet publish $1 failed"; }
  log "published $1 ($(( SECONDS - t )) s)"
}
publish src/Coordinator coordinator
publish src/GraderNode grader

# import IMAGE ROOTFS-TAR PUBLISH-DIR(or -) EXTRA-DIR(or -) CHANGES...: assembles and imports when its hash changed.
import() {
  local image=$1 rootfs=$2 pub=$3 prep=$4; shift 4
  local hash old new r t=$SECONDS
  hash=$( { echo "$rootfs $*"; sha256sum < "$self"; [[ $pub == - ]] || (cd "$pub" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum);
            [[ $prep == - ]] || (cd "$prep" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum); } | sha256sum | cut -c1-16)
  if [[ $(docker image inspect -f '{{index .Config.Labels "swelancer-k8s.hash"}}' "$image" 2>/dev/null || true) == "$hash" ]]; then
    log "$image is up to date (hash $hash)"
    return
  fi
  r="$work/image" && rm -rf "$r" && mkdir "$r"
  tar -C "$r" --numeric-owner -xf "$rootfs"
  if [[ $pub != - ]]; then mkdir -p "$r/opt/swelancer" && cp -a "$pub/." "$r/opt/swelancer/"; fi
  [[ $prep == - ]] || install -m 0755 "$prep/entrypoint.sh" "$r/usr/local/bin/swelancer-postgresql"
  mkdir -p "$r/var/lib/swelancer/artefacts" "$r/tmp" && chmod 1777 "$r/tmp"
  if [[ $image == *coordinator* ]]; then
    grep -q '^swelancer:' "$r/etc/passwd" || { echo 'swelancer:x:10001:10001::/var/lib/swelancer:/usr/sbin/nologin' >> "$r/etc/passwd"; echo 'swelancer:x:10001:' >> "$r/etc/group"; }
    chown -R 10001:10001 "$r/var/lib/swelancer"
  fi
  [[ $image == *postgresql* ]] && mkdir -p "$r/var/lib/postgresql/data" && chown -R 999:999 "$r/var/lib/postgresql"
  old=$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)
  local changes=(--change "LABEL swelancer-k8s=1" --change "LABEL swelancer-k8s.hash=$hash")
  local c; for c in "$@"; do changes+=(--change "$c"); done
  tar -C "$r" --numeric-owner -cf - . | docker import "${changes[@]}" - "$image" >/dev/null
  new=$(docker image inspect -f '{{.Id}}' "$image")
  [[ -n $old && $old != "$new" ]] && docker image rm "$old" >/dev/null 2>&1 || true
  rm -rf "$r"
  log "imported $image ($(( $(docker image inspect -f '{{.Size}}' "$image") / 1000000 )) MB, hash $hash, $(( SECONDS - t )) s)"
}
path='ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
# As in helm/images/*/Dockerfile: a 32 MiB gen0 budget and two malloc arenas (docs/performance.md).
memory_env='ENV DOTNET_GCgen0size=2000000 MALLOC_ARENA_MAX=2'
import "swelancer-k8s/coordinator:$TAG" "$base_tar" "$CACHE/publish/coordinator" - "$path" \
  'ENV SWELANCER_DATA_DIR=/var/lib/swelancer' 'ENV DOTNET_CLI_TELEMETRY_OPTOUT=1' "$memory_env" 'USER 10001' 'WORKDIR /var/lib/swelancer' \
  'ENTRYPOINT ["/opt/swelancer/swelancer"]' 'CMD ["coordinator"]'
import "swelancer-k8s/grader:$TAG" "$grader_tar" "$CACHE/publish/grader" - "$path" \
  'ENV SWELANCER_ARTEFACTS=/var/lib/swelancer/artefacts' 'ENV DOTNET_CLI_TELEMETRY_OPTOUT=1' "$memory_env" 'WORKDIR /var/lib/swelancer' \
  'ENTRYPOINT ["/opt/swelancer/swelancer-grader"]'
import "swelancer-k8s/postgresql:15" "$pg_tar" - "$repo/helm/images/postgresql" "$path" \
  'ENV PGDATA=/var/lib/postgresql/data/pgdata' 'USER 999' 'EXPOSE 5432' 'ENTRYPOINT ["/usr/local/bin/swelancer-postgresql"]'
log "done in $(( SECONDS - start )) s"
