#!/usr/bin/env bash
# Installs (from Debian's packages) and starts what the integration tests use: PostgreSQL 15, a Docker engine,
# Chromium, Prometheus (installed only; each spec runs its own), and the locally built images (the sample pool's and the probe image of the container-limits specs).
# Idempotent; needs root (or sudo) on a fresh Debian 12 machine.
set -euo pipefail

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
need_packages=()
command -v pg_ctlcluster >/dev/null 2>&1 && [[ -d /usr/lib/postgresql/15 ]] || need_packages+=(postgresql)
[[ -x /usr/bin/chromium ]] || need_packages+=(chromium)
# The metrics spec starts its own Prometheus (no service is started here).
command -v prometheus >/dev/null 2>&1 || need_packages+=(prometheus)

if (( ${#need_packages[@]} )); then
  echo "setup-services: installing ${need_packages[*]}" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
fi

# PostgreSQL 15: the Debian default cluster, on 127.0.0.1:5432.
if ! pg_lsclusters -h 2>/dev/null | grep '^15 \+main' >/dev/null; then
  as_root pg_createcluster 15 main >/dev/null
fi
if ! pg_lsclusters -h | grep '^15 \+main .* online' >/dev/null; then
  as_root pg_ctlcluster 15 main start
fi
for _ in $(seq 1 30); do
  as_root runuser -u postgres -- pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
as_root runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'swelancer') THEN
    CREATE ROLE swelancer LOGIN PASSWORD 'swelancer' CREATEDB;
  END IF;
END $$;
SQL
echo "setup-services: PostgreSQL 15 ready on 127.0.0.1:5432 (role swelancer)" >&2

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup-docker.sh"
"$root/samples/freelance-app/build-image.sh"
"$root/scripts/build-probe-image.sh"
"$root/scripts/build-conformance-image.sh"
