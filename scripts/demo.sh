#!/usr/bin/env bash
# The README's first command: sets up what the sample pool needs (a Docker engine, Chromium, the sample app's image,
# all from Debian's packages and built locally) and grades one of its submission files on the embedded default.
# Usage: scripts/demo.sh [gold|empty|mixed]   (default mixed; run it again to see the finished sweep's ledger at once)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
which="${1:-mixed}"
pool="$root/samples/freelance-app"
[[ -f "$pool/submissions/$which.jsonl" ]] || { echo "demo: no submission file $pool/submissions/$which.jsonl (use gold, empty or mixed)" >&2; exit 2; }

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
"$root/scripts/setup-docker.sh"
if [[ ! -x /usr/bin/chromium ]]; then
  echo "demo: installing chromium" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
"$pool/build-image.sh"

exec "$root/swelancer" sweep --tasks "$pool/tasks.json" --submissions "$pool/submissions/$which.jsonl" \
  --sweep-id "demo-$which" --out "$root/runs/demo-$which"
