#!/usr/bin/env bash
# Starts a throwaway PostgreSQL (Debian's package) on 127.0.0.1:$PG_PORT with trust auth for the tests,
# in a cluster of its own under $PG_DIR, and prints its admin URL. Used by .ci/run; fine to run locally.
set -euo pipefail
PG_PORT="${PG_PORT:-55432}"
PG_DIR="${PG_DIR:-${TMPDIR:-/tmp}/ci-postgres}"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
latest_bin() { printf '%s\n' /usr/lib/postgresql/*/bin | grep -v '\*' | sort -V | tail -1 || true; }
bin=$(latest_bin)
if [ -z "$bin" ]; then
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bin=$(latest_bin)
fi
# initdb refuses to run as root: as root, the cluster belongs to the postgres user.
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
  mkdir -p "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
  run "'$bin/initdb' -D '$PG_DIR/data' -A trust -U postgres" >/dev/null
fi
if ! run "'$bin/pg_ctl' -D '$PG_DIR/data' status" >/dev/null 2>&1; then
  run "'$bin/pg_ctl' -D '$PG_DIR/data' -w -l '$PG_DIR/log' -o \"-p $PG_PORT -k '$PG_DIR' -c listen_addresses=127.0.0.1 -c max_connections=200\" start" >/dev/null
fi
echo "postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
