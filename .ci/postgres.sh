#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1:55432 for the PostgreSQL store tests (DESIGN.md §10) and prints
# the URL to export as MIGMON_TEST_DATABASE_URL. Usage: eval "$(bash .ci/postgres.sh)"; stop it with
# `bash .ci/postgres.sh stop DIR` (DIR is printed as MIGMON_TEST_PGDATA).
# Trust auth on 127.0.0.1 only and fsync off: a test cluster that is thrown away, never a deployment's.
set -euo pipefail
port="${MIGMON_TEST_PGPORT:-55432}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ "${1:-}" = "stop" ]; then
  su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$2' -m immediate stop" >&2 || true
  rm -rf "$(dirname "$2")"
  exit 0
fi
if [ -z "$bin" ]; then
  apt-get update >&2
  apt-get install -y --no-install-recommends postgresql >&2
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi
dir="$(mktemp -d /tmp/migmon-pg.XXXXXX)"
# A cluster that did not start (the port taken by another) leaves no folder behind.
trap 'rm -rf "$dir"' ERR
chown postgres "$dir"
su postgres -s /bin/sh -c "'$bin/initdb' -D '$dir/data' -A trust -U postgres --no-sync" >&2
su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$dir/data' -l '$dir/log' -w \
  -o \"-c listen_addresses=127.0.0.1 -p $port -c fsync=off -c unix_socket_directories='$dir'\" start" >&2
echo "export MIGMON_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
echo "export MIGMON_TEST_PGDATA=$dir/data"
