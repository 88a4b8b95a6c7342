#!/usr/bin/env bash
# Fills ROOT with a minimal root filesystem made of Debian's busybox-static: the binary, one symlink per applet at the
# path busybox reports (bin/sh, usr/bin/patch, usr/sbin/httpd, ...), /tmp and a root user. Shared by the image scripts.
# Usage: scripts/busybox-rootfs.sh ROOT [BUSYBOX=/bin/busybox]
set -euo pipefail
root="$1"
busybox="${2:-/bin/busybox}"
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,tmp,etc,root}
chmod 1777 "$root/tmp"
cp "$busybox" "$root/bin/busybox"
"$busybox" --list-full | while read -r applet; do
  [[ -e "$root/$applet" ]] || ln -s /bin/busybox "$root/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\n' > "$root/etc/passwd"
printf 'root:x:0:\n' > "$root/etc/group"
