#!/bin/bash
# The bundled PostgreSQL of the chart (for trying it out; production uses an external database): initialises
# $PGDATA on first start with the user, password and database from the environment, then runs postgres in the
# foreground. Runs as the image's postgres user (uid 999).
set -euo pipefail
: "${PGDATA:=/var/lib/postgresql/data/pgdata}"
: "${POSTGRES_USER:=swelancer}"
: "${POSTGRES_DB:=swelancer}"
[[ -n ${POSTGRES_PASSWORD:-} ]] || { echo "postgresql: POSTGRES_PASSWORD is required" >&2; exit 1; }
bin=/usr/lib/postgresql/15/bin
if [[ ! -s $PGDATA/PG_VERSION ]]; then
  mkdir -p "$PGDATA" && chmod 700 "$PGDATA"
  "$bin/initdb" -D "$PGDATA" -U "$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") -E UTF8 \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"
  echo "host all all 0.0.0.0/0 scram-sha-256" >> "$PGDATA/pg_hba.conf"
  if [[ $POSTGRES_DB != postgres ]]; then
    echo "CREATE DATABASE \"$POSTGRES_DB\" OWNER \"$POSTGRES_USER\";" | "$bin/postgres" --single -D "$PGDATA" -j postgres >/dev/null
  fi
  echo "postgresql: initialised $PGDATA (database $POSTGRES_DB, user $POSTGRES_USER)"
fi
exec "$bin/postgres" -D "$PGDATA" -c unix_socket_directories=/tmp
